package eu.borderflow.risk.traveller;

import static eu.borderflow.risk.traveller.Crossings.CONFIG;
import static eu.borderflow.risk.traveller.Crossings.TOKENS;
import static eu.borderflow.risk.traveller.Crossings.entry;
import static eu.borderflow.risk.traveller.Crossings.exit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.borderflow.privacy.Pseudonymiser;
import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.FindingKind;
import eu.borderflow.schema.FlagStatus;
import eu.borderflow.schema.RiskFlag;
import eu.borderflow.schema.StayBasis;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** R3 in the EES-file operator; expected values from Schengen Borders Code Art. 6(1) as DOMAIN.md states it. */
class OverstayRuleTest {

    private static List<String> flagIds(List<RiskFlag> flags) {
        return flags.stream().map(RiskFlag::getFlagId).toList();
    }

    @Test
    void ninetyDaysAreLawfulAndTheNinetyFirstIsFlaggedAtExit() throws Exception {
        try (RuleHarness<TravellerCrossing> h = RuleHarness.travellerFile(CONFIG)) {
            // 1 Jan - 31 Mar 2025 is 90 days of presence; 1 Jan - 1 Apr is 91.
            h.send(
                    entry("e90", "2025-01-01T10:00").file("F-90").build(),
                    exit("x90", "2025-03-31T18:00").file("F-90").build(),
                    entry("e91", "2025-01-01T10:00").file("F-91").build(),
                    exit("x91", "2025-04-01T18:00").file("F-91").build());
            assertEquals(3, h.stateEntries(), "both travellers' crossings wait in the buffer; F-91's early flag");
            assertEquals(2, h.timers(), "one timer per traveller, at its earliest buffered crossing's due time");
            assertEquals(List.of("R3:x91"), flagIds(h.flags()), "judged on arrival, before the lateness has passed");

            h.watermark("2025-04-05T00:00:00Z");

            List<RiskFlag> r3 = h.flags("R3");
            assertEquals(1, r3.size(), "only the 91-day stay is an overstay; settled, the early flag stands as it was");
            RiskFlag flag = r3.get(0);
            assertEquals("R3:x91", flag.getFlagId());
            assertEquals("x91", flag.getTriggerEventId());
            assertEquals(FlagStatus.RAISED, flag.getStatus());
            assertEquals(0, flag.getRevision());
            assertEquals(FindingKind.RISK, flag.getKind());
            assertTrue(flag.getRequiresHumanReview());
            assertEquals(TOKENS.token(Pseudonymiser.Domain.FILE, "F-91"), flag.getSubjectToken());
            assertEquals("91", flag.getConditions().get(0).getObserved());
            assertEquals("90", flag.getConditions().get(0).getThreshold());
            assertTrue(flag.getConditions().get(0).getMet());
            assertEquals("2025-03-31", flag.getConditions().get(1).getThreshold(), "latest lawful exit");
            assertEquals(List.of("e91", "x91"), flag.getEvidenceIds());
            assertEquals(LocalDate.parse("2029-01-01"), flag.getRetentionUntil());
            assertFalse(flag.getExplanation().contains("Testperson"));
            assertFalse(flag.getExplanation().contains("P1234567"));

            // Both files are closed: only the file state is left, with its expiry timer.
            assertEquals(2, h.stateEntries());
            assertEquals(2, h.timers());
            // 180 days after the last exit (plus the lateness) the files are erased.
            h.watermark("2025-10-02T00:00:00Z");
            assertEquals(0, h.stateEntries());
            assertEquals(0, h.timers());
        }
    }

    @Test
    void theWindowSlidesAsInTheRegulationsExample() throws Exception {
        // DOMAIN.md: present 1 Jan - 31 Mar 2025; entering on 30 Jun is lawful and the stay may last until 27 Sep.
        try (RuleHarness<TravellerCrossing> h = RuleHarness.travellerFile(CONFIG)) {
            for (String file : List.of("A", "B")) {
                h.send(
                        entry(file + "-e1", "2025-01-01T09:00").file(file).build(),
                        exit(file + "-x1", "2025-03-31T20:00").file(file).build(),
                        entry(file + "-e2", "2025-06-30T09:00").file(file).build());
            }
            h.send(
                    exit("A-x2", "2025-09-27T20:00").file("A").build(),
                    exit("B-x2", "2025-09-28T20:00").file("B").build());
            h.watermark("2025-10-05T00:00:00Z");

            List<RiskFlag> r3 = h.flags("R3");
            assertEquals(1, r3.size());
            assertEquals("B-x2", r3.get(0).getTriggerEventId());
            assertEquals("91", r3.get(0).getConditions().get(0).getObserved());
            assertEquals("2025-09-27", r3.get(0).getConditions().get(1).getThreshold());
        }
    }

    @Test
    void anExitAfterTheVisasDurationOfStayIsFlaggedEvenWellUnderNinetyDays() throws Exception {
        try (RuleHarness<TravellerCrossing> h = RuleHarness.travellerFile(CONFIG)) {
            // A 15-day visa entered on 1 Jun allows a stay through 15 Jun.
            for (String file : List.of("ok", "late")) {
                h.send(entry(file + "-e", "2025-06-01T08:00")
                        .file(file)
                        .visa("V-" + file, 0, 15, "2025-05-01", "2025-08-31")
                        .build());
            }
            h.send(
                    exit("ok-x", "2025-06-15T22:00").file("ok").build(),
                    exit("late-x", "2025-06-16T07:00").file("late").build());
            h.watermark("2025-06-25T00:00:00Z");

            List<RiskFlag> r3 = h.flags("R3");
            assertEquals(
                    List.of("late-x"),
                    r3.stream().map(RiskFlag::getTriggerEventId).toList());
            RiskFlag flag = r3.get(0);
            assertEquals("16", flag.getConditions().get(0).getObserved());
            assertFalse(flag.getConditions().get(0).getMet(), "16 days are within 90");
            assertTrue(flag.getConditions().get(1).getMet(), "but after the authorised stay");
            assertEquals("2025-06-15", flag.getConditions().get(1).getThreshold());
        }
    }

    @Test
    void outOfOrderAndLateCrossingsAreJudgedInEventTimeOrder() throws Exception {
        try (RuleHarness<TravellerCrossing> h = RuleHarness.travellerFile(CONFIG)) {
            // The exit arrives first (fall-back upload of the entry), both within the allowed lateness.
            h.send(exit("x", "2025-04-01T18:00").build());
            h.watermark("2025-04-02T00:00:00Z");
            h.send(entry("e", "2025-01-01T10:00").build());
            assertEquals(3, h.timers(), "the exit's, the R4 deadline and the open stay's retention");
            h.watermark("2025-04-05T00:00:00Z");
            assertEquals(
                    List.of("x"),
                    h.flags("R3").stream().map(RiskFlag::getTriggerEventId).toList());
        }
    }

    @Test
    void onlyShortStaysCount() throws Exception {
        try (RuleHarness<TravellerCrossing> h = RuleHarness.travellerFile(CONFIG)) {
            h.send(
                    entry("e", "2025-01-01T10:00")
                            .basis(StayBasis.RESIDENCE_PERMIT)
                            .build(),
                    exit("x", "2025-06-01T10:00")
                            .basis(StayBasis.RESIDENCE_PERMIT)
                            .build());
            h.watermark("2025-06-10T00:00:00Z");
            assertTrue(h.flags().isEmpty());
        }
    }

    @Test
    void aRuleSwitchedOffEmitsNothing(@TempDir Path dir) throws Exception {
        try (RuleHarness<TravellerCrossing> h = RuleHarness.travellerFile(Configs.withRuleOff(dir, "R3"))) {
            h.send(
                    entry("e91", "2025-01-01T10:00").build(),
                    exit("x91", "2025-04-01T18:00").build());
            h.watermark("2025-04-05T00:00:00Z");
            assertTrue(h.flags("R3").isEmpty());
        }
    }

    @Test
    void theAllowListCoversEverythingTheRuleReads() throws Exception {
        List<BorderCrossing> crossings = List.of(
                entry("e1", "2025-01-01T09:00")
                        .visa("V-1", 0, 90, "2024-12-01", "2025-12-31")
                        .build(),
                exit("x1", "2025-03-31T20:00").build(),
                entry("e2", "2025-06-29T09:00")
                        .visa("V-1", 0, 90, "2024-12-01", "2025-12-31")
                        .build(),
                exit("x2", "2025-09-28T20:00").build());
        List<RiskFlag> original = AllowListCheck.flags(crossings, "R3", OverstayRule.DESCRIPTOR, -1);
        assertEquals(
                List.of("x2"),
                original.stream().map(RiskFlag::getTriggerEventId).toList());
        for (long seed = 1; seed <= 5; seed++) {
            assertEquals(original, AllowListCheck.flags(crossings, "R3", OverstayRule.DESCRIPTOR, seed));
        }
    }
}
