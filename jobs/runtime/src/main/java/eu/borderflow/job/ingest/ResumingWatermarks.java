package eu.borderflow.job.ingest;

import eu.borderflow.schema.DeadLetter;
import java.util.function.Predicate;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarksWithIdleness.IdlenessTimer;
import org.apache.flink.types.Either;
import org.apache.flink.util.clock.RelativeClock;

/**
 * One source split's watermark: its newest event time less the out-of-orderness, idle after the idleness without
 * a record, and held for the resume hold once it has records again ({@link SourceTiming}).
 * <p>
 * Why the hold: while a split counts as idle, its source's watermark is that of the others alone. When traffic comes
 * back after a quiet spell (a world replayed into a job that waited, a feed after an outage), every split has records
 * waiting, but the source reads one split's fetch before the next. Flink's idleness would let the first split read
 * move the watermark, by as much event time as its first fetch spans, before the other splits are read; their
 * records then come behind it, and those more than the allowed lateness behind are LATE. Held, the split that resumes
 * keeps the watermark it had before it went quiet, so the source's watermark stays where it was until the hold ends,
 * by when the other splits that have records are read and count again. A split that is still quiet then no longer
 * holds anything back, as with idleness alone.
 * <p>
 * The hold reaches past its own source too: held, the split moves the watermark it had by one millisecond, because a
 * source whose splits were all idle stays idle for the operators it feeds until its watermark moves, and an idle input
 * holds none of them back. So other inputs of the same operators (the picture job's flags, which the risk job commits
 * only at its checkpoints) cannot move them past what the held split is about to bring.
 * <p>
 * Both durations are of the source's input-activity clock, which stands still while the source is back-pressured or
 * paused, as Flink's idleness is.
 * <p>
 * A heartbeat at T ({@link Heartbeats}) is not an event among others that may come out of order: its producer promises
 * that nothing before T follows on its partition, so the split's watermark goes to T - 1 at once, not T less the
 * out-of-orderness.
 */
final class ResumingWatermarks<T> implements WatermarkGenerator<T> {

    private final long outOfOrdernessMs;
    private final long resumeHoldNanos;
    private final RelativeClock clock;
    private final IdlenessTimer idleness;
    /** Which events are heartbeats; null for an input that takes none. */
    private final Predicate<T> heartbeat;

    /** The newest event time seen; starts so that the first watermark is Long.MIN_VALUE. */
    private long newest;

    /** The latest heartbeat's time less 1 ms: how far the split's producer has promised it has come. */
    private long promised = Long.MIN_VALUE;

    /** The watermark this split last emitted outside a hold. */
    private long emitted = Long.MIN_VALUE;

    private boolean idle;
    /** Until when, on the activity clock, this split emits {@code emitted}; in the past unless it has just resumed. */
    private long heldUntilNanos;

    ResumingWatermarks(SourceTiming timing, RelativeClock clock) {
        this(timing, clock, null);
    }

    /** The generator of a source split of {@code ingest}'s records, its heartbeats told apart if it takes them. */
    static <T extends SpecificRecordBase> ResumingWatermarks<Either<T, DeadLetter>> forIngest(
            RecordIngest<T> ingest, SourceTiming timing, RelativeClock clock) {
        return new ResumingWatermarks<>(
                timing,
                clock,
                ingest.takesHeartbeats() ? record -> record.isLeft() && ingest.isHeartbeat(record.left()) : null);
    }

    /** {@code heartbeat}: which events are heartbeats ({@link Heartbeats}), or null. */
    ResumingWatermarks(SourceTiming timing, RelativeClock clock, Predicate<T> heartbeat) {
        this.heartbeat = heartbeat;
        this.outOfOrdernessMs = timing.outOfOrderness().toMillis();
        this.resumeHoldNanos = timing.resumeHold().toNanos();
        this.clock = clock;
        this.idleness = new IdlenessTimer(clock, timing.idleness());
        this.newest = Long.MIN_VALUE + outOfOrdernessMs + 1;
        this.heldUntilNanos = clock.relativeTimeNanos();
    }

    @Override
    public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {
        idleness.activity();
        if (idle) {
            idle = false;
            heldUntilNanos = clock.relativeTimeNanos() + resumeHoldNanos;
        }
        if (heartbeat != null && heartbeat.test(event)) {
            promised = Math.max(promised, eventTimestamp - 1);
        } else {
            newest = Math.max(newest, eventTimestamp);
        }
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
        if (idleness.checkIfIdle()) {
            if (held()) {
                // Quiet again before the hold ended (a hold longer than the idleness): what it read is passed on now,
                // and the split idle at the next emit; were it idle at once, its source would never pass it on.
                heldUntilNanos = clock.relativeTimeNanos();
                emitted = current();
                output.emitWatermark(new Watermark(emitted));
            } else if (!idle) {
                idle = true;
                output.markIdle();
            }
            return;
        }
        if (held()) {
            // One millisecond on: a source whose splits were all idle is idle for its consumers until its watermark
            // moves, and would hold none of them back; so it moves, by as little as it can.
            output.emitWatermark(new Watermark(emitted + 1));
            return;
        }
        emitted = current();
        output.emitWatermark(new Watermark(emitted));
    }

    private long current() {
        return Math.max(newest - outOfOrdernessMs - 1, promised);
    }

    private boolean held() {
        return clock.relativeTimeNanos() - heldUntilNanos < 0;
    }
}
