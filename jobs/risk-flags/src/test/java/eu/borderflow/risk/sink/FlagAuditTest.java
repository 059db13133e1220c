package eu.borderflow.risk.sink;

import eu.borderflow.risk.flag.Flags;
import eu.borderflow.risk.testing.RefusalTestStage;
import eu.borderflow.schema.AuditAction;
import eu.borderflow.schema.AuditRecord;
import eu.borderflow.schema.RiskFlag;
import eu.borderflow.schema.Severity;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FlagAuditTest {

    private static final Instant AT = Instant.parse("2026-03-02T10:00:00Z");
    private final RiskFlag raised = Flags.raise(RefusalTestStage.REFUSALS, "e7")
            .subject("tok", "k").at(AT, "FRCDG", "S").assess(Severity.LOW, "review")
            .explain("x", List.of(), List.of("e7")).keepUntil(LocalDate.of(2029, 3, 2)).build();

    @Test
    void raisedFlagIsAuditedAtItsEventTimeWithItsIds() {
        AuditRecord audit = new FlagAudit().map(raised);
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
        AuditRecord audit = new FlagAudit().map(Flags.withdraw(raised, "late exit", List.of(), List.of("e7"), AT));
        assertEquals("T1:e7#r1", audit.getAuditId());
        assertEquals(AuditAction.FLAG_WITHDRAWN, audit.getAction());
    }
}
