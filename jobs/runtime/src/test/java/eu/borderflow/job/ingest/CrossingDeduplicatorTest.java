package eu.borderflow.job.ingest;

import eu.borderflow.job.testing.TestRecords;
import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.CrossingKind;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CrossingDeduplicatorTest {

    /** rules.yaml /retention/dedup_days. */
    private static final Duration RETENTION = Duration.ofDays(4);
    private CrossingDeduplicator function;
    private KeyedOneInputStreamOperatorTestHarness<String, BorderCrossing, BorderCrossing> harness;

    @BeforeEach
    void open() throws Exception {
        function = new CrossingDeduplicator(RETENTION);
        harness = ProcessFunctionTestHarnesses.forKeyedProcessFunction(function, BorderCrossing::getEventId,
                Types.STRING);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void reSentCrossingIsDroppedAndCounted() throws Exception {
        BorderCrossing first = TestRecords.crossing("e1", CrossingKind.ENTRY, TestRecords.T0).build();
        BorderCrossing other = TestRecords.crossing("e2", CrossingKind.EXIT, TestRecords.T0).build();
        send(first);
        send(other);
        send(BorderCrossing.newBuilder(first).setIngestTime(TestRecords.T0.plus(Duration.ofHours(5))).build());

        assertEquals(List.of(first, other), harness.extractOutputValues());
        assertEquals(1, function.duplicateCount());
        assertEquals(2, harness.numKeyedStateEntries());
        assertEquals(2, harness.numEventTimeTimers());
    }

    @Test
    void seenMarkIsErasedByAnEventTimeTimerAfterTheRetention() throws Exception {
        Instant at = TestRecords.T0;
        send(TestRecords.crossing("e1", CrossingKind.ENTRY, at).build());

        harness.processWatermark(at.plus(RETENTION).toEpochMilli() - 1);
        assertEquals(1, harness.numKeyedStateEntries());
        harness.processWatermark(at.plus(RETENTION).toEpochMilli());
        assertEquals(0, harness.numKeyedStateEntries());
        assertEquals(0, harness.numEventTimeTimers());
    }

    @Test
    void duplicateWithinRetentionIsDroppedEvenAfterTheWatermarkMoved() throws Exception {
        BorderCrossing crossing = TestRecords.crossing("e1", CrossingKind.ENTRY, TestRecords.T0).build();
        send(crossing);
        harness.processWatermark(TestRecords.T0.plus(Duration.ofDays(3)).toEpochMilli());
        send(crossing);
        assertEquals(1, harness.extractOutputValues().size());
        assertEquals(1, function.duplicateCount());
    }

    private void send(BorderCrossing crossing) throws Exception {
        harness.processElement(crossing, crossing.getEventTime().toEpochMilli());
    }
}
