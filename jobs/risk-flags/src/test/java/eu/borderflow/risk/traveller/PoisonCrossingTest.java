package eu.borderflow.risk.traveller;

import static eu.borderflow.risk.traveller.Crossings.CONFIG;
import static eu.borderflow.risk.traveller.Crossings.entry;
import static eu.borderflow.risk.traveller.Crossings.exit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.borderflow.job.ingest.DeadLetters;
import eu.borderflow.risk.RiskFlagJob;
import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.DeadLetter;
import eu.borderflow.schema.RiskFlag;
import java.util.List;
import java.util.Queue;
import java.util.function.Function;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.junit.jupiter.api.Test;

/**
 * A record an operator fails on (a value no validation foresaw, or a bug) does not stop the job: it becomes a
 * PROCESSING_ERROR dead letter naming the operator and the exception class, and the operator's state is as if the
 * record had never come. Each case runs twice, with and without the poison, and compares flags and state.
 */
class PoisonCrossingTest {

    private static final String WATERMARK_AFTER = "2025-03-10T00:00:00Z";

    @Test
    void aCrossingTheEesFileRulesFailOnIsADeadLetterAndLeavesTheFileAsItWas() throws Exception {
        // Valid for four months: a visa valid over six months has no total of days (Reg. 610/2013).
        BorderCrossing before = entry("e1", "2025-01-01T10:00")
                .visa("V1", 1, 30, "2024-12-01", "2025-04-01")
                .build();
        BorderCrossing poison = entry("p1", "2025-01-05T10:00").build();
        BorderCrossing newFile = entry("p2", "2025-01-06T10:00").file("F-2").build();
        BorderCrossing after = exit("x1", "2025-02-20T10:00").build();
        Function<TravellerCrossing, TravellerCrossing> broken = c -> {
            c.setKind(null);
            return c;
        };
        try (RuleHarness<TravellerCrossing> control = RuleHarness.travellerFile(CONFIG);
                RuleHarness<TravellerCrossing> poisoned = RuleHarness.travellerFile(CONFIG)) {
            run(control, h -> h.send(before, after), WATERMARK_AFTER);
            run(
                    poisoned,
                    h -> {
                        h.send(before);
                        sendProjected(h, TravellerCrossing.of(poison, Crossings.TOKENS), broken);
                        sendProjected(h, TravellerCrossing.of(newFile, Crossings.TOKENS), broken);
                        h.send(after);
                    },
                    WATERMARK_AFTER);

            assertFalse(control.flags().isEmpty(), "the stay is flagged (R3 overstay of the 30-day visa)");
            assertEquals(control.flags(), poisoned.flags(), "no flag from the poison, none lost");
            assertEquals(control.stateEntries(), poisoned.stateEntries(), "the file as if the poison never came");
            assertPoisonLetters(poisoned, TravellerFileOperator.UID, List.of("p1", "p2"));
        }
    }

    @Test
    void aCrossingTheDocumentRulesFailOnIsADeadLetterAndLeavesTheTrailAsItWas() throws Exception {
        BorderCrossing before = entry("e1", "2025-01-01T10:00").build();
        BorderCrossing poison = exit("p1", "2025-01-02T10:00").build();
        BorderCrossing after = entry("e2", "2025-01-03T10:00").build();
        try (RuleHarness<DocumentCrossing> control = RuleHarness.document(CONFIG);
                RuleHarness<DocumentCrossing> poisoned = RuleHarness.document(CONFIG)) {
            run(control, h -> h.send(before, after), WATERMARK_AFTER);
            run(
                    poisoned,
                    h -> {
                        h.send(before);
                        sendProjected(h, DocumentCrossing.of(poison, Crossings.TOKENS), c -> {
                            c.setBcpCode(null);
                            return c;
                        });
                        h.send(after);
                    },
                    WATERMARK_AFTER);

            assertEquals(
                    List.of("R7:e2"),
                    control.flags().stream().map(RiskFlag::getFlagId).toList(),
                    "two entries in a row: the poisoned exit between them did not count");
            assertEquals(control.flags(), poisoned.flags());
            assertEquals(control.stateEntries(), poisoned.stateEntries());
            assertPoisonLetters(poisoned, DocumentSequenceOperator.UID, List.of("p1"));
        }
    }

    private interface Feed<T> {
        void accept(RuleHarness<T> harness) throws Exception;
    }

    private static <T> void run(RuleHarness<T> harness, Feed<T> feed, String watermark) throws Exception {
        feed.accept(harness);
        harness.watermark(watermark);
    }

    private static <T extends Sequenced> void sendProjected(RuleHarness<T> h, T projected, Function<T, T> breakIt)
            throws Exception {
        h.harness.processElement(breakIt.apply(projected), projected.getEventTime());
    }

    private static void assertPoisonLetters(RuleHarness<?> h, String uid, List<String> eventIds) {
        Queue<StreamRecord<DeadLetter>> side = h.harness.getSideOutput(DeadLetters.TAG);
        assertTrue(side != null, "dead letters");
        List<DeadLetter> letters = side.stream().map(StreamRecord::getValue).toList();
        assertEquals(eventIds, letters.stream().map(DeadLetter::getEventId).toList());
        for (DeadLetter letter : letters) {
            assertEquals(DeadLetters.PROCESSING_ERROR, letter.getReasonCode());
            assertEquals(uid, letter.getOperator());
            assertEquals(NullPointerException.class.getName(), letter.getExceptionClass());
            assertEquals("crossings", letter.getSourceTopic());
            assertEquals(RiskFlagJob.JOB, letter.getJob());
            assertFalse(
                    letter.getReason().contains("Testperson")
                            || letter.getReason().contains("P1234567"),
                    letter.getReason());
        }
    }
}
