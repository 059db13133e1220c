package eu.borderflow.risk.traveller;

import static eu.borderflow.risk.traveller.Crossings.CONFIG;
import static eu.borderflow.risk.traveller.Crossings.entry;
import static eu.borderflow.risk.traveller.Crossings.exit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.RiskFlag;
import eu.borderflow.schema.StayBasis;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * R6: the document must be valid on the entry day and through the stay's authorised end, the same end as R3 and R4
 * (docs/RULES.md): 90/180 with the days already used in the window, the visa's validity and what is left of its total
 * duration of stay. Judged in the traveller's EES file.
 */
class DocumentValidityRuleTest {

    private static List<RiskFlag> flags(BorderCrossing... crossings) throws Exception {
        try (RuleHarness<TravellerCrossing> h = RuleHarness.travellerFile(CONFIG)) {
            h.send(crossings);
            h.watermark("2026-01-01T00:00:00Z");
            return h.flags("R6");
        }
    }

    @Test
    void anExpiredDocumentIsFlagged() throws Exception {
        RiskFlag flag = flags(entry("e", "2025-06-01T10:00")
                        .document("P1", "2025-05-31")
                        .build())
                .get(0);
        assertEquals("R6:e", flag.getFlagId());
        assertTrue(flag.getConditions().get(0).getMet());
        assertFalse(flag.getExplanation().contains("P1 "));
    }

    @Test
    void withoutAVisaOrEarlierStaysTheDocumentMustLastNinetyDaysIncludingTheEntryDay() throws Exception {
        // Entry 1 Jun 2025: the 90th day of stay is 29 Aug 2025.
        assertTrue(flags(entry("e", "2025-06-01T10:00")
                        .document("P1", "2025-08-29")
                        .build())
                .isEmpty());
        RiskFlag flag = flags(entry("e", "2025-06-01T10:00")
                        .document("P1", "2025-08-28")
                        .build())
                .get(0);
        assertFalse(flag.getConditions().get(0).getMet());
        assertTrue(flag.getConditions().get(1).getMet());
        assertEquals("2025-08-29", flag.getConditions().get(1).getThreshold());
    }

    @Test
    void earlierStaysInTheWindowShortenTheAuthorisedStay() throws Exception {
        // 60 days (1 Mar - 29 Apr) in the window: entering 1 Jun leaves 30, until 30 Jun; entry+89 would be 29 Aug.
        BorderCrossing first =
                entry("e1", "2025-03-01T10:00").document("P1", "2025-06-30").build();
        BorderCrossing out =
                exit("x1", "2025-04-29T10:00").document("P1", "2025-06-30").build();
        assertTrue(flags(
                        first,
                        out,
                        entry("e2", "2025-06-01T10:00")
                                .document("P1", "2025-06-30")
                                .build())
                .isEmpty());
        assertEquals(
                List.of("e2"),
                flags(
                                first,
                                out,
                                entry("e2", "2025-06-01T10:00")
                                        .document("P1", "2025-06-29")
                                        .build())
                        .stream()
                        .map(RiskFlag::getTriggerEventId)
                        .toList());
    }

    @Test
    void aVisasDurationIsATotalAndItsLastDayBoundsTheStay() throws Exception {
        // Valid four months, 15 days in all: 5 used in May, so entering 1 Jun the stay ends on 10 Jun.
        UnaryOperator<Crossings> visa = c -> c.visa("V", 0, 15, "2025-05-01", "2025-08-31");
        BorderCrossing may = visa.apply(entry("e1", "2025-05-10T10:00").document("P1", "2025-06-10"))
                .build();
        BorderCrossing mayOut = visa.apply(exit("x1", "2025-05-14T10:00").document("P1", "2025-06-10"))
                .build();
        assertTrue(flags(
                        may,
                        mayOut,
                        visa.apply(entry("e2", "2025-06-01T10:00").document("P1", "2025-06-10"))
                                .build())
                .isEmpty());
        assertEquals(
                List.of("e2"),
                flags(
                                may,
                                mayOut,
                                visa.apply(entry("e2", "2025-06-01T10:00").document("P1", "2025-06-09"))
                                        .build())
                        .stream()
                        .map(RiskFlag::getTriggerEventId)
                        .toList());
        // A visa ending on 10 Jun ends the stay on 10 Jun, whatever its duration.
        assertTrue(flags(entry("e", "2025-06-01T10:00")
                        .document("P1", "2025-06-10")
                        .visa("V2", 0, 30, "2025-05-01", "2025-06-10")
                        .build())
                .isEmpty());
        assertEquals(
                1,
                flags(entry("e", "2025-06-01T10:00")
                                .document("P1", "2025-06-09")
                                .visa("V2", 0, 30, "2025-05-01", "2025-06-10")
                                .build())
                        .size());
    }

    @Test
    void underAResidencePermitOnlyAnExpiredDocumentCounts() throws Exception {
        assertTrue(flags(entry("e", "2025-06-01T10:00")
                        .document("P1", "2025-06-02")
                        .basis(StayBasis.RESIDENCE_PERMIT)
                        .build())
                .isEmpty());
        assertEquals(
                1,
                flags(entry("e", "2025-06-01T10:00")
                                .document("P1", "2025-05-31")
                                .basis(StayBasis.RESIDENCE_PERMIT)
                                .build())
                        .size());
    }

    @Test
    void onlyEntriesAreChecked() throws Exception {
        assertTrue(
                flags(exit("x", "2025-06-01T10:00").document("P1", "2025-01-01").build())
                        .isEmpty());
    }

    @Test
    void theAllowListCoversEverythingTheRuleReads() throws Exception {
        List<BorderCrossing> crossings = List.of(
                entry("expired", "2025-06-01T10:00")
                        .file("a")
                        .document("P1", "2025-05-31")
                        .build(),
                entry("short", "2025-06-01T10:00")
                        .file("b")
                        .document("P2", "2025-06-14")
                        .visa("V", 0, 15, "2025-05-01", "2025-08-31")
                        .build(),
                entry("fine", "2025-06-01T10:00")
                        .file("c")
                        .document("P3", "2025-08-29")
                        .build());
        List<RiskFlag> original = AllowListCheck.flags(crossings, "R6", DocumentValidityRule.DESCRIPTOR, -1);
        assertEquals(
                List.of("expired", "short"),
                original.stream().map(RiskFlag::getTriggerEventId).sorted().toList());
        for (long seed = 1; seed <= 5; seed++) {
            assertEquals(original, AllowListCheck.flags(crossings, "R6", DocumentValidityRule.DESCRIPTOR, seed));
        }
    }
}
