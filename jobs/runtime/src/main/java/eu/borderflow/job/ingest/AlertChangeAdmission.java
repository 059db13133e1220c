package eu.borderflow.job.ingest;

import eu.borderflow.schema.AlertChange;
import eu.borderflow.schema.serde.SingleObjectSerde;
import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Admits each alert change once, keyed by alert id: a change whose version is not above the highest admitted one (a
 * re-sent change, or a replayed changelog) is dropped and counted, so alert changes are idempotent by version and
 * change id; a change later than the allowed lateness is a {@link DeadLetters#LATE} dead letter. The highest version
 * is kept until the watermark passes the last change's event time plus the allowed lateness; any copy of an older
 * change is LATE from then on. After a restore, lateness is judged against the watermark of the last checkpoint until
 * the current one passes it ({@link RestoredWatermark}).
 */
public final class AlertChangeAdmission extends KeyedProcessFunction<String, AlertChange, AlertChange>
        implements CheckpointedFunction {

    public static final String UID = "alerts-admission";
    static final String DUPLICATES_COUNTER = "duplicateAlertChanges";
    private static final long serialVersionUID = 1L;

    private final long latenessMs;
    private final OperatorFailures failures;
    private final RestoredWatermark restoredWatermark = new RestoredWatermark("alerts-admission-watermark");
    private transient ValueState<Integer> version;
    private transient ValueState<Long> lastChange;
    private transient Counter duplicates;
    private transient SingleObjectSerde<AlertChange> serde;

    public AlertChangeAdmission(Duration allowedLateness, JobInput input) {
        this.latenessMs = allowedLateness.toMillis();
        this.failures = new OperatorFailures(input, UID);
    }

    @Override
    public void open(OpenContext context) {
        version = getRuntimeContext().getState(new ValueStateDescriptor<>("admitted-version", Types.INT));
        lastChange = getRuntimeContext().getState(new ValueStateDescriptor<>("admitted-last-change", Types.LONG));
        duplicates = getRuntimeContext().getMetricGroup().counter(DUPLICATES_COUNTER);
        failures.open(getRuntimeContext().getMetricGroup());
        serde = SingleObjectSerde.of(AlertChange.class);
    }

    @Override
    public void processElement(AlertChange change, Context ctx, Collector<AlertChange> out) throws Exception {
        long at = change.getEventTime().toEpochMilli();
        long watermark = restoredWatermark.apply(ctx.timerService().currentWatermark());
        if (at + latenessMs <= watermark) {
            ctx.output(
                    DeadLetters.TAG,
                    failures.lateBehind(
                            change.getChangeId(), at, watermark, Duration.ofMillis(latenessMs), serde.encode(change)));
            return;
        }
        Integer admitted = version.value();
        if (admitted != null && change.getVersion() <= admitted) {
            duplicates.inc();
            return;
        }
        version.update(change.getVersion());
        lastChange.update(at);
        ctx.timerService().registerEventTimeTimer(at + latenessMs);
        out.collect(change);
    }

    @Override
    public void initializeState(FunctionInitializationContext context) throws Exception {
        restoredWatermark.initialize(context);
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) throws Exception {
        restoredWatermark.snapshot();
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<AlertChange> out) throws Exception {
        // Versions are forgotten at this watermark: a restore must judge lateness against it too.
        restoredWatermark.apply(ctx.timerService().currentWatermark());
        Long last = lastChange.value();
        if (last != null && last + latenessMs <= timestamp) {
            version.clear();
            lastChange.clear();
        }
    }

    long duplicateCount() {
        return duplicates.getCount();
    }
}
