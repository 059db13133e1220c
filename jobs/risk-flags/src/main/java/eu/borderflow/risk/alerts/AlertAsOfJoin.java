package eu.borderflow.risk.alerts;

import eu.borderflow.risk.RiskSettings;
import eu.borderflow.privacy.Pseudonymiser;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * As-of-time join of crossings (input 1) with alert versions (input 2) on one key. A crossing waits in state until
 * the watermark (the smaller of both inputs') reaches its event time, so every alert change that took effect up to
 * then has arrived; it is then matched against the versions in force at its event time only. A crossing that arrives
 * behind the watermark is matched at once against the versions kept. An alert that ended at this key, and the
 * versions an update superseded, are kept for rules.yaml /retention/deleted_alert_days for such late crossings, then
 * erased from state.
 *
 * @param <OUT> flags, or matches that still have to meet the matches of the same crossing found at other keys
 */
public abstract class AlertAsOfJoin<OUT> extends KeyedCoProcessFunction<String, CrossingProbe, AlertVersion, OUT> {

    private static final long serialVersionUID = 1L;

    /** Flags list their alerts in a fixed order whatever the state's iteration order. */
    private static final Comparator<AlertVersion> BY_ALERT_ID = Comparator.comparing(AlertVersion::getAlertId);

    private final long keepEndedMillis;
    private final Pseudonymiser pseudonymiser;
    private transient MapState<String, List<AlertVersion>> alerts;
    private transient MapState<Long, List<CrossingProbe>> waiting;

    protected AlertAsOfJoin(RiskSettings config) {
        this.pseudonymiser = config.tokens();
        this.keepEndedMillis = Duration.ofDays(config.retention().getDeletedAlertDays()).toMillis();
    }

    @Override
    public void open(OpenContext openContext) {
        alerts = getRuntimeContext().getMapState(
                new MapStateDescriptor<>("alert-versions", Types.STRING, Types.LIST(AlertVersion.TYPE)));
        waiting = getRuntimeContext().getMapState(
                new MapStateDescriptor<>("waiting-crossings", Types.LONG, Types.LIST(CrossingProbe.TYPE)));
    }

    /** Evaluates {@code crossing} against the alert versions in force at its event time (never empty). */
    protected abstract void evaluate(CrossingProbe crossing, List<AlertVersion> inForce, Pseudonymiser pseudonymiser,
                                     Collector<OUT> out);

    @Override
    public void processElement1(CrossingProbe crossing, Context ctx, Collector<OUT> out) throws Exception {
        long at = crossing.getEventTime();
        if (at <= ctx.timerService().currentWatermark()) {
            match(crossing, out);
            return;
        }
        List<CrossingProbe> queue = waiting.get(at);
        if (queue == null) {
            queue = new ArrayList<>(1);
            ctx.timerService().registerEventTimeTimer(at);
        }
        queue.add(crossing);
        waiting.put(at, queue);
    }

    @Override
    public void processElement2(AlertVersion version, Context ctx, Collector<OUT> out) throws Exception {
        List<AlertVersion> versions = alerts.get(version.getAlertId());
        if (versions == null) {
            versions = new ArrayList<>(1);
        }
        AlertHistory.insert(versions, version);
        AlertHistory.prune(versions, ctx.timerService().currentWatermark(), keepEndedMillis);
        alerts.put(version.getAlertId(), versions);
        if (!version.isActive() || versions.size() > 1) {
            // Housekeeping once no crossing that late is expected: erase an ended alert, or superseded versions.
            ctx.timerService().registerEventTimeTimer(version.getSince() + keepEndedMillis);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<OUT> out) throws Exception {
        List<CrossingProbe> queue = waiting.get(timestamp);
        if (queue != null) {
            waiting.remove(timestamp);
            for (CrossingProbe crossing : queue) {
                match(crossing, out);
            }
        }
        List<String> erasable = null;
        for (Map.Entry<String, List<AlertVersion>> alert : alerts.entries()) {
            if (AlertHistory.erasable(alert.getValue(), timestamp, keepEndedMillis)) {
                erasable = erasable == null ? new ArrayList<>(1) : erasable;
                erasable.add(alert.getKey());
            } else if (AlertHistory.prune(alert.getValue(), timestamp, keepEndedMillis)) {
                // Written back for state backends that hand out copies.
                alert.setValue(alert.getValue());
            }
        }
        if (erasable != null) {
            // MapState.remove, not the iterator's: it also drops the key's state entry once the map is empty.
            for (String alertId : erasable) {
                alerts.remove(alertId);
            }
        }
    }

    private void match(CrossingProbe crossing, Collector<OUT> out) throws Exception {
        List<AlertVersion> inForce = null;
        for (Map.Entry<String, List<AlertVersion>> alert : alerts.entries()) {
            AlertVersion version = AlertHistory.asOf(alert.getValue(), crossing.getEventTime());
            if (version != null && version.isActive()) {
                if (inForce == null) {
                    inForce = new ArrayList<>(1);
                }
                inForce.add(version);
            }
        }
        if (inForce != null) {
            inForce.sort(BY_ALERT_ID);
            evaluate(crossing, inForce, pseudonymiser, out);
        }
    }
}
