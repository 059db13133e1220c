package eu.borderflow.seeds.generate;

import com.fasterxml.jackson.databind.JsonNode;
import eu.borderflow.config.ConfigLoader;
import eu.borderflow.privacy.Pseudonymiser;
import eu.borderflow.schema.AlertBasis;
import eu.borderflow.schema.AlertChange;
import eu.borderflow.schema.AlertChangeType;
import eu.borderflow.schema.AlertPerson;
import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.CrossingKind;
import eu.borderflow.schema.GroundTruthEntry;
import eu.borderflow.schema.GroundTruthKind;
import eu.borderflow.schema.Incident;
import eu.borderflow.seeds.reference.Bcp;
import eu.borderflow.seeds.reference.ReferenceData;
import eu.borderflow.seeds.testkit.Dataset;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.junit.jupiter.api.Test;

import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every ground-truth entry is checked against the files: the trigger exists, has the subject's token, and shows the
 * planted condition (or, for a near-miss, just misses it) by an independent reading of the records.
 */
class ScenarioGroundTruthTest {

    private static final Set<AlertBasis> PERSON_RULE_BASES = EnumSet.of(AlertBasis.REFUSAL_1861_ART24,
            AlertBasis.ARREST_1862_ART26, AlertBasis.MISSING_1862_ART32, AlertBasis.JUDICIAL_1862_ART34,
            AlertBasis.CHECK_1862_ART36);
    private static final double NAME_MATCH = 0.92;
    private static final int MAX_DAYS = 90;
    private static final int WINDOW = 180;
    private static final long HOUR = 3_600_000L;
    private static final int PRESSURE_MIN = 20;
    private static final int PRESSURE_RATIO = 3;
    private static final int BASELINE_WEEKS = 4;

    private final Dataset data = Dataset.generate(11, 2000, 40);
    private final ReferenceData reference = ReferenceData.load();
    private final Map<String, BorderCrossing> byId = new HashMap<>();
    private final Map<String, List<BorderCrossing>> byDocument = new HashMap<>();
    private final Map<String, List<BorderCrossing>> byFile = new HashMap<>();
    private final Map<String, List<AlertChange>> alertsById = new HashMap<>();
    private final JaroWinklerSimilarity jw = new JaroWinklerSimilarity();

    ScenarioGroundTruthTest() {
        for (BorderCrossing c : data.crossings) {
            if (byId.putIfAbsent(c.getEventId(), c) == null) {
                byDocument.computeIfAbsent(doc(c), k -> new ArrayList<>()).add(c);
                byFile.computeIfAbsent(c.getTraveller().getFileId(), k -> new ArrayList<>()).add(c);
            }
        }
        byDocument.values().forEach(l -> l.sort(Comparator.comparing(BorderCrossing::getEventTime)));
        byFile.values().forEach(l -> l.sort(Comparator.comparing(BorderCrossing::getEventTime)));
        for (AlertChange a : data.alerts) {
            alertsById.computeIfAbsent(a.getAlertId(), k -> new ArrayList<>()).add(a);
        }
    }

    @Test
    void everyRuleHasAtLeastTwoExpectedFlagsAndNearMisses() {
        for (int r = 1; r <= 11; r++) {
            String rule = "R" + r;
            long expected = data.truth.stream().filter(g -> g.getRuleId().equals(rule)
                    && g.getKind() == GroundTruthKind.EXPECTED_FLAG).count();
            long near = data.truth.stream().filter(g -> g.getRuleId().equals(rule)
                    && g.getKind() == GroundTruthKind.NEAR_MISS).count();
            assertTrue(expected >= 2, rule + " expected flags: " + expected);
            assertTrue(near >= 1, rule + " near-misses: " + near);
        }
    }

    @Test
    void crossingTriggersExistWithTheSubjectsToken() {
        for (GroundTruthEntry g : data.truth) {
            if (g.getRuleId().equals("R10") || g.getRuleId().equals("R11")) {
                continue;
            }
            BorderCrossing c = byId.get(g.getTriggerEventId());
            assertNotNull(c, g.getScenarioId() + ": trigger missing");
            assertEquals(data.tokens.token(Pseudonymiser.Domain.FILE, c.getTraveller().getFileId()), g.getSubjectToken(),
                    g.getScenarioId());
        }
    }

    @Test
    void plantedConditionsHoldInTheFiles() {
        for (GroundTruthEntry g : data.truth) {
            boolean expected = g.getKind() == GroundTruthKind.EXPECTED_FLAG;
            String what = g.getScenarioId() + " " + g.getKind() + " " + g.getRuleId();
            switch (g.getRuleId()) {
                case "R1" -> assertEquals(expected, documentAlertActive(byId.get(g.getTriggerEventId())), what);
                case "R2" -> assertEquals(expected, personAlertMatches(byId.get(g.getTriggerEventId()),
                        PERSON_RULE_BASES), what);
                case "R3" -> assertEquals(expected, overstayAtExit(byId.get(g.getTriggerEventId())), what);
                case "R4" -> assertEquals(expected, noLaterExit(byId.get(g.getTriggerEventId())), what);
                case "R5" -> assertEquals(expected, visaBroken(byId.get(g.getTriggerEventId())), what);
                case "R6" -> assertEquals(expected, documentExpiresTooSoon(byId.get(g.getTriggerEventId())), what);
                case "R7" -> assertEquals(expected, impossibleOrBroken(byId.get(g.getTriggerEventId())), what);
                case "R8" -> assertEquals(expected, secondBiometric(byId.get(g.getTriggerEventId())), what);
                case "R9" -> {
                    BorderCrossing c = byId.get(g.getTriggerEventId());
                    assertEquals(CrossingKind.EXIT, c.getKind(), what);
                    assertEquals(expected, personAlertMatches(c, EnumSet.of(AlertBasis.RETURN_1860_ART3)), what);
                }
                case "R10" -> assertEquals(expected, reviewFlagDue(g), what);
                case "R11" -> assertEquals(expected, pressureOnset(g.getTriggerEventId()), what);
                default -> throw new AssertionError("unknown rule " + g.getRuleId());
            }
        }
    }

    private static String doc(BorderCrossing c) {
        return c.getDocument().getIssuingCountry() + "/" + c.getDocument().getNumber();
    }

    /** The alert's state at {@code t}, or null if it did not exist or was deleted. */
    private AlertChange stateAt(List<AlertChange> changes, Instant t) {
        AlertChange state = null;
        for (AlertChange a : changes) {
            if (!a.getEventTime().isAfter(t)) {
                state = a;
            }
        }
        return state == null || state.getChange() == AlertChangeType.DELETE ? null : state;
    }

    private boolean documentAlertActive(BorderCrossing c) {
        for (List<AlertChange> changes : alertsById.values()) {
            AlertChange s = stateAt(changes, c.getEventTime());
            if (s != null && s.getObjectPart() != null
                    && s.getObjectPart().getDocument().getNumber().equals(c.getDocument().getNumber())
                    && s.getObjectPart().getDocument().getIssuingCountry().equals(c.getDocument().getIssuingCountry())) {
                return true;
            }
        }
        return false;
    }

    private boolean personAlertMatches(BorderCrossing c, Set<AlertBasis> bases) {
        for (List<AlertChange> changes : alertsById.values()) {
            AlertChange s = stateAt(changes, c.getEventTime());
            if (s != null && s.getPerson() != null && bases.contains(s.getBasis()) && matches(s.getPerson(), c)) {
                return true;
            }
        }
        return false;
    }

    private boolean matches(AlertPerson p, BorderCrossing c) {
        LocalDate dob = c.getTraveller().getDateOfBirth();
        String alertDob = p.getDateOfBirth();
        boolean dateOk = alertDob.length() == 4 ? Integer.parseInt(alertDob) == dob.getYear()
                : LocalDate.parse(alertDob).equals(dob) || dob.getDayOfMonth() <= 12
                && LocalDate.parse(alertDob).equals(LocalDate.of(dob.getYear(), dob.getDayOfMonth(), dob.getMonthValue()));
        double sim = jw.apply(sortedName(p.getGivenNames() + " " + p.getSurname()),
                sortedName(c.getTraveller().getGivenNames() + " " + c.getTraveller().getSurname()));
        return dateOk && sim >= NAME_MATCH;
    }

    private static String sortedName(String s) {
        String[] words = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toUpperCase(Locale.ROOT).replaceAll("[^A-Z]+", " ").trim().split(" ");
        Arrays.sort(words);
        return String.join(" ", words);
    }

    private boolean overstayAtExit(BorderCrossing exit) {
        assertEquals(CrossingKind.EXIT, exit.getKind());
        Set<Long> present = new TreeSet<>();
        LocalDate entry = null;
        BorderCrossing entryRecord = null;
        for (BorderCrossing c : byFile.get(exit.getTraveller().getFileId())) {
            if (c.getKind() == CrossingKind.ENTRY) {
                entry = c.getLocalDate();
                entryRecord = c;
            } else if (c.getKind() == CrossingKind.EXIT) {
                for (long d = entry.toEpochDay(); d <= c.getLocalDate().toEpochDay(); d++) {
                    present.add(d);
                }
                if (c == exit) {
                    break;
                }
            }
        }
        long day = exit.getLocalDate().toEpochDay();
        long used = present.stream().filter(x -> x > day - WINDOW && x <= day).count();
        boolean visaOver = exit.getVisa() != null && (exit.getLocalDate().isAfter(exit.getVisa().getValidUntil())
                || exit.getLocalDate().isAfter(entryRecord.getLocalDate().plusDays(exit.getVisa().getDurationOfStayDays() - 1L)));
        return used > MAX_DAYS || visaOver;
    }

    private boolean noLaterExit(BorderCrossing entry) {
        assertEquals(CrossingKind.ENTRY, entry.getKind());
        return byFile.get(entry.getTraveller().getFileId()).stream()
                .noneMatch(c -> c.getKind() == CrossingKind.EXIT && c.getEventTime().isAfter(entry.getEventTime()));
    }

    private boolean visaBroken(BorderCrossing entry) {
        assertEquals(CrossingKind.ENTRY, entry.getKind());
        var visa = entry.getVisa();
        assertNotNull(visa);
        long used = byFile.get(entry.getTraveller().getFileId()).stream()
                .filter(c -> c.getKind() == CrossingKind.ENTRY && !c.getEventTime().isAfter(entry.getEventTime())
                        && c.getVisa() != null && c.getVisa().getStickerNumber().equals(visa.getStickerNumber()))
                .count();
        return entry.getLocalDate().isAfter(visa.getValidUntil()) || entry.getLocalDate().isBefore(visa.getValidFrom())
                || visa.getEntriesAuthorised() > 0 && used > visa.getEntriesAuthorised();
    }

    private boolean documentExpiresTooSoon(BorderCrossing entry) {
        assertEquals(CrossingKind.ENTRY, entry.getKind());
        LocalDate authorisedEnd = entry.getVisa() != null
                ? entry.getLocalDate().plusDays(entry.getVisa().getDurationOfStayDays() - 1L)
                : entry.getLocalDate().plusDays(MAX_DAYS - 1L);
        LocalDate expiry = entry.getDocument().getExpiryDate();
        return expiry.isBefore(entry.getLocalDate()) || expiry.isBefore(authorisedEnd);
    }

    private boolean impossibleOrBroken(BorderCrossing c) {
        List<BorderCrossing> seq = byDocument.get(doc(c));
        int i = seq.indexOf(c);
        assertTrue(i > 0, "R7 trigger has no earlier crossing of the document");
        BorderCrossing before = seq.get(i - 1);
        if (before.getKind() == c.getKind()) {
            return true;
        }
        JsonNode r7 = ConfigLoader.defaults().tree("rules").at("/rules/R7");
        Bcp a = reference.bcp(before.getBcpCode());
        Bcp b = reference.bcp(c.getBcpCode());
        double speed = Math.min(r7.path("max_speed_kmh").path(a.type().name()).asDouble(),
                r7.path("max_speed_kmh").path(b.type().name()).asDouble());
        double needed = a.position().distanceKm(b.position()) / speed * HOUR
                + Duration.parse(r7.path("min_transfer").asText()).toMillis();
        return !a.code().equals(b.code())
                && c.getEventTime().toEpochMilli() - before.getEventTime().toEpochMilli() < needed;
    }

    private boolean secondBiometric(BorderCrossing c) {
        return byDocument.get(doc(c)).stream().anyMatch(o -> o.getEventTime().isBefore(c.getEventTime())
                && !o.getBiometrics().getFacialTemplateId().equals(c.getBiometrics().getFacialTemplateId()));
    }

    private boolean reviewFlagDue(GroundTruthEntry g) {
        String trigger = g.getTriggerEventId();
        String alertId = trigger.substring(0, trigger.indexOf('@'));
        LocalDate review = LocalDate.parse(trigger.substring(trigger.indexOf('@') + 1, trigger.indexOf('#')));
        LocalDate when = trigger.endsWith("#notice") ? review.minusMonths(4) : review;
        List<AlertChange> changes = alertsById.get(alertId);
        assertNotNull(changes, "R10 alert missing");
        assertEquals(data.tokens.token(Pseudonymiser.Domain.ALERT, alertId), g.getSubjectToken());
        assertTrue(changes.get(0).getEventTime().isBefore(when.atStartOfDay().toInstant(java.time.ZoneOffset.UTC)),
                "the alert must exist before its notice");
        Instant lastCrossing = data.crossings.stream().map(BorderCrossing::getEventTime).max(Comparator.naturalOrder()).orElseThrow();
        assertTrue(when.plusDays(3).atStartOfDay().toInstant(java.time.ZoneOffset.UTC).isBefore(lastCrossing),
                "traffic must continue after the R10 date");
        AlertChange s = stateAt(changes, when.atStartOfDay().toInstant(java.time.ZoneOffset.UTC));
        return s != null && s.getReviewDate().equals(review);
    }

    private boolean pressureOnset(String trigger) {
        String section = trigger.substring(0, trigger.indexOf('@'));
        long end = Instant.parse(trigger.substring(trigger.indexOf('@') + 1)).toEpochMilli();
        assertNotNull(reference.section(section));
        return surging(section, end) && !surging(section, end - HOUR);
    }

    private boolean surging(String section, long end) {
        long count = count(section, end);
        double baseline = 0;
        for (int w = 1; w <= BASELINE_WEEKS; w++) {
            baseline += count(section, end - w * 7 * 24 * HOUR);
        }
        baseline /= BASELINE_WEEKS;
        return count >= PRESSURE_MIN && count >= PRESSURE_RATIO * baseline;
    }

    private long count(String section, long end) {
        long from = end - 24 * HOUR;
        long n = 0;
        for (Incident i : data.incidents) {
            long t = i.getEventTime().toEpochMilli();
            if (i.getSectionId().equals(section) && t >= from && t < end) {
                n++;
            }
        }
        assertFalse(n < 0);
        return n;
    }
}
