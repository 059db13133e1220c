package eu.borderflow.seeds.generate;

import com.fasterxml.jackson.databind.JsonNode;
import eu.borderflow.config.ConfigLoader;
import eu.borderflow.privacy.Pseudonymiser;
import eu.borderflow.schema.AlertChange;
import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.BorderType;
import eu.borderflow.schema.CrossingKind;
import eu.borderflow.schema.DocumentRef;
import eu.borderflow.schema.GroundTruthEntry;
import eu.borderflow.schema.Incident;
import eu.borderflow.seeds.reference.Bcp;
import eu.borderflow.seeds.reference.ReferenceData;
import eu.borderflow.seeds.testkit.Dataset;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The background must raise no flag. These checks recount from the files with straightforward code, independent of
 * the generator's planning and of the jobs.
 */
class BackgroundCleanlinessTest {

    /** Schengen Borders Code Art. 6(1). */
    private static final int MAX_DAYS = 90;
    private static final int WINDOW = 180;
    private static final Duration MAX_LATE = Duration.ofHours(72);

    private final Dataset data = Dataset.generate(11, 2000, 40);
    private final ReferenceData reference = ReferenceData.load();

    private Map<String, List<BorderCrossing>> byFile() {
        Map<String, List<BorderCrossing>> out = new HashMap<>();
        for (BorderCrossing c : data.backgroundUnique()) {
            out.computeIfAbsent(c.getTraveller().getFileId(), k -> new ArrayList<>()).add(c);
        }
        out.values().forEach(l -> l.sort(Comparator.comparing(BorderCrossing::getEventTime)));
        return out;
    }

    @Test
    void backgroundIsLargeAndSeparateFromPlantedTravellers() {
        assertTrue(data.backgroundUnique().size() > 3000, "background crossings " + data.backgroundUnique().size());
        assertTrue(data.plantedFileIds.size() >= 2 * 10, "planted travellers " + data.plantedFileIds.size());
    }

    @Test
    void entriesAndExitsAlternatePerDocumentAndEveryTripEnds() {
        Map<String, List<BorderCrossing>> byDocument = new HashMap<>();
        for (BorderCrossing c : data.backgroundUnique()) {
            byDocument.computeIfAbsent(c.getDocument().getIssuingCountry() + "/" + c.getDocument().getNumber(),
                    k -> new ArrayList<>()).add(c);
        }
        for (Map.Entry<String, List<BorderCrossing>> e : byDocument.entrySet()) {
            List<BorderCrossing> list = e.getValue();
            list.sort(Comparator.comparing(BorderCrossing::getEventTime));
            CrossingKind expected = CrossingKind.ENTRY;
            Set<String> files = new HashSet<>();
            Set<String> faces = new HashSet<>();
            for (BorderCrossing c : list) {
                files.add(c.getTraveller().getFileId());
                faces.add(c.getBiometrics().getFacialTemplateId());
                if (c.getKind() == CrossingKind.REFUSAL) {
                    assertEquals(CrossingKind.ENTRY, expected, "refusal while inside");
                    continue;
                }
                assertEquals(expected, c.getKind(), "sequence broken for a background document");
                expected = expected == CrossingKind.ENTRY ? CrossingKind.EXIT : CrossingKind.ENTRY;
            }
            assertEquals(CrossingKind.ENTRY, expected, "a background trip has no exit");
            assertEquals(1, files.size(), "one document, one file");
            assertEquals(1, faces.size(), "one document, one biometric identity");
        }
    }

    @Test
    void noBackgroundTravellerExceeds90DaysIn180() {
        for (List<BorderCrossing> list : byFile().values()) {
            Set<Long> present = new TreeSet<>();
            LocalDate entry = null;
            for (BorderCrossing c : list) {
                if (c.getKind() == CrossingKind.ENTRY) {
                    entry = c.getLocalDate();
                } else if (c.getKind() == CrossingKind.EXIT) {
                    for (long d = entry.toEpochDay(); d <= c.getLocalDate().toEpochDay(); d++) {
                        present.add(d);
                    }
                }
            }
            for (long d : present) {
                long used = present.stream().filter(x -> x > d - WINDOW && x <= d).count();
                assertTrue(used <= MAX_DAYS, "background stay of " + used + " days in 180");
            }
        }
    }

    @Test
    void consecutiveCrossingsAreFarEnoughApartForTheDistance() {
        JsonNode r7 = ConfigLoader.defaults().tree("rules").at("/rules/R7");
        long transfer = Duration.parse(r7.path("min_transfer").asText()).toMillis();
        for (List<BorderCrossing> list : byFile().values()) {
            for (int i = 1; i < list.size(); i++) {
                BorderCrossing a = list.get(i - 1);
                BorderCrossing b = list.get(i);
                if (a.getBcpCode().equals(b.getBcpCode())) {
                    continue;
                }
                Bcp from = reference.bcp(a.getBcpCode());
                Bcp to = reference.bcp(b.getBcpCode());
                double speed = Math.min(speed(r7, from.type()), speed(r7, to.type()));
                double hours = from.position().distanceKm(to.position()) / speed;
                long gap = b.getEventTime().toEpochMilli() - a.getEventTime().toEpochMilli();
                assertTrue(gap >= transfer + hours * 3_600_000, "too fast: " + gap + " ms for " + hours + " h");
            }
        }
    }

    @Test
    void documentsAndVisasAreValidForEveryStay() {
        for (List<BorderCrossing> list : byFile().values()) {
            Map<String, Integer> entriesPerVisa = new HashMap<>();
            LocalDate entry = null;
            for (BorderCrossing c : list) {
                assertTrue(c.getDocument().getExpiryDate().isAfter(c.getLocalDate().plusDays(MAX_DAYS)), "document");
                if (c.getVisa() == null) {
                    continue;
                }
                if (c.getKind() == CrossingKind.ENTRY) {
                    entry = c.getLocalDate();
                    assertFalse(entry.isBefore(c.getVisa().getValidFrom()), "entry before the visa is valid");
                    int n = entriesPerVisa.merge(c.getVisa().getStickerNumber(), 1, Integer::sum);
                    int allowed = c.getVisa().getEntriesAuthorised();
                    assertTrue(allowed == 0 || n <= allowed, "visa entries used up");
                } else if (c.getKind() == CrossingKind.EXIT) {
                    LocalDate lastAllowed = entry.plusDays(c.getVisa().getDurationOfStayDays() - 1L);
                    assertFalse(c.getLocalDate().isAfter(lastAllowed), "exit after the authorised duration");
                    assertFalse(c.getLocalDate().isAfter(c.getVisa().getValidUntil()), "exit after the visa ended");
                }
            }
        }
    }

    @Test
    void noAlertConcernsABackgroundTravellerOrDocument() {
        Set<Integer> birthYears = new HashSet<>();
        Set<String> documents = new HashSet<>();
        for (BorderCrossing c : data.backgroundUnique()) {
            birthYears.add(c.getTraveller().getDateOfBirth().getYear());
            documents.add(c.getDocument().getNumber());
        }
        for (AlertChange a : data.alerts) {
            if (a.getPerson() != null) {
                int year = Integer.parseInt(a.getPerson().getDateOfBirth().substring(0, 4));
                assertFalse(birthYears.contains(year), "a person alert shares a birth year with background travellers");
                for (DocumentRef d : a.getPerson().getDocuments()) {
                    assertFalse(documents.contains(d.getNumber()));
                }
            }
            if (a.getObjectPart() != null) {
                assertFalse(documents.contains(a.getObjectPart().getDocument().getNumber()));
            }
        }
    }

    @Test
    void backgroundAlertReviewsFallAfterThePeriodAndItsNotice() {
        Set<String> plantedAlerts = new HashSet<>();
        for (GroundTruthEntry g : data.truth) {
            if (g.getRuleId().equals("R10")) {
                plantedAlerts.add(g.getTriggerEventId().substring(0, g.getTriggerEventId().indexOf('@')));
            }
        }
        LocalDate end = LocalDate.parse(GenerateOptions.DEFAULT_START).plusDays(40);
        for (AlertChange a : data.alerts) {
            if (!plantedAlerts.contains(a.getAlertId())) {
                assertTrue(a.getReviewDate().minusMonths(4).isAfter(end), "review notice inside the period");
            }
        }
    }

    @Test
    void filesAreInArrivalOrderWithBoundedLateness() {
        BorderCrossing previous = null;
        for (BorderCrossing c : data.crossings) {
            assertFalse(c.getIngestTime().isBefore(c.getEventTime()));
            assertTrue(Duration.between(c.getEventTime(), c.getIngestTime()).compareTo(MAX_LATE) <= 0,
                    "later than 72 h");
            assertTrue(c.getSynthetic());
            if (previous != null) {
                int cmp = previous.getIngestTime().compareTo(c.getIngestTime());
                assertTrue(cmp < 0 || cmp == 0 && previous.getEventId().compareTo(c.getEventId()) <= 0,
                        "not in arrival order");
            }
            previous = c;
        }
        for (int i = 1; i < data.alerts.size(); i++) {
            assertFalse(data.alerts.get(i).getEventTime().isBefore(data.alerts.get(i - 1).getEventTime()));
        }
        List<Incident> incidents = data.incidents;
        for (int i = 1; i < incidents.size(); i++) {
            assertFalse(incidents.get(i).getReportedTime().isBefore(incidents.get(i - 1).getReportedTime()));
        }
    }

    @Test
    void retentionIsThreeYearsAfterTheExitOrRefusal() {
        for (List<BorderCrossing> list : byFile().values()) {
            for (int i = 0; i < list.size(); i++) {
                BorderCrossing c = list.get(i);
                LocalDate base = c.getKind() == CrossingKind.ENTRY ? list.get(i + 1).getLocalDate() : c.getLocalDate();
                assertEquals(base.plusYears(3), c.getRetentionUntil());
            }
        }
    }

    @Test
    void tokensOfGroundTruthNeverContainRawIdentifiers() {
        for (GroundTruthEntry g : data.truth) {
            assertTrue(g.getSubjectToken().startsWith(data.tokens.keyId() + ":") || g.getRuleId().equals("R11"),
                    g.getSubjectToken());
            assertFalse(g.getDescription().matches(".*\\d{5,}.*"), "numbers in a description");
        }
        assertTrue(data.tokens.token(Pseudonymiser.Domain.FILE, "x").startsWith(data.tokens.keyId() + ":F:"));
    }

    private static double speed(JsonNode r7, BorderType type) {
        return r7.path("max_speed_kmh").path(type.name()).asDouble();
    }
}
