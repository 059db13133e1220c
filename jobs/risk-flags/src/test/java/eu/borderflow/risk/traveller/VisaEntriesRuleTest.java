package eu.borderflow.risk.traveller;

import static eu.borderflow.risk.traveller.Crossings.CONFIG;
import static eu.borderflow.risk.traveller.Crossings.entry;
import static eu.borderflow.risk.traveller.Crossings.exit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.RiskFlag;
import java.util.List;
import org.junit.jupiter.api.Test;

/** R5 in the EES-file operator: a visa's number of entries authorised and its validity (Visa Code Art. 24). */
class VisaEntriesRuleTest {

    private static Crossings onSingleEntryVisa(Crossings crossing) {
        return crossing.visa("V-1", 1, 30, "2025-05-01", "2025-08-31");
    }

    @Test
    void aSingleEntryVisaUsedTwiceIsFlaggedOnTheSecondEntry() throws Exception {
        try (RuleHarness<TravellerCrossing> h = RuleHarness.travellerFile(CONFIG)) {
            // Uploaded out of order: the second entry arrives first; both within the allowed lateness.
            h.send(
                    onSingleEntryVisa(entry("e2", "2025-06-10T08:00")).build(),
                    exit("x1", "2025-06-05T18:00").build(),
                    onSingleEntryVisa(entry("e1", "2025-06-01T08:00")).build());
            h.watermark("2025-06-20T00:00:00Z");

            List<RiskFlag> r5 = h.flags("R5");
            assertEquals(1, r5.size());
            RiskFlag flag = r5.get(0);
            assertEquals("R5:e2", flag.getFlagId());
            assertEquals("2", flag.getConditions().get(0).getObserved());
            assertEquals("1", flag.getConditions().get(0).getThreshold());
            assertTrue(flag.getConditions().get(0).getMet());
            assertFalse(flag.getConditions().get(1).getMet());
            assertFalse(flag.getConditions().get(2).getMet());
            assertFalse(flag.getExplanation().contains("V-1"), "no visa sticker number in the explanation");
        }
    }

    @Test
    void aMultipleEntryVisaIsNeverUsedUpAndANewVisaStartsAfresh() throws Exception {
        try (RuleHarness<TravellerCrossing> h = RuleHarness.travellerFile(CONFIG)) {
            for (int i = 1; i <= 3; i++) {
                h.send(
                        entry("m" + i, "2025-06-0" + (2 * i) + "T08:00")
                                .file("multi")
                                .visa("V-M", 0, 90, "2025-05-01", "2025-12-31")
                                .build(),
                        exit("mx" + i, "2025-06-0" + (2 * i) + "T20:00")
                                .file("multi")
                                .build());
            }
            h.send(
                    entry("s1", "2025-06-01T08:00")
                            .file("renewed")
                            .visa("V-A", 1, 5, "2025-05-01", "2025-06-30")
                            .build(),
                    exit("sx1", "2025-06-03T08:00").file("renewed").build(),
                    entry("s2", "2025-06-08T08:00")
                            .file("renewed")
                            .visa("V-B", 1, 5, "2025-06-05", "2025-07-30")
                            .build());
            h.watermark("2025-06-20T00:00:00Z");
            assertTrue(h.flags("R5").isEmpty());
        }
    }

    @Test
    void entriesOutsideTheVisasValidityAreFlagged() throws Exception {
        try (RuleHarness<TravellerCrossing> h = RuleHarness.travellerFile(CONFIG)) {
            h.send(
                    onSingleEntryVisa(entry("early", "2025-04-30T23:00"))
                            .file("a")
                            .build(),
                    onSingleEntryVisa(entry("first-day", "2025-05-01T00:30"))
                            .file("b")
                            .build(),
                    onSingleEntryVisa(entry("last-day", "2025-08-31T23:30"))
                            .file("c")
                            .build(),
                    onSingleEntryVisa(entry("late", "2025-09-01T00:10"))
                            .file("d")
                            .build());
            h.watermark("2025-09-10T00:00:00Z");
            assertEquals(
                    List.of("early", "late"),
                    h.flags("R5").stream()
                            .map(RiskFlag::getTriggerEventId)
                            .sorted()
                            .toList());
        }
    }

    @Test
    void theAllowListCoversEverythingTheRuleReads() throws Exception {
        List<BorderCrossing> crossings = List.of(
                onSingleEntryVisa(entry("e1", "2025-06-01T08:00")).build(),
                exit("x1", "2025-06-05T18:00").build(),
                onSingleEntryVisa(entry("e2", "2025-06-10T08:00")).build(),
                onSingleEntryVisa(entry("late", "2025-09-01T00:10")).file("F-2").build());
        List<RiskFlag> original = AllowListCheck.flags(crossings, "R5", VisaEntriesRule.DESCRIPTOR, -1);
        assertEquals(
                List.of("e2", "late"),
                original.stream().map(RiskFlag::getTriggerEventId).sorted().toList());
        for (long seed = 1; seed <= 5; seed++) {
            assertEquals(original, AllowListCheck.flags(crossings, "R5", VisaEntriesRule.DESCRIPTOR, seed));
        }
    }
}
