package eu.borderflow.risk.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.borderflow.job.testing.TestRecords;
import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.CrossingKind;
import java.time.Duration;
import java.util.List;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/** The person probes and their watermark: the crossings' without the out-of-orderness allowance. */
class PersonProbesTest {

    /** rules.yaml /time/out_of_orderness. */
    private static final Duration OUT_OF_ORDERNESS = Duration.ofMinutes(5);

    @Test
    void probesCarryTheCrossingsTimeAndTheWatermarkIsTheNewestTimeOfThePartitionFurthestBehind() throws Exception {
        try (OneInputStreamOperatorTestHarness<BorderCrossing, CrossingProbe> harness =
                new OneInputStreamOperatorTestHarness<>(new PersonProbes(OUT_OF_ORDERNESS))) {
            harness.open();
            BorderCrossing crossing = TestRecords.crossing("c1", CrossingKind.ENTRY, TestRecords.T0)
                    .build();
            long at = TestRecords.T0.toEpochMilli();
            harness.processElement(new StreamRecord<>(crossing, at));
            List<CrossingProbe> probes = harness.extractOutputValues();
            assertEquals(
                    List.of(BlockingKeys.year(1990), BlockingKeys.date(1990, 5, 17)),
                    probes.stream().map(CrossingProbe::getKey).toList(),
                    "a job started afresh probes the traveller's date of birth and year");
            assertTrue(harness.extractOutputStreamRecords().stream().allMatch(r -> r.getTimestamp() == at));

            // The crossings' watermark when every partition has reached the crossing: its time less the
            // out-of-orderness and 1 ms.
            harness.processWatermark(new Watermark(at - OUT_OF_ORDERNESS.toMillis() - 1));
            assertEquals(List.of(new Watermark(at)), watermarks(harness));
        }
    }

    @Test
    void probesCarryTheWatermarkSentBeforeThem() throws Exception {
        try (OneInputStreamOperatorTestHarness<BorderCrossing, CrossingProbe> harness =
                new OneInputStreamOperatorTestHarness<>(new PersonProbes(OUT_OF_ORDERNESS))) {
            harness.open();
            long at = TestRecords.T0.toEpochMilli();
            harness.processElement(new StreamRecord<>(
                    TestRecords.crossing("c1", CrossingKind.ENTRY, TestRecords.T0)
                            .build(),
                    at));
            harness.processWatermark(new Watermark(at + Duration.ofMinutes(10).toMillis()));
            // Out of order: older than the newest time of every partition.
            harness.processElement(new StreamRecord<>(
                    TestRecords.crossing("c2", CrossingKind.EXIT, TestRecords.T0)
                            .build(),
                    at));
            List<CrossingProbe> probes = harness.extractOutputValues();
            long sent = at + Duration.ofMinutes(10).plus(OUT_OF_ORDERNESS).toMillis() + 1;
            assertEquals(
                    List.of(Long.MIN_VALUE, sent),
                    probes.stream()
                            .map(CrossingProbe::getProbedAfter)
                            .distinct()
                            .toList());
            // Complete once the watermark has passed the crossing's time, or what the late one's probes followed.
            assertEquals(at, PersonFlagAssembler.complete(probes.get(0)));
            assertEquals(sent + 1, PersonFlagAssembler.complete(probes.get(probes.size() - 1)));
        }
    }

    @Test
    void theStartAndTheEndOfTimePassUnchanged() throws Exception {
        try (OneInputStreamOperatorTestHarness<BorderCrossing, CrossingProbe> harness =
                new OneInputStreamOperatorTestHarness<>(new PersonProbes(OUT_OF_ORDERNESS))) {
            harness.open();
            harness.processWatermark(new Watermark(Long.MAX_VALUE - 1));
            harness.processWatermark(Watermark.MAX_WATERMARK);
            assertEquals(List.of(new Watermark(Long.MAX_VALUE - 1), Watermark.MAX_WATERMARK), watermarks(harness));
        }
    }

    @Test
    void restoredFromAJobThatKeptNoStateHereTheCrossingsProbeTheNameKeysTooAndKeepDoingSo() throws Exception {
        OperatorSubtaskState older = OperatorSubtaskState.builder().build();
        OperatorSubtaskState afterUpgrade;
        try (OneInputStreamOperatorTestHarness<BorderCrossing, CrossingProbe> harness = restored(older)) {
            assertEquals(keysOf(true), probedKeys(harness));
            afterUpgrade = harness.snapshot(1, 1);
        }
        try (OneInputStreamOperatorTestHarness<BorderCrossing, CrossingProbe> harness = restored(afterUpgrade)) {
            assertEquals(keysOf(true), probedKeys(harness), "the next restore still holds the old alerts");
        }
    }

    @Test
    void restoredFromItsOwnStateAJobStartedAfreshProbesTheDatesOnly() throws Exception {
        OperatorSubtaskState own;
        try (OneInputStreamOperatorTestHarness<BorderCrossing, CrossingProbe> harness =
                new OneInputStreamOperatorTestHarness<>(new PersonProbes(OUT_OF_ORDERNESS))) {
            harness.open();
            own = harness.snapshot(1, 1);
        }
        try (OneInputStreamOperatorTestHarness<BorderCrossing, CrossingProbe> harness = restored(own)) {
            assertEquals(keysOf(false), probedKeys(harness));
        }
    }

    private static OneInputStreamOperatorTestHarness<BorderCrossing, CrossingProbe> restored(
            OperatorSubtaskState snapshot) throws Exception {
        OneInputStreamOperatorTestHarness<BorderCrossing, CrossingProbe> harness =
                new OneInputStreamOperatorTestHarness<>(new PersonProbes(OUT_OF_ORDERNESS));
        harness.initializeState(snapshot);
        harness.open();
        return harness;
    }

    private static BorderCrossing someone() {
        return TestRecords.crossing("c1", CrossingKind.ENTRY, TestRecords.T0).build();
    }

    private static List<String> keysOf(boolean nameKeys) {
        List<String> keys = CrossingProbes.person(someone(), nameKeys).stream()
                .map(CrossingProbe::getKey)
                .toList();
        assertEquals(nameKeys, keys.stream().anyMatch(k -> Character.isLetter(k.charAt(0))), keys::toString);
        return keys;
    }

    private static List<String> probedKeys(OneInputStreamOperatorTestHarness<BorderCrossing, CrossingProbe> harness)
            throws Exception {
        harness.processElement(new StreamRecord<>(someone(), TestRecords.T0.toEpochMilli()));
        return harness.extractOutputValues().stream().map(CrossingProbe::getKey).toList();
    }

    private static List<Watermark> watermarks(OneInputStreamOperatorTestHarness<?, ?> harness) {
        return harness.getOutput().stream()
                .filter(Watermark.class::isInstance)
                .map(Watermark.class::cast)
                .toList();
    }
}
