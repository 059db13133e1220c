package eu.borderflow.job.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.borderflow.job.testing.TestRecords;
import eu.borderflow.schema.AlertChange;
import eu.borderflow.schema.AlertChangeType;
import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.CrossingKind;
import eu.borderflow.schema.DeadLetter;
import eu.borderflow.schema.serde.SingleObjectSerde;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.api.operators.StreamMap;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

/**
 * The job's first keyed operators: a re-sent crossing or alert change is dropped however late it comes, a record
 * later than the allowed lateness is a LATE dead letter, and their state is erased once the lateness has passed.
 */
class AdmissionTest {

    /** rules.yaml /time/allowed_lateness. */
    private static final Duration LATENESS = Duration.ofHours(72);

    private static final Instant T0 = TestRecords.T0;
    private static final JobInput CROSSINGS = new JobInput(TestRecords.JOB, "crossings");

    @Test
    void aReSentCrossingIsDroppedAndCountedAndTheStateGoesWithTheLateness() throws Exception {
        CrossingAdmission function = new CrossingAdmission(LATENESS, CROSSINGS);
        try (var h = crossingHarness(function)) {
            BorderCrossing first = crossing("e1", T0);
            BorderCrossing other = crossing("e2", T0.plusSeconds(60));
            send(h, first, other, first);
            h.processWatermark(T0.plus(LATENESS).toEpochMilli() - 1);
            send(h, first);
            assertEquals(List.of(first, other), h.extractOutputValues(), "each id once, even 72 h later");
            assertEquals(2, function.duplicateCount());
            assertEquals(1, h.numKeyedStateEntries(), "one compact entry for the traveller's two ids");

            h.processWatermark(T0.plus(LATENESS).plusSeconds(60).toEpochMilli());
            assertEquals(0, h.numKeyedStateEntries(), "nothing left once the lateness has passed");
            assertEquals(0, h.numEventTimeTimers());

            send(h, first);
            DeadLetter late = single(h);
            assertEquals(DeadLetters.LATE, late.getReasonCode());
            assertEquals("e1", late.getEventId());
            assertEquals(CrossingAdmission.UID, late.getOperator());
            assertEquals(TestRecords.JOB, late.getJob(), "the job that named itself in the operator's input");
            assertEquals("crossings", late.getSourceTopic());
            assertEquals(
                    first,
                    SingleObjectSerde.of(BorderCrossing.class).decode(bytes(late.getOriginalValue())),
                    "the dead letter holds the whole crossing, to re-process");
            assertEquals(2, h.extractOutputValues().size(), "no rule sees it");
            assertEquals(0, h.numKeyedStateEntries(), "and it leaves no state");
            assertEquals(1, function.lateCount());
        }
    }

    @Test
    void aTravellerHoldsOneTimerWhateverItsCrossingsAndItsIdsStillGoWithTheLateness() throws Exception {
        try (var h = crossingHarness(new CrossingAdmission(LATENESS, CROSSINGS))) {
            // Out of order: the second is the oldest, and its expiry comes first.
            BorderCrossing entry = crossing("e1", T0.plusSeconds(3600));
            BorderCrossing earlier = crossing("e0", T0);
            BorderCrossing exit = crossing("e2", T0.plusSeconds(7200));
            send(h, entry, earlier, exit);
            assertEquals(2, h.numEventTimeTimers(), "the first id's expiry, then the older one's; none for e2");

            h.processWatermark(T0.plus(LATENESS).toEpochMilli());
            send(h, entry, exit);
            assertEquals(3, h.extractOutputValues().size(), "e1 and e2 still remembered");
            assertEquals(1, h.numEventTimeTimers(), "one timer, at the oldest remaining id's expiry");

            h.processWatermark(T0.plus(LATENESS).plusSeconds(7200).toEpochMilli());
            assertEquals(0, h.numKeyedStateEntries(), "every id gone with the lateness");
            assertEquals(0, h.numEventTimeTimers());
        }
    }

    @Test
    void aCrossingJustWithinTheLatenessIsAdmitted() throws Exception {
        try (var h = crossingHarness(new CrossingAdmission(LATENESS, CROSSINGS))) {
            h.processWatermark(T0.plus(LATENESS).toEpochMilli() - 1);
            send(h, crossing("e1", T0));
            h.processWatermark(T0.plus(LATENESS).toEpochMilli());
            send(h, crossing("e0", T0));
            assertEquals(1, h.extractOutputValues().size());
            assertEquals(DeadLetters.LATE, single(h).getReasonCode(), "at the lateness exactly: late");
        }
    }

    @Test
    void aReSentAlertChangeIsDroppedByVersionAndALateOneIsADeadLetter() throws Exception {
        AlertChangeAdmission function = new AlertChangeAdmission(LATENESS, CROSSINGS.other("alert changes"));
        try (KeyedOneInputStreamOperatorTestHarness<String, AlertChange, AlertChange> h =
                ProcessFunctionTestHarnesses.forKeyedProcessFunction(function, AlertChange::getAlertId, Types.STRING)) {
            AlertChange v1 = TestRecords.objectAlert("A1", T0).build();
            AlertChange v2 = AlertChange.newBuilder(v1)
                    .setChangeId("A1-v2")
                    .setVersion(2)
                    .setChange(AlertChangeType.UPDATE)
                    .setEventTime(T0.plusSeconds(3600))
                    .build();
            for (AlertChange change : List.of(v1, v2, v1, v2)) {
                h.processElement(change, change.getEventTime().toEpochMilli());
            }
            assertEquals(List.of(v1, v2), h.extractOutputValues());
            assertEquals(2, function.duplicateCount());

            h.processWatermark(v2.getEventTime().plus(LATENESS).toEpochMilli());
            assertEquals(0, h.numKeyedStateEntries());
            h.processElement(v1, v1.getEventTime().toEpochMilli());
            assertEquals(
                    DeadLetters.LATE,
                    h.getSideOutput(DeadLetters.TAG).peek().getValue().getReasonCode());
            assertEquals(2, h.extractOutputValues().size(), "the deleted or replaced version never comes back");
        }
    }

    @Test
    void afterARestoreAReplayedWorldIsLateOrReSentNotNew() throws Exception {
        BorderCrossing old = crossing("e1", T0);
        BorderCrossing recent = crossing("e2", T0.plus(LATENESS).plusSeconds(3600));
        OperatorSubtaskState checkpoint;
        try (var h = crossingHarness(new CrossingAdmission(LATENESS, CROSSINGS))) {
            send(h, old);
            h.processWatermark(recent.getEventTime().toEpochMilli());
            send(h, recent);
            checkpoint = h.snapshot(1, 1);
        }
        // Flink restores no watermark: until new records move it, the restored operator's own is Long.MIN_VALUE.
        CrossingAdmission function = new CrossingAdmission(LATENESS, CROSSINGS);
        try (var h = crossingHarness(function, checkpoint)) {
            BorderCrossing fresh = crossing("e3", T0.plus(LATENESS).plusSeconds(1800));
            send(h, old, recent, fresh);
            assertEquals(List.of(fresh), h.extractOutputValues(), "only the crossing never seen before");
            assertEquals(DeadLetters.LATE, single(h).getReasonCode(), "the old one is as late as before the restore");
            assertEquals(1, function.duplicateCount(), "the recent one is known");
        }
        try (var h = crossingHarness(new CrossingAdmission(LATENESS, CROSSINGS))) {
            send(h, old, recent);
            assertEquals(2, h.extractOutputValues().size(), "without the checkpoint both are new: what it prevents");
        }
    }

    /**
     * The watermark that reaches a remembered id's expiry after the last record forgets the id; the restored
     * operator must still know that watermark, or the re-sent crossing is neither LATE nor known (on the cluster: an
     * `upgrade` after a replay, then the same world again, raised 10 false R5 and R7 flags).
     */
    @Test
    void aCrossingForgottenAfterItsLastRecordIsStillLateAfterARestore() throws Exception {
        BorderCrossing crossing = crossing("e1", T0);
        OperatorSubtaskState checkpoint;
        try (var h = crossingHarness(new CrossingAdmission(LATENESS, CROSSINGS))) {
            send(h, crossing);
            h.processWatermark(T0.plus(LATENESS).toEpochMilli());
            checkpoint = h.snapshot(1, 1);
        }
        CrossingAdmission function = new CrossingAdmission(LATENESS, CROSSINGS);
        try (var h = crossingHarness(function, checkpoint)) {
            send(h, crossing);
            assertEquals(List.of(), h.extractOutputValues(), "not admitted a second time");
            assertEquals(DeadLetters.LATE, single(h).getReasonCode());
        }
    }

    @Test
    void anAlertChangeForgottenAfterItsLastRecordIsStillLateAfterARestore() throws Exception {
        AlertChange v1 = TestRecords.objectAlert("A1", T0).build();
        OperatorSubtaskState checkpoint;
        try (var h = alertHarness(new AlertChangeAdmission(LATENESS, CROSSINGS.other("alert changes")), null)) {
            h.processElement(v1, v1.getEventTime().toEpochMilli());
            h.processWatermark(T0.plus(LATENESS).toEpochMilli());
            checkpoint = h.snapshot(1, 1);
        }
        try (var h = alertHarness(new AlertChangeAdmission(LATENESS, CROSSINGS.other("alert changes")), checkpoint)) {
            h.processElement(v1, v1.getEventTime().toEpochMilli());
            assertEquals(List.of(), h.extractOutputValues(), "not admitted a second time");
            assertEquals(DeadLetters.LATE, single(h).getReasonCode());
        }
    }

    @Test
    void afterARestoreAReplayedAlertChangelogIsLate() throws Exception {
        AlertChange v1 = TestRecords.objectAlert("A1", T0).build();
        OperatorSubtaskState checkpoint;
        try (var h = alertHarness(new AlertChangeAdmission(LATENESS, CROSSINGS.other("alert changes")), null)) {
            h.processElement(v1, v1.getEventTime().toEpochMilli());
            h.processWatermark(T0.plus(LATENESS).plusSeconds(1).toEpochMilli());
            h.processElement(
                    TestRecords.objectAlert("A2", T0.plus(LATENESS).plusSeconds(2))
                            .build(),
                    0);
            checkpoint = h.snapshot(1, 1);
        }
        try (var h = alertHarness(new AlertChangeAdmission(LATENESS, CROSSINGS.other("alert changes")), checkpoint)) {
            h.processElement(v1, v1.getEventTime().toEpochMilli());
            assertEquals(0, h.extractOutputValues().size());
            assertEquals(
                    DeadLetters.LATE,
                    h.getSideOutput(DeadLetters.TAG).peek().getValue().getReasonCode());
        }
    }

    @Test
    void anOversizeDeadLetterIsCutAndMarked() throws Exception {
        int max = 2048;
        DeadLetterSizeLimit function = new DeadLetterSizeLimit(max);
        try (var h = new OneInputStreamOperatorTestHarness<>(new StreamMap<>(function))) {
            h.open();
            byte[] big = new byte[10_000];
            big[0] = 42;
            DeadLetter oversize = DeadLetters.builder(TestRecords.JOB, "ees.crossings", 1, 7, 0, new byte[] {1, 2}, big)
                    .reason("UNDECODABLE", "test")
                    .build();
            DeadLetter small = DeadLetters.builder(TestRecords.JOB, "ees.crossings", 1, 8, 0, null, new byte[] {3})
                    .reason("UNDECODABLE", "test")
                    .build();
            h.processElement(oversize, 0);
            h.processElement(small, 0);

            DeadLetter cut = h.extractOutputValues().get(0);
            SingleObjectSerde<DeadLetter> serde = SingleObjectSerde.of(DeadLetter.class);
            assertTrue(serde.encode(cut).length <= max, "fits: " + serde.encode(cut).length);
            assertTrue(cut.getTruncated());
            assertEquals(10_002, cut.getOriginalSize());
            assertEquals(42, bytes(cut.getOriginalValue())[0], "the beginning of the value is kept");
            assertArrayEquals(new byte[] {1, 2}, bytes(cut.getOriginalKey()));
            assertEquals(7, cut.getSourceOffset());
            assertEquals(small, h.extractOutputValues().get(1), "a dead letter that fits is unchanged");
            assertEquals(1, function.truncatedCount());
        }
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, BorderCrossing, BorderCrossing> crossingHarness(
            CrossingAdmission function) throws Exception {
        return ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                function, c -> c.getTraveller().getFileId(), Types.STRING);
    }

    /** A harness restored from {@code checkpoint} before it opens. */
    private static KeyedOneInputStreamOperatorTestHarness<String, BorderCrossing, BorderCrossing> crossingHarness(
            CrossingAdmission function, OperatorSubtaskState checkpoint) throws Exception {
        var h = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(function), c -> c.getTraveller().getFileId(), Types.STRING);
        h.initializeState(checkpoint);
        h.open();
        return h;
    }

    /** A harness restored from {@code checkpoint} (when there is one) before it opens. */
    private static KeyedOneInputStreamOperatorTestHarness<String, AlertChange, AlertChange> alertHarness(
            AlertChangeAdmission function, OperatorSubtaskState checkpoint) throws Exception {
        var h = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(function), AlertChange::getAlertId, Types.STRING);
        if (checkpoint != null) {
            h.initializeState(checkpoint);
        }
        h.open();
        return h;
    }

    private static BorderCrossing crossing(String eventId, Instant at) {
        BorderCrossing crossing =
                TestRecords.crossing(eventId, CrossingKind.ENTRY, at).build();
        crossing.getTraveller().setFileId("F-1");
        return crossing;
    }

    private static void send(
            KeyedOneInputStreamOperatorTestHarness<String, BorderCrossing, BorderCrossing> h,
            BorderCrossing... crossings)
            throws Exception {
        for (BorderCrossing crossing : crossings) {
            h.processElement(crossing, crossing.getEventTime().toEpochMilli());
        }
    }

    private static DeadLetter single(KeyedOneInputStreamOperatorTestHarness<String, ?, ?> h) {
        List<DeadLetter> letters = h.getSideOutput(DeadLetters.TAG).stream()
                .map(StreamRecord::getValue)
                .toList();
        assertEquals(1, letters.size(), letters.toString());
        return letters.get(0);
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] out = new byte[buffer.remaining()];
        buffer.duplicate().get(out);
        return out;
    }
}
