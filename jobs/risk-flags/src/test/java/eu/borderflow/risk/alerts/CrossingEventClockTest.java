package eu.borderflow.risk.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import eu.borderflow.job.testing.TestRecords;
import eu.borderflow.schema.AlertChange;
import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.CrossingKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.runtime.watermarkstatus.WatermarkStatus;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class CrossingEventClockTest {

    private static final Duration OUT_OF_ORDERNESS = Duration.ofMinutes(5);
    private static final Instant T0 = TestRecords.T0;

    @Test
    void forwardsWatermarksButNoRecords() throws Exception {
        try (var harness = harness()) {
            harness.open();
            harness.processElement(crossing("e1", T0));
            harness.processWatermark(new Watermark(T0.toEpochMilli() - 1));
            assertEquals(List.of(new Watermark(T0.toEpochMilli() - 1)), List.copyOf(harness.getOutput()));
        }
    }

    @Test
    void endOfInputEndsOnTheNewestCrossingLessTheOutOfOrdernessNotAtTheEndOfTime() throws Exception {
        Instant newest = T0.plus(Duration.ofDays(3));
        try (var harness = harness()) {
            harness.open();
            harness.processElement(crossing("late", T0));
            harness.processElement(crossing("newest", newest));
            harness.processElement(crossing("older", T0.plus(Duration.ofDays(1))));
            harness.processWatermark(Watermark.MAX_WATERMARK);
            assertEquals(
                    List.of(
                            WatermarkStatus.ACTIVE,
                            new Watermark(newest.minus(OUT_OF_ORDERNESS).toEpochMilli() - 1)),
                    List.copyOf(harness.getOutput()));
        }
    }

    @Test
    void theNewestCrossingSurvivesARestore() throws Exception {
        Instant newest = T0.plus(Duration.ofHours(7));
        OperatorSubtaskState snapshot;
        try (var harness = harness()) {
            harness.open();
            harness.processElement(crossing("newest", newest));
            snapshot = harness.snapshot(1, 1);
        }
        try (var restored = harness()) {
            restored.initializeState(snapshot);
            restored.open();
            restored.processWatermark(Watermark.MAX_WATERMARK);
            assertEquals(
                    List.of(
                            WatermarkStatus.ACTIVE,
                            new Watermark(newest.minus(OUT_OF_ORDERNESS).toEpochMilli() - 1)),
                    List.copyOf(restored.getOutput()));
        }
    }

    @Test
    void crossingsIdleBeforeTheirEndStillEndOnTheirNewestCrossing() throws Exception {
        Instant newest = T0.plus(Duration.ofDays(2));
        try (var harness = harness()) {
            harness.open();
            harness.processElement(crossing("newest", newest));
            harness.processWatermarkStatus(WatermarkStatus.IDLE);
            harness.processWatermark(Watermark.MAX_WATERMARK);
            List<Object> output = List.copyOf(harness.getOutput());
            assertEquals(
                    List.of(
                            WatermarkStatus.IDLE,
                            WatermarkStatus.ACTIVE,
                            new Watermark(newest.minus(OUT_OF_ORDERNESS).toEpochMilli() - 1)),
                    output,
                    "active again before the watermark, which an idle output would drop");
        }
    }

    @Test
    void noCrossingsNoClock() throws Exception {
        try (var harness = harness()) {
            harness.open();
            harness.processWatermark(Watermark.MAX_WATERMARK);
            assertEquals(List.of(), List.copyOf(harness.getOutput()));
        }
    }

    private static OneInputStreamOperatorTestHarness<BorderCrossing, AlertChange> harness() throws Exception {
        return new OneInputStreamOperatorTestHarness<>(new CrossingEventClock(OUT_OF_ORDERNESS));
    }

    private static StreamRecord<BorderCrossing> crossing(String id, Instant at) {
        return new StreamRecord<>(
                TestRecords.crossing(id, CrossingKind.ENTRY, at).build(), at.toEpochMilli());
    }
}
