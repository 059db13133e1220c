package eu.borderflow.risk.traveller;

import static eu.borderflow.risk.traveller.Crossings.CONFIG;
import static eu.borderflow.risk.traveller.Crossings.entry;
import static eu.borderflow.risk.traveller.Crossings.exit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.borderflow.job.config.TimeConfig;
import eu.borderflow.risk.bench.BenchWorld;
import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.CrossingKind;
import eu.borderflow.schema.FlagStatus;
import eu.borderflow.schema.RiskFlag;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * R3 and R5-R8 on arrival, revised or withdrawn when a late upload changes them, and settled after the allowed
 * lateness: the standing flags are those of the complete event-time order, whatever the arrival order.
 */
class EarlyFlagsTest {

    private static final long LATENESS =
            TimeConfig.load(CONFIG).getAllowedLateness().toMillis();
    private static final long OUT_OF_ORDER =
            TimeConfig.load(CONFIG).getOutOfOrderness().toMillis();
    private static final Set<String> ON_A_CROSSING = Set.of("R3", "R5", "R6", "R7", "R8");
    private static final Set<String> EES_FILE_RULES = Set.of("R3", "R5", "R6");

    private static BenchWorld world;

    @BeforeAll
    static void generate() throws Exception {
        world = BenchWorld.generate(11, 1500, 45);
    }

    @Test
    void aUsedUpVisaIsFlaggedWhenTheEntryArrivesAndItsSettlementAddsNothing() throws Exception {
        try (RuleHarness<TravellerCrossing> h = RuleHarness.travellerFile(CONFIG)) {
            h.send(
                    entry("e1", "2025-06-01T08:00")
                            .visa("V-1", 1, 30, "2025-05-01", "2025-12-31")
                            .build(),
                    exit("x1", "2025-06-05T18:00").build(),
                    entry("e2", "2025-06-10T08:00")
                            .visa("V-1", 1, 30, "2025-05-01", "2025-12-31")
                            .build());
            assertEquals(List.of("R5:e2#0 RAISED"), revisions(h.flags()), "at the entry, before any watermark");

            h.watermark("2025-06-20T00:00:00Z");
            assertEquals(List.of("R5:e2#0 RAISED"), revisions(h.flags()), "the complete order agrees: nothing new");
            assertEquals(1, h.stateEntries(), "the file alone: the early flag is forgotten once settled");
        }
    }

    @Test
    void aTripUploadedLateWithdrawsTheOverstayAtOnce() throws Exception {
        try (RuleHarness<TravellerCrossing> h = RuleHarness.travellerFile(CONFIG)) {
            // 1 Jan - 1 May is 121 days.
            h.send(
                    entry("e1", "2025-01-01T10:00").build(),
                    exit("x2", "2025-05-01T10:00").build());
            assertEquals(List.of("R3:x2#0 RAISED"), revisions(h.flags("R3")), "an overstay, as far as known");

            // The traveller was out from 20 January to 1 March: two stays of 20 and 62 days.
            h.send(exit("x1", "2025-01-20T10:00").build());
            assertEquals(
                    List.of("R3:x2#0 RAISED", "R3:x2#1 WITHDRAWN"),
                    revisions(h.flags("R3")),
                    "withdrawn on the late exit's arrival, not 72 h later");
            RiskFlag withdrawn = h.flags("R3").get(1);
            assertTrue(withdrawn.getExplanation().startsWith("Withdrawn: a crossing uploaded late"));
            assertEquals(List.of("e1", "x2"), withdrawn.getEvidenceIds());
            h.send(entry("e2", "2025-03-01T10:00").build());
            assertEquals(2, h.flags("R3").size(), "still no overstay: nothing new");

            h.watermark("2025-06-01T00:00:00Z");
            assertEquals(2, h.flags("R3").size(), "settled: nothing new");
        }
    }

    @Test
    void whatFollowsAPresumedExitWaitsForTheFallBackWindow() throws Exception {
        // 1 Jan - 30 Mar is 89 days; back for the day on 1 Apr: 90, lawful. Without the exit of 30 Mar, the EES
        // presumes the first stay lasted until the entry of 1 Apr: 91.
        List<BorderCrossing> recorded = List.of(
                entry("e1", "2025-01-01T10:00").build(),
                entry("e2", "2025-04-01T08:00").build(),
                exit("x2", "2025-04-01T18:00").build());
        try (RuleHarness<TravellerCrossing> h = RuleHarness.travellerFile(CONFIG)) {
            recorded.forEach(c -> send(h, c));
            assertEquals(List.of(), h.flags("R3"), "the exit of the first stay may still be uploaded");
            h.send(exit("x1", "2025-03-30T10:00").build());
            h.watermark("2025-04-10T00:00:00Z");
            assertEquals(List.of(), h.flags("R3"), "it was: 90 days");
        }
        try (RuleHarness<TravellerCrossing> h = RuleHarness.travellerFile(CONFIG)) {
            recorded.forEach(c -> send(h, c));
            h.watermark("2025-04-04T00:00:00Z");
            assertEquals(List.of(), h.flags("R3"));
            h.watermark("2025-04-05T00:00:00Z");
            assertEquals(
                    List.of("R3:x2#0 RAISED"),
                    revisions(h.flags("R3")),
                    "it never came: the presumption stands, flagged when the window has closed");
        }
    }

    @Test
    void twoEntriesInARowWaitForTheFallBackWindowAsAMissingExitMayStillCome() throws Exception {
        try (RuleHarness<DocumentCrossing> h = RuleHarness.document(CONFIG)) {
            h.send(
                    entry("n1", "2025-06-01T10:00").build(),
                    entry("n3", "2025-06-06T10:00").build());
            h.watermark("2025-06-08T00:00:00Z");
            assertEquals(List.of(), h.flags(), "the exit between may still be uploaded");
            h.watermark("2025-06-10T00:00:00Z");
            assertEquals(List.of("R7:n3#0 RAISED"), revisions(h.flags()), "when the window has closed");
            RiskFlag flag = h.flags().get(0);
            assertEquals(
                    flag.getEventTime().plus(Duration.ofHours(72)),
                    flag.getRaisedEventTime(),
                    "raised, in event time, when the window closed");
        }
        try (RuleHarness<DocumentCrossing> h = RuleHarness.document(CONFIG)) {
            h.send(
                    entry("n1", "2025-06-01T10:00").build(),
                    entry("n3", "2025-06-06T10:00").build());
            h.send(exit("n2", "2025-06-03T10:00").build());
            h.watermark("2025-06-20T00:00:00Z");
            assertEquals(List.of(), h.flags(), "it came");
        }
    }

    @Test
    void aStayUploadedLateRevisesTheOverstayWithTheDaysItAdds() throws Exception {
        List<BorderCrossing> crossings = List.of(
                entry("e1", "2025-01-10T10:00").build(),
                exit("x1", "2025-01-19T10:00").build(),
                entry("e2", "2025-03-01T10:00").build(),
                exit("x2", "2025-06-05T10:00").build());
        RiskFlag inOrder;
        try (RuleHarness<TravellerCrossing> h = RuleHarness.travellerFile(CONFIG)) {
            crossings.forEach(c -> send(h, c));
            h.watermark("2025-07-01T00:00:00Z");
            inOrder = h.flags("R3").get(0);
        }
        try (RuleHarness<TravellerCrossing> h = RuleHarness.travellerFile(CONFIG)) {
            send(h, crossings.get(2));
            send(h, crossings.get(3));
            List<RiskFlag> early = h.flags("R3");
            assertEquals(1, early.size());
            assertEquals("97", early.get(0).getConditions().get(0).getObserved(), "1 Mar - 5 Jun");

            send(h, crossings.get(0));
            send(h, crossings.get(1));
            RiskFlag revised = h.flags("R3").get(h.flags("R3").size() - 1);
            assertEquals(FlagStatus.REVISED, revised.getStatus());
            assertEquals("107", revised.getConditions().get(0).getObserved(), "and the 10 days in January");
            assertEquals(normalised(inOrder), normalised(revised), "as if every crossing had come in order");

            int before = h.flags("R3").size();
            h.watermark("2025-07-01T00:00:00Z");
            assertEquals(before, h.flags("R3").size(), "settled: no R3 revision");
        }
    }

    /**
     * A generated world (its late-upload families included) replayed as the job would, and again with a quarter of
     * the crossings that came on time held back by up to 48 h: the standing flags are the same, and every flag of a
     * rule judged on a crossing came before its crossing was settled, but R7 on a repeated entry or exit and the
     * EES-file rules on what follows a presumed exit.
     */
    @Test
    void whateverTheArrivalOrderWithinTheLatenessTheStandingFlagsAreThoseOfEventTimeOrder() throws Exception {
        Set<String> seen = new HashSet<>();
        // Admission drops a crossing sent again (the world's replay families) before the rules see it.
        List<BorderCrossing> replay =
                world.crossings.stream().filter(c -> seen.add(c.getEventId())).toList();
        Set<String> mayWait = afterAPresumedExit(replay);
        Replayed asGenerated = replay(replay, mayWait);
        Replayed heldBack = replay(holdBack(replay, new Random(7)), mayWait);

        assertTrue(
                asGenerated.standing().size() > 100,
                "the world raises flags: " + asGenerated.standing().size());
        assertEquals(asGenerated.standing(), heldBack.standing());
        assertEquals(List.of(), asGenerated.settledLate(), "R3, R5-R8 before their settlement (not waiting by design)");
        assertEquals(List.of(), heldBack.settledLate(), "R3, R5-R8 before their settlement (not waiting by design)");
        assertTrue(
                heldBack.raisedOnALateArrival() > asGenerated.raisedOnALateArrival(),
                "holding crossings back makes flags come when the crossing before them arrives: "
                        + heldBack.raisedOnALateArrival() + " against " + asGenerated.raisedOnALateArrival());
        for (Replayed run : List.of(asGenerated, heldBack)) {
            run.revisionsByFlag().forEach((id, revisions) -> {
                for (int i = 0; i < revisions.size(); i++) {
                    assertEquals(i, revisions.get(i).getRevision(), id + ": revisions count up one by one");
                }
            });
        }
    }

    private record Replayed(List<RiskFlag> flags, List<String> settledLate, int raisedOnALateArrival) {

        Map<String, List<RiskFlag>> revisionsByFlag() {
            return flags.stream()
                    .collect(Collectors.groupingBy(RiskFlag::getFlagId, TreeMap::new, Collectors.toList()));
        }

        /** The newest revision of each flag not withdrawn, its revision and status aside. */
        Map<String, RiskFlag> standing() {
            Map<String, RiskFlag> standing = new TreeMap<>();
            revisionsByFlag().forEach((id, revisions) -> {
                RiskFlag newest = revisions.get(revisions.size() - 1);
                if (newest.getStatus() != FlagStatus.WITHDRAWN) {
                    standing.put(id, normalised(newest));
                }
            });
            return standing;
        }
    }

    /**
     * The event ids of the crossings that follow, on one EES file, an entry after an entry (the EES presumes the exit
     * between) by less than the lateness and a day of watermark steps: their flags may wait for the fall-back window
     * by design ({@link EarlyJudgement}).
     */
    private static Set<String> afterAPresumedExit(List<BorderCrossing> crossings) {
        Map<String, List<BorderCrossing>> byFile = crossings.stream()
                .collect(Collectors.groupingBy(c -> c.getTraveller().getFileId()));
        Set<String> mayWait = new HashSet<>();
        long window = LATENESS + OUT_OF_ORDER + Duration.ofDays(1).toMillis();
        for (List<BorderCrossing> file : byFile.values()) {
            List<BorderCrossing> inOrder = file.stream()
                    .sorted(Comparator.comparing(BorderCrossing::getEventTime)
                            .thenComparing(BorderCrossing::getEventId))
                    .toList();
            CrossingKind previous = null;
            long presumedAt = Long.MIN_VALUE;
            for (BorderCrossing crossing : inOrder) {
                long at = crossing.getEventTime().toEpochMilli();
                if (crossing.getKind() == CrossingKind.ENTRY && previous == CrossingKind.ENTRY) {
                    presumedAt = at;
                }
                if (presumedAt != Long.MIN_VALUE && at - presumedAt < window) {
                    mayWait.add(crossing.getEventId());
                }
                if (crossing.getKind() != CrossingKind.REFUSAL) {
                    previous = crossing.getKind();
                }
            }
        }
        return mayWait;
    }

    /** Both operators fed like the job feeds them, with a watermark every so many crossings. */
    private static Replayed replay(List<BorderCrossing> arrivals, Set<String> mayWait) throws Exception {
        List<RiskFlag> flags = new ArrayList<>();
        List<String> settledLate = new ArrayList<>();
        Map<String, Integer> arrived = new HashMap<>();
        int raisedOnALateArrival = 0;
        try (RuleHarness<TravellerCrossing> files = RuleHarness.travellerFile(CONFIG);
                RuleHarness<DocumentCrossing> documents = RuleHarness.document(CONFIG)) {
            long newest = Long.MIN_VALUE;
            long watermark = Long.MIN_VALUE;
            for (int i = 0; i < arrivals.size(); i++) {
                BorderCrossing crossing = arrivals.get(i);
                arrived.put(crossing.getEventId(), i);
                send(files, crossing);
                send(documents, crossing);
                newest = Math.max(newest, crossing.getEventTime().toEpochMilli());
                if (i % BenchWorld.WATERMARK_EVERY == 0 && newest - OUT_OF_ORDER - 1 > watermark) {
                    watermark = newest - OUT_OF_ORDER - 1;
                    files.watermark(watermark);
                    documents.watermark(watermark);
                }
                int before = flags.size();
                collect(files, flags, settledLate, watermark, mayWait);
                collect(documents, flags, settledLate, watermark, mayWait);
                for (RiskFlag flag : flags.subList(before, flags.size())) {
                    Integer trigger = arrived.get(flag.getTriggerEventId());
                    boolean settled = watermark >= flag.getEventTime().toEpochMilli() + LATENESS;
                    if (flag.getRevision() == 0 && trigger != null && trigger < i && !settled) {
                        raisedOnALateArrival++;
                    }
                }
            }
            files.watermark(Long.MAX_VALUE);
            documents.watermark(Long.MAX_VALUE);
            collect(files, flags, settledLate, Long.MAX_VALUE, mayWait);
            collect(documents, flags, settledLate, Long.MAX_VALUE, mayWait);
        }
        return new Replayed(flags, settledLate, raisedOnALateArrival);
    }

    /**
     * Takes the harness's new flags, noting those of R3, R5-R8 that came only when their crossing was settled, but R7
     * on a repeated movement and the EES-file rules' flags on a crossing that {@code mayWait}.
     */
    private static void collect(
            RuleHarness<?> h, List<RiskFlag> flags, List<String> settledLate, long watermark, Set<String> mayWait) {
        for (RiskFlag flag : h.flags()) {
            flags.add(flag);
            boolean settled = watermark >= flag.getEventTime().toEpochMilli() + LATENESS;
            boolean waitsByDesign = repeatedMovement(flag)
                    || (EES_FILE_RULES.contains(flag.getRuleId()) && mayWait.contains(flag.getTriggerEventId()));
            if (settled && ON_A_CROSSING.contains(flag.getRuleId()) && !waitsByDesign) {
                settledLate.add(flag.getFlagId() + "#" + flag.getRevision());
            }
        }
        h.harness.getOutput().clear();
    }

    /**
     * One in two crossings that came on time and whose traveller crosses again within 48 h arrive just after that next
     * crossing, as a fall-back upload would.
     */
    private static List<BorderCrossing> holdBack(List<BorderCrossing> arrivals, Random random) {
        record Arrival(long at, int order, int after, BorderCrossing crossing) {}
        long[] at = new long[arrivals.size()];
        long newest = Long.MIN_VALUE;
        for (int i = 0; i < arrivals.size(); i++) {
            newest = Math.max(newest, arrivals.get(i).getEventTime().toEpochMilli());
            at[i] = newest;
        }
        Map<String, Integer> next = new HashMap<>();
        List<Arrival> held = new ArrayList<>();
        for (int i = arrivals.size() - 1; i >= 0; i--) {
            BorderCrossing crossing = arrivals.get(i);
            long eventTime = crossing.getEventTime().toEpochMilli();
            Integer j = next.put(crossing.getTraveller().getFileId(), i);
            boolean onTime = eventTime >= at[i] - OUT_OF_ORDER;
            boolean hold = onTime
                    && j != null
                    && arrivals.get(j).getEventTime().toEpochMilli() - eventTime
                            <= Duration.ofHours(48).toMillis()
                    && random.nextBoolean();
            held.add(hold ? new Arrival(at[j], j, 1, crossing) : new Arrival(at[i], i, 0, crossing));
        }
        held.sort(Comparator.comparingLong(Arrival::at)
                .thenComparingInt(Arrival::order)
                .thenComparingInt(Arrival::after));
        return held.stream().map(Arrival::crossing).toList();
    }

    /** R7 on a repeated entry or exit, which waits for the fall-back window. */
    private static boolean repeatedMovement(RiskFlag flag) {
        return flag.getConditions().stream()
                .anyMatch(c -> c.getName().equals("kind of the previous entry/exit") && c.getMet());
    }

    private static void send(RuleHarness<?> h, BorderCrossing crossing) {
        try {
            h.send(crossing);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static RiskFlag normalised(RiskFlag flag) {
        return RiskFlag.newBuilder(flag)
                .setRevision(0)
                .setStatus(FlagStatus.RAISED)
                .build();
    }

    private static List<String> revisions(List<RiskFlag> flags) {
        return flags.stream()
                .map(f -> f.getFlagId() + "#" + f.getRevision() + " " + f.getStatus())
                .toList();
    }
}
