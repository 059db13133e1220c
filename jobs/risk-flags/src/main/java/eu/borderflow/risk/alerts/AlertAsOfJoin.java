package eu.borderflow.risk.alerts;

import eu.borderflow.job.ingest.DeadLetters;
import eu.borderflow.job.ingest.OperatorFailures;
import eu.borderflow.privacy.Pseudonymiser;
import eu.borderflow.risk.RiskFlagJob;
import eu.borderflow.risk.RiskSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.util.ListCollector;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;

/**
 * As-of-time join of crossings (input 1) with alert versions (input 2) on one key. A crossing waits in state until
 * the watermark (the smaller of both inputs') reaches its event time, so every alert change that took effect up to
 * then has arrived; it is then matched against the versions in force at its event time only (not past the end of
 * their review period). A crossing that arrives behind the watermark is matched at once against the versions kept.
 * An alert that ended at this key, and the versions an update superseded, are kept for rules.yaml
 * /retention/deleted_alert_days for such late crossings, then erased from state.
 *
 * @param <OUT> flags, or matches that still have to meet the matches of the same crossing found at other keys
 */
public abstract class AlertAsOfJoin<OUT> extends KeyedCoProcessFunction<String, CrossingProbe, AlertVersion, OUT> {

    private static final long serialVersionUID = 1L;

    /** Flags list their alerts in a fixed order whatever the state's iteration order. */
    private static final Comparator<AlertVersion> BY_ALERT_ID = Comparator.comparing(AlertVersion::getAlertId);

    private final long keepEndedMillis;
    private final Pseudonymiser pseudonymiser;
    private final OperatorFailures failures;
    private final OperatorFailures alertFailures;
    private transient MapState<String, List<AlertVersion>> alerts;
    private transient MapState<Long, List<CrossingProbe>> waiting;

    /** {@code uid}: the operator's uid, which its dead letters name. */
    protected AlertAsOfJoin(RiskSettings config, String uid) {
        this.pseudonymiser = config.tokens();
        this.failures = new OperatorFailures(RiskFlagJob.CROSSINGS, uid);
        this.alertFailures = failures.forInput(RiskFlagJob.ALERTS);
        this.keepEndedMillis =
                Duration.ofDays(config.retention().getDeletedAlertDays()).toMillis();
    }

    @Override
    public void open(OpenContext openContext) {
        failures.open(getRuntimeContext().getMetricGroup());
        alerts = getRuntimeContext()
                .getMapState(new MapStateDescriptor<>("alert-versions", Types.STRING, Types.LIST(AlertVersion.TYPE)));
        waiting = getRuntimeContext()
                .getMapState(new MapStateDescriptor<>("waiting-crossings", Types.LONG, Types.LIST(CrossingProbe.TYPE)));
    }

    /** Evaluates {@code crossing} against the alert versions in force at its event time (never empty). */
    protected abstract void evaluate(
            CrossingProbe crossing, List<AlertVersion> inForce, Pseudonymiser pseudonymiser, Collector<OUT> out);

    @Override
    public void processElement1(CrossingProbe crossing, Context ctx, Collector<OUT> out) throws Exception {
        long at = crossing.getEventTime();
        if (at <= ctx.timerService().currentWatermark()) {
            matchSafely(crossing, ctx, out);
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
        List<AlertVersion> stored = alerts.get(version.getAlertId());
        // A copy: on a heap state backend the stored list is the state itself, and a failure half way must leave it.
        List<AlertVersion> versions = stored == null ? new ArrayList<>(1) : new ArrayList<>(stored);
        try {
            AlertHistory.insert(versions, version);
            AlertHistory.prune(versions, ctx.timerService().currentWatermark(), keepEndedMillis);
        } catch (RuntimeException e) {
            ctx.output(DeadLetters.TAG, alertFailures.on(e, version.getAlertId(), version.getSince()));
            return;
        }
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
                matchSafely(crossing, ctx, out);
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

    /** Matches one crossing as a unit: its outputs are held back until it succeeded, else it is a dead letter. */
    private void matchSafely(CrossingProbe crossing, Context ctx, Collector<OUT> out) throws Exception {
        List<OUT> results = new ArrayList<>(1);
        try {
            match(crossing, new ListCollector<>(results));
        } catch (RuntimeException e) {
            ctx.output(DeadLetters.TAG, failures.on(e, crossing.getEventId(), crossing.getEventTime()));
            return;
        }
        results.forEach(out::collect);
    }

    private void match(CrossingProbe crossing, Collector<OUT> out) throws Exception {
        List<AlertVersion> inForce = null;
        for (Map.Entry<String, List<AlertVersion>> alert : alerts.entries()) {
            AlertVersion version = AlertHistory.asOf(alert.getValue(), crossing.getEventTime());
            if (version != null && version.inForceAt(crossing.getEventTime())) {
                if (inForce == null) {
                    inForce = new ArrayList<>(1);
                }
                inForce.add(AlertHistory.sinceRunStart(alert.getValue(), version));
            }
        }
        if (inForce != null) {
            inForce.sort(BY_ALERT_ID);
            evaluate(crossing, inForce, pseudonymiser, out);
        }
    }
}
