package eu.borderflow.risk.alerts;

import eu.borderflow.job.ingest.DeadLetters;
import eu.borderflow.job.ingest.OperatorFailures;
import eu.borderflow.privacy.Pseudonymiser;
import eu.borderflow.review.ReviewDates;
import eu.borderflow.risk.RiskFlagJob;
import eu.borderflow.risk.RiskSettings;
import eu.borderflow.schema.AlertChange;
import eu.borderflow.schema.serde.SingleObjectSerde;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.BasicArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by alert id: turns each change into a version for every join key of the alert, computed once, and tells the
 * keys an update or deletion left that the alert ends there. The keys of the last version are the state, and a
 * deletion erases them. An alert whose review period ends without an extension is deleted (SIS Regulation, review
 * of alerts): every version carries that end ({@link ReviewDates#expiresAt}), after which the joins match nothing on
 * it. Once the allowed lateness has passed that end too, in event time, so that no extension made in time can still
 * arrive, the router tells its keys that the alert has ended and forgets it; the joins erase it after rules.yaml
 * /retention/deleted_alert_days like any deleted alert.
 */
public class AlertVersionRouter extends KeyedProcessFunction<String, AlertChange, AlertVersion> {

    private static final long serialVersionUID = 1L;

    /** Which join the versions are for, and the uid of the router for it. */
    public enum Target {
        DOCUMENT("alerts-r1-alert-versions"),
        PERSON("alerts-r2-r9-alert-versions");

        private final String uid;

        Target(String uid) {
            this.uid = uid;
        }

        public String uid() {
            return uid;
        }
    }

    private final Target target;
    private final Pseudonymiser pseudonymiser;
    private final OperatorFailures failures;
    private final long latenessMs;
    private transient ValueState<String[]> lastKeys;
    /** When the router forgets the alert (end of its review period plus the lateness, epoch ms), its last version. */
    private transient ValueState<long[]> expiry;

    private transient SingleObjectSerde<AlertChange> serde;

    public AlertVersionRouter(Target target, RiskSettings config) {
        this.target = target;
        this.failures = new OperatorFailures(RiskFlagJob.ALERTS, target.uid());
        this.pseudonymiser = config.tokens();
        this.latenessMs = config.time().getAllowedLateness().toMillis();
    }

    @Override
    public void open(OpenContext openContext) {
        failures.open(getRuntimeContext().getMetricGroup());
        serde = SingleObjectSerde.of(AlertChange.class);
        lastKeys = getRuntimeContext()
                .getState(new ValueStateDescriptor<>("last-keys", BasicArrayTypeInfo.STRING_ARRAY_TYPE_INFO));
        expiry = getRuntimeContext()
                .getState(new ValueStateDescriptor<>(
                        "review-expiry", PrimitiveArrayTypeInfo.LONG_PRIMITIVE_ARRAY_TYPE_INFO));
    }

    @Override
    public void processElement(AlertChange change, Context ctx, Collector<AlertVersion> out) throws Exception {
        // Computed whole before anything is emitted or stored: a change that fails half way is a dead letter only.
        List<AlertVersion> versions = new ArrayList<>();
        String[] current;
        try {
            AlertVersion version = target == Target.DOCUMENT
                    ? AlertVersions.document(change, pseudonymiser)
                    : AlertVersions.person(change);
            String[] previous = lastKeys.value();
            current = version == null ? new String[0] : version.getKeys();
            if (previous != null) {
                for (String key : previous) {
                    if (Arrays.binarySearch(current, key) < 0) {
                        versions.add(AlertVersion.ended(
                                key,
                                change.getAlertId(),
                                change.getVersion(),
                                change.getEventTime().toEpochMilli()));
                    }
                }
            }
            for (String key : current) {
                versions.add(version.forKey(key));
            }
        } catch (RuntimeException e) {
            ctx.output(
                    DeadLetters.TAG,
                    failures.on(e, change.getChangeId(), change.getEventTime().toEpochMilli(), change, serde));
            return;
        }
        versions.forEach(out::collect);
        long[] before = expiry.value();
        if (current.length == 0) {
            lastKeys.clear();
            expiry.clear();
            if (before != null) {
                ctx.timerService().deleteEventTimeTimer(before[0]);
            }
            return;
        }
        lastKeys.update(current);
        long forgetAt = ReviewDates.expiresAt(change.getReviewDate()) + latenessMs;
        if (before == null || before[0] != forgetAt) {
            if (before != null) {
                ctx.timerService().deleteEventTimeTimer(before[0]);
            }
            ctx.timerService().registerEventTimeTimer(forgetAt);
        }
        expiry.update(new long[] {forgetAt, change.getVersion()});
    }

    /** The review period ended with no extension: the alert ends at every key it has, and is forgotten. */
    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<AlertVersion> out) throws Exception {
        long[] current = expiry.value();
        String[] keys = lastKeys.value();
        if (current == null || current[0] != timestamp) {
            return;
        }
        if (keys != null) {
            for (String key : keys) {
                out.collect(AlertVersion.ended(key, ctx.getCurrentKey(), (int) current[1], timestamp));
            }
        }
        lastKeys.clear();
        expiry.clear();
    }
}
