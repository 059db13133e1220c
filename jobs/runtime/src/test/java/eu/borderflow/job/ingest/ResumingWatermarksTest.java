package eu.borderflow.job.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkOutputMultiplexer;
import org.apache.flink.util.clock.ManualClock;
import org.junit.jupiter.api.Test;

/**
 * Two Kafka partitions of one source, each with its own {@link ResumingWatermarks}, combined by Flink's own
 * {@link WatermarkOutputMultiplexer} as the source operator combines its splits. Traffic comes back after both went
 * idle; the source reads partition a's first fetch, which spans 18 days, before partition b's, whose first record is
 * from day 1. With the allowed lateness of 72 hours, b's record must not come behind the watermark by that much.
 */
class ResumingWatermarksTest {

    private static final Duration OUT_OF_ORDERNESS = Duration.ofMinutes(5);
    private static final Duration IDLENESS = Duration.ofMinutes(1);
    private static final Duration HOLD = Duration.ofSeconds(2);
    private static final long LATENESS = Duration.ofHours(72).toMillis();
    private static final long DAY0 = Instant.parse("2024-09-01T00:00:00Z").toEpochMilli();
    private static final long DAY = Duration.ofDays(1).toMillis();
    /** The event that stands for a heartbeat in these tests. */
    private static final long HEARTBEAT = -1;

    /** Not at 0: Flink's idleness timer takes a start of 0 for none. */
    private final ManualClock clock = new ManualClock(Duration.ofHours(1).toNanos());

    private final Combined source = new Combined();
    private final WatermarkOutputMultiplexer splits = new WatermarkOutputMultiplexer(source);

    @Test
    void aPartitionReadAfterAQuietSpellFindsTheWatermarkWhereItWas() {
        ResumingWatermarks<Long> a = split("a", HOLD);
        ResumingWatermarks<Long> b = split("b", HOLD);
        quietSpellAfterDay0(a, b);

        firstFetchOfA(a);
        clock.advanceTime(Duration.ofMillis(100));
        emit(a, b);
        long dayOne = DAY0 + DAY;
        b.onEvent(dayOne, dayOne, source);
        assertTrue(
                dayOne + LATENESS > source.watermark,
                "b's day-1 record is within the allowed lateness of " + Instant.ofEpochMilli(source.watermark));
        assertEquals(
                DAY0 - OUT_OF_ORDERNESS.toMillis(), source.watermark, "held where it was before the spell, 1 ms on");
        assertFalse(source.idle, "active again, so that it holds back whatever it feeds while held");

        clock.advanceTime(HOLD);
        emit(a, b);
        assertEquals(dayOne - OUT_OF_ORDERNESS.toMillis() - 1, source.watermark, "the slower partition counts again");
    }

    @Test
    void withoutTheHoldTheFirstFetchReadMakesTheOtherPartitionLate() {
        ResumingWatermarks<Long> a = split("a", Duration.ZERO);
        ResumingWatermarks<Long> b = split("b", Duration.ZERO);
        quietSpellAfterDay0(a, b);

        firstFetchOfA(a);
        clock.advanceTime(Duration.ofMillis(100));
        emit(a, b);
        long dayOne = DAY0 + DAY;
        assertTrue(dayOne + LATENESS <= source.watermark, "what the hold prevents: b's record would be LATE");
    }

    @Test
    void aPartitionThatStaysQuietHoldsNothingBackOnceTheHoldIsOver() {
        ResumingWatermarks<Long> a = split("a", HOLD);
        ResumingWatermarks<Long> b = split("b", HOLD);
        quietSpellAfterDay0(a, b);

        firstFetchOfA(a);
        emit(a, b);
        assertEquals(DAY0 - OUT_OF_ORDERNESS.toMillis(), source.watermark);
        clock.advanceTime(HOLD.plusMillis(1));
        emit(a, b);
        assertEquals(DAY0 + 18 * DAY - OUT_OF_ORDERNESS.toMillis() - 1, source.watermark);
    }

    @Test
    void aSplitThatWasNeverIdleIsNotHeld() {
        ResumingWatermarks<Long> a = split("a", HOLD);
        a.onEvent(DAY0, DAY0, source);
        emit(a);
        assertEquals(DAY0 - OUT_OF_ORDERNESS.toMillis() - 1, source.watermark);
        a.onEvent(DAY0 + DAY, DAY0 + DAY, source);
        emit(a);
        assertEquals(DAY0 + DAY - OUT_OF_ORDERNESS.toMillis() - 1, source.watermark);
    }

    @Test
    void aSplitQuietAgainBeforeItsHoldEndsPassesOnWhatItReadFirst() {
        ResumingWatermarks<Long> a = split("a", IDLENESS.multipliedBy(2));
        ResumingWatermarks<Long> b = split("b", IDLENESS.multipliedBy(2));
        quietSpellAfterDay0(a, b);

        firstFetchOfA(a);
        emit(a, b);
        assertEquals(DAY0 - OUT_OF_ORDERNESS.toMillis(), source.watermark, "held");
        emit(a, b);
        clock.advanceTime(IDLENESS.plusMillis(1));
        emit(a, b);
        assertEquals(
                DAY0 + 18 * DAY - OUT_OF_ORDERNESS.toMillis() - 1,
                source.watermark,
                "released as it goes quiet: with every split idle, nothing else would pass it on");
        assertFalse(source.idle);
        emit(a, b);
        assertTrue(source.idle, "then idle");
    }

    /**
     * A heartbeat promises that nothing before its time follows on its partition (docs/CONTRACTS.md): the watermark
     * goes to just before it, while an event may still be followed by others up to the out-of-orderness older.
     */
    @Test
    void aHeartbeatMovesTheWatermarkToJustBeforeItsTime() {
        ResumingWatermarks<Long> a = new ResumingWatermarks<>(
                new SourceTiming(OUT_OF_ORDERNESS, IDLENESS, HOLD), clock, event -> event == HEARTBEAT);
        Combined own = new Combined();
        a.onEvent(DAY0, DAY0, own);
        a.onPeriodicEmit(own);
        assertEquals(DAY0 - OUT_OF_ORDERNESS.toMillis() - 1, own.watermark, "an event");

        long promise = DAY0 + 1000;
        a.onEvent(HEARTBEAT, promise, own);
        a.onPeriodicEmit(own);
        assertEquals(promise - 1, own.watermark, "a heartbeat");

        a.onEvent(DAY0 + 2000, DAY0 + 2000, own);
        a.onEvent(HEARTBEAT, DAY0 + 500, own);
        a.onPeriodicEmit(own);
        assertEquals(promise - 1, own.watermark, "neither an event within the out-of-orderness nor an older heartbeat");

        long later = promise + OUT_OF_ORDERNESS.toMillis() + 10;
        a.onEvent(later, later, own);
        a.onPeriodicEmit(own);
        assertEquals(later - OUT_OF_ORDERNESS.toMillis() - 1, own.watermark, "events beyond it count again");
    }

    @Test
    void aQuietSplitSaysSoOnce() {
        ResumingWatermarks<Long> a =
                new ResumingWatermarks<>(new SourceTiming(OUT_OF_ORDERNESS, IDLENESS, HOLD), clock);
        Combined own = new Combined();
        a.onEvent(DAY0, DAY0, own);
        a.onPeriodicEmit(own);
        a.onPeriodicEmit(own);
        clock.advanceTime(IDLENESS);
        a.onPeriodicEmit(own);
        assertEquals(0, own.idleMarks, "not idle before the idleness has passed");
        clock.advanceTime(Duration.ofMillis(1));
        a.onPeriodicEmit(own);
        a.onPeriodicEmit(own);
        assertEquals(1, own.idleMarks);
    }

    private ResumingWatermarks<Long> split(String id, Duration hold) {
        splits.registerNewOutput(id);
        return new ResumingWatermarks<>(new SourceTiming(OUT_OF_ORDERNESS, IDLENESS, hold), clock);
    }

    /** Both partitions had a record of day 0, then none for longer than the idleness. */
    private void quietSpellAfterDay0(ResumingWatermarks<Long> a, ResumingWatermarks<Long> b) {
        a.onEvent(DAY0, DAY0, source);
        b.onEvent(DAY0, DAY0, source);
        emit(a, b);
        assertEquals(DAY0 - OUT_OF_ORDERNESS.toMillis() - 1, source.watermark);
        emit(a, b);
        clock.advanceTime(IDLENESS.plusMillis(1));
        emit(a, b);
        assertTrue(source.idle, "both partitions idle, and the source with them");
    }

    /** Partition a's first fetch after the spell: eighteen days of crossings, compressed as in a replayed world. */
    private static void firstFetchOfA(ResumingWatermarks<Long> a) {
        for (int day = 2; day <= 18; day++) {
            long t = DAY0 + day * DAY;
            a.onEvent(t, t, null);
        }
    }

    private void emit(ResumingWatermarks<Long> a) {
        a.onPeriodicEmit(splits.getDeferredOutput("a"));
        splits.onPeriodicEmit();
    }

    private void emit(ResumingWatermarks<Long> a, ResumingWatermarks<Long> b) {
        a.onPeriodicEmit(splits.getDeferredOutput("a"));
        b.onPeriodicEmit(splits.getDeferredOutput("b"));
        splits.onPeriodicEmit();
    }

    /** The source's combined output. */
    private static final class Combined implements WatermarkOutput {
        long watermark = Long.MIN_VALUE;
        boolean idle;
        int idleMarks;

        @Override
        public void emitWatermark(Watermark w) {
            watermark = w.getTimestamp();
            idle = false;
        }

        @Override
        public void markIdle() {
            idle = true;
            idleMarks++;
        }

        @Override
        public void markActive() {
            idle = false;
        }
    }
}
