package eu.borderflow.risk.testing;

import eu.borderflow.risk.RuleStage;
import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.RiskFlag;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.util.Collector;

/**
 * TEST ONLY: a stage that raises no flags but fails its task once, some crossings after a checkpoint has completed,
 * so that flags written after the checkpoint must be rolled back and the job restores from it mid-stream. It slows
 * each crossing down a little, so that this happens before the input runs out. MiniCluster tasks share the test's
 * JVM, so a static flag says whether the failure has happened.
 */
public final class FailOnceStage extends RichFlatMapFunction<BorderCrossing, RiskFlag> implements CheckpointListener {

    private static final long serialVersionUID = 1L;
    private static final AtomicBoolean FAILED = new AtomicBoolean();
    private static final long PACE_MS = 2;
    private static final int CROSSINGS_AFTER_CHECKPOINT = 1000;

    private transient volatile boolean checkpointed;
    private transient int sinceCheckpoint;

    public static RuleStage stage() {
        FAILED.set(false);
        return (crossings, alerts, config, deadLetters) -> crossings
                .flatMap(new FailOnceStage(), new AvroTypeInfo<>(RiskFlag.class))
                .uid("test-fail-once")
                .name("test: fail once after a checkpoint");
    }

    public static boolean failed() {
        return FAILED.get();
    }

    @Override
    public void flatMap(BorderCrossing crossing, Collector<RiskFlag> out) throws Exception {
        if (FAILED.get()) {
            return;
        }
        if (checkpointed && ++sinceCheckpoint >= CROSSINGS_AFTER_CHECKPOINT && FAILED.compareAndSet(false, true)) {
            throw new IllegalStateException("injected failure after a completed checkpoint");
        }
        Thread.sleep(PACE_MS);
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        checkpointed = true;
    }
}
