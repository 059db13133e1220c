package eu.borderflow.risk.traveller;

import eu.borderflow.risk.RiskSettings;
import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.RiskFlag;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static eu.borderflow.risk.traveller.Crossings.CONFIG;
import static eu.borderflow.risk.traveller.Crossings.TOKENS;
import static eu.borderflow.risk.traveller.Crossings.entry;
import static eu.borderflow.risk.traveller.Crossings.exit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * R6: the document must be valid on the entry day and through the authorised stay (Schengen Borders Code
 * Art. 6(1)(a) asks for validity beyond the intended departure; the rule checks the authorised end).
 */
class DocumentValidityRuleTest {

    private final DocumentValidityRule rule = new DocumentValidityRule(RiskSettings.local(CONFIG));

    private Optional<RiskFlag> check(Crossings crossing) {
        return rule.atEntry(crossing.build(), TOKENS);
    }

    @Test
    void anExpiredDocumentIsFlagged() {
        RiskFlag flag = check(entry("e", "2025-06-01T10:00").document("P1", "2025-05-31")).orElseThrow();
        assertEquals("R6:e", flag.getFlagId());
        assertTrue(flag.getConditions().get(0).getMet());
        assertFalse(flag.getExplanation().contains("P1 "));
    }

    @Test
    void withoutAVisaTheDocumentMustLastNinetyDaysIncludingTheEntryDay() {
        // Entry 1 Jun 2025: the 90th day of stay is 29 Aug 2025.
        assertTrue(check(entry("e", "2025-06-01T10:00").document("P1", "2025-08-29")).isEmpty());
        RiskFlag flag = check(entry("e", "2025-06-01T10:00").document("P1", "2025-08-28")).orElseThrow();
        assertFalse(flag.getConditions().get(0).getMet());
        assertTrue(flag.getConditions().get(1).getMet());
        assertEquals("2025-08-29", flag.getConditions().get(1).getThreshold());
    }

    @Test
    void withAVisaTheDurationOfStayAndTheVisasLastDayBound() {
        // 15 days from 1 Jun end on 15 Jun.
        assertTrue(check(entry("e", "2025-06-01T10:00").document("P1", "2025-06-15")
                .visa("V", 0, 15, "2025-01-01", "2025-12-31")).isEmpty());
        assertTrue(check(entry("e", "2025-06-01T10:00").document("P1", "2025-06-14")
                .visa("V", 0, 15, "2025-01-01", "2025-12-31")).isPresent());
        // A visa ending on 10 Jun ends the stay on 10 Jun, whatever its duration.
        assertTrue(check(entry("e", "2025-06-01T10:00").document("P1", "2025-06-10")
                .visa("V", 0, 30, "2025-01-01", "2025-06-10")).isEmpty());
        assertTrue(check(entry("e", "2025-06-01T10:00").document("P1", "2025-06-09")
                .visa("V", 0, 30, "2025-01-01", "2025-06-10")).isPresent());
    }

    @Test
    void onlyEntriesAreChecked() {
        assertTrue(check(exit("x", "2025-06-01T10:00").document("P1", "2025-01-01")).isEmpty());
    }

    @Test
    void theAllowListCoversEverythingTheRuleReads() throws Exception {
        List<BorderCrossing> crossings = List.of(
                entry("expired", "2025-06-01T10:00").document("P1", "2025-05-31").build(),
                entry("short", "2025-06-01T10:00").document("P1", "2025-06-14")
                        .visa("V", 0, 15, "2025-01-01", "2025-12-31").build(),
                entry("fine", "2025-06-01T10:00").document("P1", "2025-08-29").build());
        List<RiskFlag> original = AllowListCheck.flags(crossings, "R6", DocumentValidityRule.DESCRIPTOR, -1);
        assertEquals(List.of("expired", "short"), original.stream().map(RiskFlag::getTriggerEventId).toList());
        for (long seed = 1; seed <= 5; seed++) {
            assertEquals(original, AllowListCheck.flags(crossings, "R6", DocumentValidityRule.DESCRIPTOR, seed));
        }
    }
}
