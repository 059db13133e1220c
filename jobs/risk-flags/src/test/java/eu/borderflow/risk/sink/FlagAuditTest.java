package eu.borderflow.risk.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.borderflow.job.ingest.DeadLetters;
import eu.borderflow.risk.flag.Flags;
import eu.borderflow.risk.testing.RefusalTestStage;
import eu.borderflow.schema.AuditAction;
import eu.borderflow.schema.AuditRecord;
import eu.borderflow.schema.DeadLetter;
import eu.borderflow.schema.RiskFlag;
import eu.borderflow.schema.Severity;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

class FlagAuditTest {

    private static final Instant AT = Instant.parse("2026-03-02T10:00:00Z");
    private final RiskFlag raised = Flags.raise(RefusalTestStage.REFUSALS, "e7")
            .subject("tok", "k")
            .at(AT, "FRCDG", "S")
            .assess(Severity.LOW, "review")
            .explain("x", List.of(), List.of("e7"))
            .keepUntil(LocalDate.of(2029, 3, 2))
            .build();

    @Test
    void raisedFlagIsAuditedAtItsEventTimeWithItsIds() {
        AuditRecord audit = FlagAudit.audit(raised);
        assertEquals("T1:e7#r0", audit.getAuditId());
        assertEquals(AuditAction.FLAG_RAISED, audit.getAction());
        assertEquals(AT, audit.getAt());
        assertEquals(List.of("T1:e7", "e7"), audit.getRecordIds());
        assertEquals("risk-flag-job", audit.getActor());
        assertEquals("system", audit.getRole());
        assertEquals("intelligence-led border risk analysis", audit.getPurpose());
        assertTrue(audit.getSynthetic());
    }

    @Test
    void withdrawalIsItsOwnAuditRecord() {
        AuditRecord audit = FlagAudit.audit(Flags.withdraw(raised, "late exit", List.of(), List.of("e7"), AT));
        assertEquals("T1:e7#r1", audit.getAuditId());
        assertEquals(AuditAction.FLAG_WITHDRAWN, audit.getAction());
    }

    @Test
    void aFlagItCannotAuditIsAProcessingErrorDeadLetterAndTheNextIsAudited() throws Exception {
        RiskFlag broken = RiskFlag.newBuilder(raised).build();
        broken.setTriggerEventId(null);
        try (OneInputStreamOperatorTestHarness<RiskFlag, AuditRecord> h =
                ProcessFunctionTestHarnesses.forProcessFunction(new FlagAudit())) {
            h.processElement(broken, AT.toEpochMilli());
            h.processElement(raised, AT.toEpochMilli());
            assertEquals(
                    List.of("T1:e7#r0"),
                    h.extractOutputValues().stream()
                            .map(AuditRecord::getAuditId)
                            .toList());
            List<DeadLetter> letters = h.getSideOutput(DeadLetters.TAG).stream()
                    .map(r -> r.getValue())
                    .toList();
            assertEquals(1, letters.size());
            DeadLetter letter = letters.get(0);
            assertEquals(DeadLetters.PROCESSING_ERROR, letter.getReasonCode());
            assertEquals(FlagAudit.UID, letter.getOperator());
            assertEquals("T1:e7", letter.getEventId());
            assertEquals("flags", letter.getSourceTopic());
        }
    }
}
