package eu.borderflow.seeds.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.borderflow.config.ConfigLoader;
import eu.borderflow.config.RuleDefinitions;
import eu.borderflow.person.NameForms;
import eu.borderflow.person.PersonMatchRule;
import eu.borderflow.schema.AlertChange;
import eu.borderflow.schema.AlertChangeType;
import eu.borderflow.schema.AlertPerson;
import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.CrossingKind;
import eu.borderflow.schema.GroundTruthEntry;
import eu.borderflow.schema.GroundTruthKind;
import eu.borderflow.schema.StayBasis;
import eu.borderflow.schema.Visa;
import eu.borderflow.seeds.reference.Bcp;
import eu.borderflow.seeds.reference.ReferenceData;
import eu.borderflow.seeds.testkit.Dataset;
import eu.borderflow.seeds.testkit.LawOracle;
import eu.borderflow.travel.MinimumTravelTime;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The background is realistic rather than clean: on the demo's default world its lawful traffic comes close to every
 * rule's threshold, measured literally from the files ({@link LawOracle} reads the law apart from the generator), and
 * the ground truth lists the deliberately close cases as near-misses of background families. What it must not do
 * (break a rule unlisted) {@code GroundTruthOracleTest} checks.
 */
class RealisticBackgroundTest {

    private static final long HOUR = 3_600_000L;
    private static final long MINUTE = 60_000L;

    private final Dataset data = Dataset.demo();
    private static final List<BorderCrossing> BACKGROUND = Dataset.demo().backgroundUnique();
    private final ReferenceData reference = ReferenceData.load();
    private final LawOracle law = LawOracle.of(data);
    private final List<BorderCrossing> background = BACKGROUND;
    private final LocalDate first = data.crossings.stream()
            .map(BorderCrossing::getLocalDate)
            .min(Comparator.naturalOrder())
            .orElseThrow();

    private long count(java.util.function.Predicate<BorderCrossing> p) {
        return background.stream().filter(p).count();
    }

    private static void atLeast(long min, long n, String what) {
        System.out.println(what + ": " + n);
        assertTrue(n >= min, what + ": " + n + " (at least " + min + " expected)");
    }

    @Test
    void staysReachTheNinetyDayLimitLawfully() {
        long atLimit = count(c -> {
            Integer d = law.daysInWindowAtExit(c.getEventId());
            return d != null && d >= 88 && d <= 90;
        });
        atLeast(5, atLimit, "background exits with 88-90 days of presence in 180");
    }

    @Test
    void visasAreUsedUpToTheirTotalTheirLastDayAndTheirLastEntry() {
        long atTotal = count(c -> {
            Integer used = law.daysUnderVisaAtExit(c.getEventId());
            Visa v = c.getVisa();
            return used != null
                    && v != null
                    && v.getValidUntil().isBefore(v.getValidFrom().plusMonths(6))
                    && used >= v.getDurationOfStayDays() - 1
                    && used <= v.getDurationOfStayDays();
        });
        atLeast(5, atTotal, "exits at (or a day short of) the visa's total duration of stay");
        long lastValidDay = count(c -> c.getKind() == CrossingKind.EXIT
                && c.getVisa() != null
                && c.getLocalDate().equals(c.getVisa().getValidUntil()));
        atLeast(5, lastValidDay, "exits on the visa's last valid day");
        long firstValidDay = count(c -> c.getKind() == CrossingKind.ENTRY
                && c.getVisa() != null
                && c.getLocalDate().equals(c.getVisa().getValidFrom()));
        atLeast(5, firstValidDay, "entries on the visa's first valid day");
        Map<String, Integer> entries = new HashMap<>();
        long lastEntry = 0;
        for (BorderCrossing c : sorted(background)) {
            if (c.getKind() == CrossingKind.ENTRY
                    && c.getVisa() != null
                    && c.getVisa().getEntriesAuthorised() == 2
                    && entries.merge(c.getVisa().getStickerNumber(), 1, Integer::sum) == 2) {
                lastEntry++;
            }
        }
        atLeast(1, lastEntry, "second entries on double-entry visas");
    }

    @Test
    void documentsExpireShortlyAfterTheAuthorisedEnd() {
        long close = count(c -> {
            Long end = law.authorisedEndAtEntry(c.getEventId());
            long expiry = c.getDocument().getExpiryDate().toEpochDay();
            return end != null && end != Long.MIN_VALUE && expiry >= end && expiry <= end + 2;
        });
        atLeast(5, close, "entries on a document expiring on the authorised end or up to two days after");
    }

    @Test
    void quickMovementsComeCloseToTheFastestPlausibleTime() {
        MinimumTravelTime minimum = MinimumTravelTime.fromConfig(ConfigLoader.defaults());
        Map<String, List<BorderCrossing>> byDocument = new HashMap<>();
        for (BorderCrossing c : sorted(background)) {
            byDocument
                    .computeIfAbsent(c.getDocument().getNumber(), k -> new ArrayList<>())
                    .add(c);
        }
        long close = 0;
        for (List<BorderCrossing> l : byDocument.values()) {
            for (int i = 1; i < l.size(); i++) {
                Bcp a = reference.bcp(l.get(i - 1).getBcpCode());
                Bcp b = reference.bcp(l.get(i).getBcpCode());
                if (a.index() == b.index()) {
                    continue;
                }
                long min = minimum.minimumMillis(
                        MinimumTravelTime.distanceKm(
                                a.position().latitude(),
                                a.position().longitude(),
                                b.position().latitude(),
                                b.position().longitude()),
                        a.type(),
                        b.type());
                long gap = l.get(i).getEventTime().toEpochMilli()
                        - l.get(i - 1).getEventTime().toEpochMilli();
                if (gap >= min && gap < min + 30 * MINUTE) {
                    close++;
                }
            }
        }
        atLeast(5, close, "movements between two BCPs less than 30 minutes above R7's minimum");
    }

    @Test
    void alertsShareBirthDatesAndNearNamesWithTravellers() {
        PersonMatchRule rule = RuleDefinitions.personMatch(ConfigLoader.defaults());
        Map<LocalDate, Map<String, NameForms>> travellers = new HashMap<>();
        for (BorderCrossing c : background) {
            travellers
                    .computeIfAbsent(c.getTraveller().getDateOfBirth(), k -> new HashMap<>())
                    .putIfAbsent(
                            c.getTraveller().getFileId(),
                            NameForms.of(
                                    c.getTraveller().getSurname(),
                                    c.getTraveller().getGivenNames()));
        }
        Set<String> sameDay = new TreeSet<>();
        Set<String> near = new TreeSet<>();
        for (AlertChange a : data.alerts) {
            AlertPerson p = a.getPerson();
            if (p == null
                    || a.getChange() == AlertChangeType.DELETE
                    || p.getDateOfBirth().length() != 10) {
                continue;
            }
            Map<String, NameForms> born = travellers.getOrDefault(LocalDate.parse(p.getDateOfBirth()), Map.of());
            NameForms alertName = NameForms.of(p.getSurname(), p.getGivenNames());
            for (Map.Entry<String, NameForms> t : born.entrySet()) {
                sameDay.add(a.getAlertId());
                double s = PersonMatchRule.similarity(t.getValue(), alertName);
                if (s >= 0.85 && !rule.namesMatch(s)) {
                    near.add(a.getAlertId() + "/" + t.getKey());
                }
            }
        }
        atLeast(10, sameDay.size(), "person alerts born on the day a background traveller was");
        atLeast(3, near.size(), "of those, names at Jaro-Winkler 0.85 up to R2's threshold");
    }

    @Test
    void staysRunAcrossThePeriodsStartAndEnd() {
        Map<String, List<BorderCrossing>> byFile = new HashMap<>();
        for (BorderCrossing c : sorted(background)) {
            byFile.computeIfAbsent(c.getTraveller().getFileId(), k -> new ArrayList<>())
                    .add(c);
        }
        long insideAtStart = byFile.values().stream()
                .filter(l -> l.get(0).getKind() == CrossingKind.EXIT
                        || l.get(0).getKind() == CrossingKind.ENTRY
                                && l.get(0).getLocalDate().isBefore(first))
                .count();
        long insideAtEnd = byFile.values().stream()
                .filter(l -> l.get(l.size() - 1).getKind() == CrossingKind.ENTRY)
                .count();
        atLeast(20, insideAtStart, "travellers inside when the period starts");
        atLeast(20, insideAtEnd, "travellers still inside when it ends");
    }

    @Test
    void longStaysAreExemptAndCrossTheBorder() {
        atLeast(3, count(c -> c.getStayBasis() == StayBasis.LONG_STAY_VISA), "crossings on a long-stay visa");
        atLeast(5, count(c -> c.getStayBasis() == StayBasis.RESIDENCE_PERMIT), "crossings on a residence permit");
    }

    @Test
    void uploadsArriveLateWithinSeventyTwoHoursAndSomeAreSentTwice() {
        long late =
                count(c -> c.getIngestTime().toEpochMilli() - c.getEventTime().toEpochMilli() > 24 * HOUR);
        long latest = background.stream()
                .mapToLong(
                        c -> c.getIngestTime().toEpochMilli() - c.getEventTime().toEpochMilli())
                .max()
                .orElseThrow();
        atLeast(5, late, "background records uploaded more than 24 hours late (EES Art. 21 fall-back)");
        assertTrue(latest <= 72 * HOUR, "latest upload " + latest / HOUR + " h after the crossing");
        Map<String, Integer> sent = new HashMap<>();
        data.crossings.stream()
                .filter(c -> !data.plantedFileIds.contains(c.getTraveller().getFileId()))
                .forEach(c -> sent.merge(c.getEventId(), 1, Integer::sum));
        atLeast(3, sent.values().stream().filter(n -> n > 1).count(), "background records re-sent");
    }

    @Test
    void alertReviewsFallInsideThePeriod() {
        LocalDate last = data.crossings.stream()
                .map(BorderCrossing::getLocalDate)
                .max(Comparator.naturalOrder())
                .orElseThrow();
        Set<String> due = new HashSet<>();
        for (AlertChange a : data.alerts) {
            if (a.getChange() != AlertChangeType.DELETE
                    && !a.getReviewDate().isBefore(first)
                    && !a.getReviewDate().isAfter(last)) {
                due.add(a.getAlertId());
            }
        }
        atLeast(10, due.size(), "alerts whose review date falls inside the period");
    }

    @Test
    void theTruthListsTheBackgroundsCloseCasesAsNearMisses() {
        Set<String> families = new TreeSet<>();
        for (GroundTruthEntry g : data.truth) {
            if (g.getKind() == GroundTruthKind.NEAR_MISS && g.getFamily().startsWith("background/")) {
                families.add(g.getFamily());
            }
        }
        Set<String> required = new TreeSet<>(List.of(
                "background/90-180-limit",
                "background/document-expiry",
                "background/fast-trip",
                "background/homonym-near-miss",
                "background/long-stay-exempt",
                "background/visa-entries",
                "background/visa-total",
                "background/visa-validity"));
        required.removeAll(families);
        assertEquals(Set.of(), required, "background families without a near-miss");
    }

    private static List<BorderCrossing> sorted(List<BorderCrossing> l) {
        List<BorderCrossing> s = new ArrayList<>(l);
        s.sort(Comparator.comparing(BorderCrossing::getEventTime).thenComparing(BorderCrossing::getEventId));
        return s;
    }
}
