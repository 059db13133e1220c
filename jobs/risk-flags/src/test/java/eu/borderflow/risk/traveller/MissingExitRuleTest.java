package eu.borderflow.risk.traveller;

import static eu.borderflow.risk.traveller.Crossings.CONFIG;
import static eu.borderflow.risk.traveller.Crossings.TOKENS;
import static eu.borderflow.risk.traveller.Crossings.entry;
import static eu.borderflow.risk.traveller.Crossings.exit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.borderflow.privacy.Pseudonymiser;
import eu.borderflow.risk.RiskSettings;
import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.FlagStatus;
import eu.borderflow.schema.RiskFlag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * R4 in the EES-file operator. A visa-exempt stay entered on 1 Jan 2025 is authorised through 31 Mar (90 days); the
 * day after starts at 2025-04-01T00:00 in Frankfurt (CEST, UTC+2) = 2025-03-31T22:00Z; with the 72 h grace the
 * check is due at 2025-04-03T22:00Z.
 */
class MissingExitRuleTest {

    private static final String DEADLINE = "2025-04-03T22:00:00Z";

    @Test
    void flagsAtTheDeadlineAndALateExitWithdrawsTheFlag() throws Exception {
        try (RuleHarness<TravellerCrossing> h = RuleHarness.travellerFile(CONFIG)) {
            h.send(entry("e", "2025-01-01T10:00").build());
            h.harness.processWatermark(Instant.parse(DEADLINE).toEpochMilli() - 1);
            assertTrue(h.flags().isEmpty(), "not a millisecond early");
            assertEquals(1, h.stateEntries(), "the file with its open stay");
            assertEquals(2, h.timers(), "the deadline, and the open stay's retention (overstay_years after its end)");

            h.watermark(DEADLINE);
            RiskFlag raised = h.flags("R4").get(0);
            assertEquals("R4:e", raised.getFlagId());
            assertEquals("e", raised.getTriggerEventId());
            assertEquals(FlagStatus.RAISED, raised.getStatus());
            assertEquals(TOKENS.token(Pseudonymiser.Domain.FILE, "F-1"), raised.getSubjectToken());
            assertEquals(Instant.parse("2025-01-01T09:00:00Z"), raised.getEventTime(), "the entry's event time");
            assertEquals(Instant.parse(DEADLINE), raised.getRaisedEventTime(), "raised when the deadline passed");
            assertEquals(List.of("e"), raised.getEvidenceIds());
            assertEquals(2, h.stateEntries(), "the file and the raised flag, kept for a withdrawal");

            // The exit on the last lawful day was recorded in fall-back mode and uploaded 4 days late.
            h.watermark("2025-04-04T20:00:00Z");
            h.send(exit("x", "2025-03-31T20:00").build());
            List<RiskFlag> r4 = h.flags("R4");
            assertEquals(2, r4.size());
            RiskFlag withdrawn = r4.get(1);
            assertEquals("R4:e", withdrawn.getFlagId());
            assertEquals(1, withdrawn.getRevision());
            assertEquals(FlagStatus.WITHDRAWN, withdrawn.getStatus());
            assertEquals(List.of("e", "x"), withdrawn.getEvidenceIds());
            assertEquals(
                    Instant.parse(DEADLINE),
                    withdrawn.getRaisedEventTime(),
                    "an exit older than the flag withdraws it in the event time the flag was raised");
            assertTrue(h.flags("R3").isEmpty(), "an exit on the 90th day is lawful");
            assertEquals(1, h.stateEntries(), "the flag is no longer kept");
            assertEquals(1, h.timers(), "the closed file's expiry");
        }
    }

    @Test
    void anExitUploadedWithinTheGraceMeansNoFlag() throws Exception {
        try (RuleHarness<TravellerCrossing> h = RuleHarness.travellerFile(CONFIG)) {
            h.send(entry("e", "2025-01-01T10:00").build());
            h.watermark("2025-04-02T12:00:00Z");
            h.send(exit("x", "2025-03-31T20:00").build());
            h.watermark("2025-04-10T00:00:00Z");
            assertTrue(h.flags().isEmpty());
        }
    }

    @Test
    void anOverstayerWhoLeavesLateGetsR3AndTheR4FlagIsWithdrawn() throws Exception {
        try (RuleHarness<TravellerCrossing> h = RuleHarness.travellerFile(CONFIG)) {
            h.send(
                    entry("e", "2025-01-01T10:00").build(),
                    exit("x", "2025-04-05T10:00").build());
            h.watermark("2025-04-10T00:00:00Z");
            assertEquals(
                    List.of(FlagStatus.RAISED, FlagStatus.WITHDRAWN),
                    h.flags("R4").stream().map(RiskFlag::getStatus).toList());
            assertEquals(
                    List.of(Instant.parse(DEADLINE), Instant.parse("2025-04-05T08:00:00Z")),
                    h.flags("R4").stream().map(RiskFlag::getRaisedEventTime).toList(),
                    "raised at the deadline, withdrawn at the exit (10:00 in Frankfurt)");
            assertEquals(
                    List.of("x"),
                    h.flags("R3").stream().map(RiskFlag::getTriggerEventId).toList());
        }
    }

    @Test
    void anExitAfterTheAuthorisedStayButBeforeTheDeadlineIsAnOverstayNotAMissingExit() throws Exception {
        try (RuleHarness<TravellerCrossing> h = RuleHarness.travellerFile(CONFIG)) {
            // Left on 2 Apr, two days after the authorised stay: the exit is recorded, so R3 and no R4 at all,
            // although the exit is still waiting out the allowed lateness when the deadline passes.
            h.send(
                    entry("e", "2025-01-01T10:00").build(),
                    exit("x", "2025-04-02T10:00").build());
            h.watermark("2025-04-10T00:00:00Z");
            assertTrue(h.flags("R4").isEmpty());
            assertEquals(
                    List.of("x"),
                    h.flags("R3").stream().map(RiskFlag::getTriggerEventId).toList());
        }
    }

    @Test
    void theDeadlineFollowsTheVisaAndTheBcpsTimeZone() throws Exception {
        try (RuleHarness<TravellerCrossing> h = RuleHarness.travellerFile(CONFIG)) {
            // A 10-day visa entered in Helsinki on 1 Jun: authorised through 10 Jun; 11 Jun starts at 21:00Z (EEST).
            h.send(entry("e", "2025-06-01T12:00")
                    .at("FIN-A-HEL")
                    .visa("V-1", 1, 10, "2025-05-01", "2025-08-31")
                    .build());
            h.harness.processWatermark(Instant.parse("2025-06-13T21:00:00Z").toEpochMilli() - 1);
            assertTrue(h.flags("R4").isEmpty());
            h.watermark("2025-06-13T21:00:00Z");
            assertEquals(
                    List.of("e"),
                    h.flags("R4").stream().map(RiskFlag::getTriggerEventId).toList());
        }
    }

    @Test
    void deadlinesNotReachedByTheDataRaiseNothingAtTheEndOfABoundedInput() throws Exception {
        try (RuleHarness<TravellerCrossing> h = RuleHarness.travellerFile(CONFIG)) {
            h.send(entry("e", "2025-01-01T10:00").build());
            h.watermark(Long.MAX_VALUE);
            assertTrue(h.flags().isEmpty());
            assertEquals(1, h.stateEntries(), "the entry was still applied: the stay is open");
        }
    }

    @Test
    void atTheEndOfABoundedInputDeadlinesUpToTheNewestCrossingLessTheOutOfOrdernessAreReached() throws Exception {
        // Short stay entered 1 Jan (no visa, no reference zone): deadline 4 Apr 09:00Z at the latest (see below).
        try (RuleHarness<TravellerCrossing> h = RuleHarness.travellerFile(CONFIG)) {
            h.send(entry("stays", "2025-01-01T10:00").build());
            h.send(entry("other", "2025-04-10T10:00").file("F-other").build());
            h.watermark(Long.MAX_VALUE);
            assertEquals(
                    List.of("stays"),
                    h.flags("R4").stream().map(RiskFlag::getTriggerEventId).toList(),
                    "the other traveller's crossing on 10 Apr shows event time passed the deadline");
        }
        try (RuleHarness<TravellerCrossing> h = RuleHarness.travellerFile(CONFIG)) {
            h.send(entry("stays", "2025-01-01T10:00").build());
            h.send(entry("other", "2025-01-20T10:00").file("F-other").build());
            h.watermark(Long.MAX_VALUE);
            assertTrue(h.flags("R4").isEmpty(), "the data ends on 20 Jan, long before the deadline");
        }
    }

    @Test
    void withoutReferenceDataTheDeadlineUsesTheLatestMidnightTheEntryAllows() {
        // Local date 1 Jan at 09:00Z: the zone offset is at least -9 h, so local midnight of 1 Apr is at the latest
        // 1 Apr 09:00Z; plus the 72 h grace. Never early, at most a day late.
        OpenStay stay = new OpenStay();
        stay.setEntryDay(Math.toIntExact(LocalDate.parse("2025-01-01").toEpochDay()));
        stay.setEntryTime(Instant.parse("2025-01-01T09:00:00Z").toEpochMilli());
        stay.setLatestLawfulExit(Math.toIntExact(LocalDate.parse("2025-03-31").toEpochDay()));
        MissingExitRule rule = new MissingExitRule(RiskSettings.local(CONFIG));
        assertEquals(Instant.parse("2025-04-04T09:00:00Z").toEpochMilli(), rule.deadline(stay, null));
        assertEquals(Instant.parse(DEADLINE).toEpochMilli(), rule.deadline(stay, Crossings.BCPS.find("DEU-A-FRA")));
    }

    @Test
    void theAllowListCoversEverythingTheRuleReads() throws Exception {
        List<BorderCrossing> crossings = List.of(
                entry("e", "2025-01-01T10:00").build(),
                exit("x", "2025-04-20T10:00").build(),
                entry("other", "2025-05-01T10:00").file("F-2").build());
        List<RiskFlag> original = AllowListCheck.flags(crossings, "R4", MissingExitRule.DESCRIPTOR, -1);
        assertEquals(
                List.of(FlagStatus.RAISED, FlagStatus.WITHDRAWN),
                original.stream().map(RiskFlag::getStatus).toList());
        for (long seed = 1; seed <= 5; seed++) {
            assertEquals(original, AllowListCheck.flags(crossings, "R4", MissingExitRule.DESCRIPTOR, seed));
        }
    }
}
