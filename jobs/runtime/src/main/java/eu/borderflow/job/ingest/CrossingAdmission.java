package eu.borderflow.job.ingest;

import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.serde.SingleObjectSerde;
import java.time.Duration;
import java.util.Arrays;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.metrics.Counter;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Admits each crossing once, keyed by the traveller's file (the key the EES-file rules use). A crossing later than
 * the allowed lateness (its event time at least that far behind the watermark) is a {@link DeadLetters#LATE} dead
 * letter and never reaches rule state. A crossing whose event id was already admitted is dropped and counted,
 * however late it comes: an admitted id is remembered until the watermark passes its event time plus the allowed
 * lateness, and anything older than that is LATE. So a re-sent crossing, or a whole world replayed into a running
 * job, raises no flag twice.
 * <p>
 * The state per traveller is compact: 64-bit hashes of the event ids with their event times, only those within the
 * lateness horizon, erased by an event-time timer. Two ids of one traveller within 72 hours sharing a 64-bit hash is
 * a chance of about 2<sup>-64</sup> per pair.
 * <p>
 * After a restore, lateness is judged against the watermark of the last checkpoint until the current one passes it
 * ({@link RestoredWatermark}).
 */
public final class CrossingAdmission extends KeyedProcessFunction<String, BorderCrossing, BorderCrossing>
        implements CheckpointedFunction {

    public static final String UID = "crossings-admission";
    static final String DUPLICATES_COUNTER = "duplicateCrossings";
    private static final long serialVersionUID = 1L;

    private final long latenessMs;
    private final OperatorFailures failures;
    private final RestoredWatermark restoredWatermark = new RestoredWatermark("crossings-admission-watermark");
    private transient ValueState<long[]> admitted;
    private transient Counter duplicates;
    private transient SingleObjectSerde<BorderCrossing> serde;

    public CrossingAdmission(Duration allowedLateness, JobInput input) {
        this.latenessMs = allowedLateness.toMillis();
        this.failures = new OperatorFailures(input, UID);
    }

    @Override
    public void open(OpenContext context) {
        admitted = getRuntimeContext()
                .getState(new ValueStateDescriptor<>(
                        "admitted-event-ids", PrimitiveArrayTypeInfo.LONG_PRIMITIVE_ARRAY_TYPE_INFO));
        duplicates = getRuntimeContext().getMetricGroup().counter(DUPLICATES_COUNTER);
        failures.open(getRuntimeContext().getMetricGroup());
        serde = SingleObjectSerde.of(BorderCrossing.class);
    }

    @Override
    public void processElement(BorderCrossing crossing, Context ctx, Collector<BorderCrossing> out) throws Exception {
        long at = crossing.getEventTime().toEpochMilli();
        long watermark = restoredWatermark.apply(ctx.timerService().currentWatermark());
        if (at + latenessMs <= watermark) {
            ctx.output(
                    DeadLetters.TAG,
                    failures.lateBehind(
                            crossing.getEventId(),
                            at,
                            watermark,
                            Duration.ofMillis(latenessMs),
                            serde.encode(crossing)));
            return;
        }
        long hash = hash(crossing.getEventId());
        long[] ids = prune(admitted.value(), watermark);
        for (int i = 0; i < ids.length; i += 2) {
            if (ids[i] == hash) {
                duplicates.inc();
                return;
            }
        }
        long[] more = Arrays.copyOf(ids, ids.length + 2);
        more[ids.length] = hash;
        more[ids.length + 1] = at;
        admitted.update(more);
        // One timer per traveller, at the earliest expiry of the ids kept (a timer per crossing filled the timer
        // queue): one is pending at the oldest id's expiry unless this id is the oldest.
        if (ids.length == 0 || at < oldest(ids)) {
            ctx.timerService().registerEventTimeTimer(at + latenessMs);
        }
        out.collect(crossing);
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
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<BorderCrossing> out) throws Exception {
        // Ids are forgotten at this watermark: a restore must judge lateness against it too.
        restoredWatermark.apply(ctx.timerService().currentWatermark());
        long[] ids = prune(admitted.value(), timestamp);
        if (ids.length == 0) {
            admitted.clear();
        } else {
            admitted.update(ids);
            ctx.timerService().registerEventTimeTimer(oldest(ids) + latenessMs);
        }
    }

    /** The earliest event time among the (hash, event time) pairs. */
    private static long oldest(long[] ids) {
        long oldest = Long.MAX_VALUE;
        for (int i = 1; i < ids.length; i += 2) {
            oldest = Math.min(oldest, ids[i]);
        }
        return oldest;
    }

    /** The (hash, event time) pairs still within the lateness horizon at {@code watermark}. */
    private long[] prune(long[] ids, long watermark) {
        if (ids == null) {
            return new long[0];
        }
        int kept = 0;
        long[] out = new long[ids.length];
        for (int i = 0; i < ids.length; i += 2) {
            if (ids[i + 1] + latenessMs > watermark) {
                out[kept++] = ids[i];
                out[kept++] = ids[i + 1];
            }
        }
        return kept == ids.length ? ids : Arrays.copyOf(out, kept);
    }

    /** FNV-1a over the id's UTF-16 code units, 64 bits. */
    static long hash(String id) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < id.length(); i++) {
            h ^= id.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }

    long duplicateCount() {
        return duplicates.getCount();
    }

    long lateCount() {
        return failures.count(DeadLetters.LATE);
    }
}
