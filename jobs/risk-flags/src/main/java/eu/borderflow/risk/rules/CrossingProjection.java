package eu.borderflow.risk.rules;

import eu.borderflow.job.ingest.DeadLetters;
import eu.borderflow.job.ingest.OperatorFailures;
import eu.borderflow.privacy.Pseudonymiser;
import eu.borderflow.risk.RiskFlagJob;
import eu.borderflow.risk.RiskSettings;
import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.serde.SingleObjectSerde;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Cuts a crossing down to what some rules need before it is shuffled, tokenising on the way with the key bound when
 * the job was submitted (each subtask deserialises its own pseudonymiser). A crossing the projection fails on is a
 * dead letter carrying the whole crossing; the job goes on.
 */
public abstract class CrossingProjection<T> extends ProcessFunction<BorderCrossing, T> {

    private static final long serialVersionUID = 1L;

    private final Pseudonymiser tokens;
    private final OperatorFailures failures;
    private transient SingleObjectSerde<BorderCrossing> serde;

    /** {@code uid}: the operator's uid, which its dead letters name. */
    protected CrossingProjection(RiskSettings config, String uid) {
        this.tokens = config.tokens();
        this.failures = new OperatorFailures(RiskFlagJob.CROSSINGS, uid);
    }

    /** What the rules need of {@code crossing}. */
    protected abstract T project(BorderCrossing crossing);

    @Override
    public void open(OpenContext context) {
        failures.open(getRuntimeContext().getMetricGroup());
        serde = SingleObjectSerde.of(BorderCrossing.class);
    }

    @Override
    public void processElement(BorderCrossing crossing, Context ctx, Collector<T> out) {
        T projected;
        try {
            projected = project(crossing);
        } catch (RuntimeException e) {
            ctx.output(
                    DeadLetters.TAG,
                    failures.on(
                            e, crossing.getEventId(), crossing.getEventTime().toEpochMilli(), crossing, serde));
            return;
        }
        out.collect(projected);
    }

    protected Pseudonymiser tokens() {
        return tokens;
    }
}
