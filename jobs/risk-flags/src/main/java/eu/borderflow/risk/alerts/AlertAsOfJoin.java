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
import org.apache.flink.api.common.functions.util.ListCollector;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.runtime.state.VoidNamespaceSerializer;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.InternalTimer;
import org.apache.flink.streaming.api.operators.InternalTimerService;
import org.apache.flink.streaming.api.operators.InternalTimerServiceImpl;
import org.apache.flink.streaming.api.operators.TimestampedCollector;
import org.apache.flink.streaming.api.operators.Triggerable;
import org.apache.flink.streaming.api.operators.TwoInputStreamOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.util.Collector;

/**
 * As-of-time join of crossings (input 1) with alert versions (input 2) on one key. A crossing is matched as soon as
 * the alert changelog's watermark has passed its event time, so that every alert change that took effect up to then
 * has arrived: at once if it has, else it waits in state until it does. Only the changelog's watermark matters here,
 * not the crossings': with heartbeats on {@code sis.alerts} (docs/CONTRACTS.md) a stolen-document hit comes within a
 * heartbeat of its crossing instead of the crossings' out-of-orderness later, and a changelog that has ended (a
 * dataset file read whole) keeps no crossing waiting. A crossing is matched against the versions in force at its
 * event time only (not past the end of their review period). While the changelog's input is idle, the operator's
 * watermark (the smaller of both inputs') moves the waiting crossings on instead.
 * <p>
 * An alert that ended at this key, and the versions an update superseded, are kept for rules.yaml
 * /retention/deleted_alert_days after the operator's watermark, for crossings that come that late, then erased from
 * state. That housekeeping follows the operator's watermark, not the changelog's, which can run ahead of the
 * crossings by days (to the end of time, once a changelog file is read).
 *
 * @param <OUT> flags, or matches that still have to meet the matches of the same crossing found at other keys
 */
public abstract class AlertAsOfJoin<OUT> extends AbstractStreamOperator<OUT>
        implements TwoInputStreamOperator<CrossingProbe, AlertVersion, OUT>, Triggerable<String, VoidNamespace> {

    private static final long serialVersionUID = 1L;

    /** Flags list their alerts in a fixed order whatever the state's iteration order. */
    private static final Comparator<AlertVersion> BY_ALERT_ID = Comparator.comparing(AlertVersion::getAlertId);

    /**
     * The timers of the operator's watermark: housekeeping, and crossings that waited in a build before 2026-12-07,
     * restored from its savepoints. The name is {@code KeyedCoProcessOperator}'s, which held them then.
     */
    private static final String TIMERS = "user-timers";

    /** The timers of the changelog's watermark: one per crossing waiting for it, at its event time. */
    private static final String CHANGELOG_TIMERS = "changelog-watermark-timers";

    private final long keepEndedMillis;
    private final Pseudonymiser pseudonymiser;
    private final OperatorFailures failures;
    private final OperatorFailures alertFailures;
    private transient MapState<String, List<AlertVersion>> alerts;
    private transient MapState<Long, List<CrossingProbe>> waiting;
    private transient InternalTimerService<VoidNamespace> timers;
    private transient InternalTimerServiceImpl<String, VoidNamespace> changelogTimers;
    private transient TimestampedCollector<OUT> collector;
    /**
     * The changelog's (input 2's) watermark. Kept here because Flink advances every timer service to the operator's
     * watermark too, which sets {@link #changelogTimers}' own back.
     */
    private transient long changelogWatermark;

    /** {@code uid}: the operator's uid, which its dead letters name. */
    protected AlertAsOfJoin(RiskSettings config, String uid) {
        this.pseudonymiser = config.tokens();
        this.failures = new OperatorFailures(RiskFlagJob.CROSSINGS, uid);
        this.alertFailures = failures.forInput(RiskFlagJob.ALERTS);
        this.keepEndedMillis =
                Duration.ofDays(config.retention().getDeletedAlertDays()).toMillis();
    }

    @Override
    public void open() throws Exception {
        super.open();
        failures.open(getMetricGroup());
        collector = new TimestampedCollector<>(output);
        changelogWatermark = Long.MIN_VALUE;
        alerts = getRuntimeContext()
                .getMapState(new MapStateDescriptor<>("alert-versions", Types.STRING, Types.LIST(AlertVersion.TYPE)));
        waiting = getRuntimeContext()
                .getMapState(new MapStateDescriptor<>("waiting-crossings", Types.LONG, Types.LIST(CrossingProbe.TYPE)));
        timers = getInternalTimerService(TIMERS, VoidNamespaceSerializer.INSTANCE, this);
        // Flink's own timer service manager advances every service through this type, so the cast holds as it does.
        changelogTimers = (InternalTimerServiceImpl<String, VoidNamespace>)
                getInternalTimerService(CHANGELOG_TIMERS, VoidNamespaceSerializer.INSTANCE, new ChangelogWatermark());
    }

    /** Evaluates {@code crossing} against the alert versions in force at its event time (never empty). */
    protected abstract void evaluate(
            CrossingProbe crossing, List<AlertVersion> inForce, Pseudonymiser pseudonymiser, Collector<OUT> out);

    @Override
    public void processElement1(StreamRecord<CrossingProbe> element) throws Exception {
        CrossingProbe crossing = element.getValue();
        long at = crossing.getEventTime();
        // The operator's watermark is the later one while the changelog is idle.
        if (at <= Math.max(changelogWatermark, timers.currentWatermark())) {
            collector.setTimestamp(element);
            matchSafely(crossing);
            return;
        }
        List<CrossingProbe> queue = waiting.get(at);
        if (queue == null) {
            queue = new ArrayList<>(1);
            changelogTimers.registerEventTimeTimer(VoidNamespace.INSTANCE, at);
        }
        queue.add(crossing);
        waiting.put(at, queue);
    }

    @Override
    public void processElement2(StreamRecord<AlertVersion> element) throws Exception {
        AlertVersion version = element.getValue();
        List<AlertVersion> stored = alerts.get(version.getAlertId());
        // A copy: on a heap state backend the stored list is the state itself, and a failure half way must leave it.
        List<AlertVersion> versions = stored == null ? new ArrayList<>(1) : new ArrayList<>(stored);
        try {
            AlertHistory.insert(versions, version);
            AlertHistory.prune(versions, timers.currentWatermark(), keepEndedMillis);
        } catch (RuntimeException e) {
            output.collect(
                    DeadLetters.TAG,
                    new StreamRecord<>(
                            alertFailures.on(e, version.getAlertId(), version.getSince()), version.getSince()));
            return;
        }
        alerts.put(version.getAlertId(), versions);
        if (!version.isActive() || versions.size() > 1) {
            // Housekeeping once no crossing that late is expected: erase an ended alert, or superseded versions.
            timers.registerEventTimeTimer(VoidNamespace.INSTANCE, version.getSince() + keepEndedMillis);
        }
    }

    @Override
    public void processWatermark2(Watermark mark) throws Exception {
        super.processWatermark2(mark);
        if (mark.getTimestamp() > changelogWatermark) {
            changelogWatermark = mark.getTimestamp();
            changelogTimers.advanceWatermark(changelogWatermark);
        }
    }

    @Override
    public void onEventTime(InternalTimer<String, VoidNamespace> timer) throws Exception {
        long timestamp = timer.getTimestamp();
        collector.setAbsoluteTimestamp(timestamp);
        releaseWaiting(timestamp);
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

    @Override
    public void onProcessingTime(InternalTimer<String, VoidNamespace> timer) {
        throw new UnsupportedOperationException("the as-of join registers no processing-time timers");
    }

    /** Matches the crossings that waited for {@code at}. */
    private void releaseWaiting(long at) throws Exception {
        List<CrossingProbe> queue = waiting.get(at);
        if (queue != null) {
            waiting.remove(at);
            for (CrossingProbe crossing : queue) {
                matchSafely(crossing);
            }
        }
    }

    /** Matches one crossing as a unit: its outputs are held back until it succeeded, else it is a dead letter. */
    private void matchSafely(CrossingProbe crossing) throws Exception {
        List<OUT> results = new ArrayList<>(1);
        try {
            match(crossing, new ListCollector<>(results));
        } catch (RuntimeException e) {
            output.collect(
                    DeadLetters.TAG,
                    new StreamRecord<>(
                            failures.on(e, crossing.getEventId(), crossing.getEventTime()), crossing.getEventTime()));
            return;
        }
        results.forEach(collector::collect);
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

    /** The changelog's watermark has passed crossings waiting for it. */
    private final class ChangelogWatermark implements Triggerable<String, VoidNamespace> {

        @Override
        public void onEventTime(InternalTimer<String, VoidNamespace> timer) throws Exception {
            collector.setAbsoluteTimestamp(timer.getTimestamp());
            releaseWaiting(timer.getTimestamp());
        }

        @Override
        public void onProcessingTime(InternalTimer<String, VoidNamespace> timer) {
            throw new UnsupportedOperationException("the as-of join registers no processing-time timers");
        }
    }
}
