package eu.borderflow.seeds.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.borderflow.privacy.Pseudonymiser;
import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.GroundTruthEntry;
import eu.borderflow.seeds.reference.ReferenceData;
import eu.borderflow.seeds.testkit.Dataset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * No tells: for every field of a crossing record, the planted travellers' crossings and the background's come from
 * the same distribution, except where the field is an input of the rule a planted traveller was planted for (R6's
 * travellers have documents chosen to expire near the authorised end, R2's birth dates match alerts, ...). The
 * two-sample Kolmogorov-Smirnov distance must stay under 0.05 per field. Planted travellers are drawn in proportion to
 * the crossings they would make in the background (PlantedTravellers), since a record's person, document and visa are
 * those of the travellers who cross often.
 */
class NoTellsTest {

    private static final double MAX_DISTANCE = 0.05;

    /** A field of a crossing as a number, and the rules that read it (or something it depends on). */
    private record Field(String name, ToDoubleFunction<BorderCrossing> value, Set<String> readBy) {}

    /**
     * A world whose scenarios plant about 5,000 crossings (100 instances per rule), so that sampling alone keeps the
     * distance well under the bound (about 0.02 at 95%); the demo's default world plants too few to tell.
     */
    private final Dataset data = Dataset.generate(7, 200_000, 45);

    private final ReferenceData reference = ReferenceData.load();

    private List<Field> fields() {
        Set<String> visaRules = Set.of("R3", "R4", "R5", "R6");
        // R8's second fingerprint needs fingerprints taken at the border: visa holders' are in the VIS instead, so
        // those travellers are visa-exempt, and the visa fields (and the nationality behind them) are R8's too.
        Set<String> visaFields = Set.of("R3", "R4", "R5", "R6", "R8");
        Map<String, Integer> resent = new HashMap<>();
        data.crossings.forEach(c -> resent.merge(c.getEventId(), 1, Integer::sum));
        return List.of(
                new Field(
                        "date of birth", c -> c.getTraveller().getDateOfBirth().toEpochDay(), Set.of("R2", "R9")),
                new Field("verification score", c -> c.getBiometrics().getVerificationScore(), Set.of()),
                new Field(
                        "days the document stays valid",
                        c -> c.getDocument().getExpiryDate().toEpochDay()
                                - c.getLocalDate().toEpochDay(),
                        Set.of("R6")),
                new Field("document type", c -> c.getDocument().getType().ordinal(), Set.of()),
                new Field(
                        "upload delay",
                        c -> c.getIngestTime().toEpochMilli() - c.getEventTime().toEpochMilli(),
                        Set.of()),
                new Field("re-sent", c -> resent.get(c.getEventId()), Set.of()),
                new Field("sex", c -> c.getTraveller().getSex().ordinal(), Set.of()),
                // Nationality decides whether a visa is needed.
                new Field("nationality", c -> nationality(c.getTraveller().getNationality()), visaFields),
                new Field(
                        "fingerprint status",
                        c -> c.getBiometrics().getFingerprintStatus().ordinal(),
                        visaFields),
                new Field("has a visa", c -> c.getVisa() == null ? 0 : 1, visaFields),
                new Field(
                        "visa entries",
                        c -> c.getVisa() == null ? -1 : c.getVisa().getEntriesAuthorised(),
                        visaFields),
                new Field(
                        "visa validity",
                        c -> c.getVisa() == null
                                ? -1
                                : c.getVisa().getValidUntil().toEpochDay()
                                        - c.getVisa().getValidFrom().toEpochDay(),
                        visaFields),
                new Field("stay basis", c -> c.getStayBasis().ordinal(), Set.of("R3", "R4", "R6")),
                // Travel times are R7's input; R4's scenarios time exits to the deadline.
                new Field("border type", c -> c.getBorderType().ordinal(), Set.of("R7")),
                new Field(
                        "local time of day",
                        c -> c.getEventTime()
                                .atZone(reference.bcp(c.getBcpCode()).zone())
                                .toLocalTime()
                                .toSecondOfDay(),
                        Set.of("R4", "R7")));
    }

    @Test
    void plantedAndBackgroundCrossingsComeFromTheSameDistributions() {
        Map<String, Set<String>> rulesOfSubject = new HashMap<>();
        for (GroundTruthEntry g : data.truth) {
            rulesOfSubject
                    .computeIfAbsent(g.getSubjectToken(), k -> new HashSet<>())
                    .add(g.getRuleId());
        }
        List<BorderCrossing> background = new ArrayList<>();
        List<BorderCrossing> planted = new ArrayList<>();
        Map<BorderCrossing, Set<String>> rules = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (BorderCrossing c : data.crossings) {
            if (!seen.add(c.getEventId() + "/" + c.getIngestTime())) {
                continue;
            }
            String file = c.getTraveller().getFileId();
            if (data.plantedFileIds.contains(file)) {
                planted.add(c);
                rules.put(c, rulesOfSubject.getOrDefault(data.tokens.token(Pseudonymiser.Domain.FILE, file), Set.of()));
            } else {
                background.add(c);
            }
        }
        assertTrue(planted.size() > 1000, "planted crossings: " + planted.size());
        StringBuilder report = new StringBuilder();
        StringBuilder tells = new StringBuilder();
        for (Field f : fields()) {
            double[] b = background.stream().mapToDouble(f.value()).toArray();
            double[] p = planted.stream()
                    .filter(c -> rules.get(c).stream().noneMatch(f.readBy()::contains))
                    .mapToDouble(f.value())
                    .toArray();
            double d = distance(b, p);
            report.append(String.format(
                    java.util.Locale.ROOT,
                    "%s: %.3f (%d planted, mean %.3f vs %.3f)%n",
                    f.name(),
                    d,
                    p.length,
                    Arrays.stream(p).average().orElse(0),
                    Arrays.stream(b).average().orElse(0)));
            if (d >= MAX_DISTANCE) {
                tells.append(f.name()).append(' ');
            }
        }
        System.out.print(report);
        assertEquals("", tells.toString(), report.toString());
    }

    /** The two-sample Kolmogorov-Smirnov distance: the largest gap between the empirical distribution functions. */
    static double distance(double[] a, double[] b) {
        double[] x = a.clone();
        double[] y = b.clone();
        Arrays.sort(x);
        Arrays.sort(y);
        int i = 0;
        int j = 0;
        double max = 0;
        while (i < x.length && j < y.length) {
            double v = Math.min(x[i], y[j]);
            while (i < x.length && x[i] <= v) {
                i++;
            }
            while (j < y.length && y[j] <= v) {
                j++;
            }
            max = Math.max(max, Math.abs((double) i / x.length - (double) j / y.length));
        }
        return max;
    }

    private int nationality(String code) {
        for (int i = 0; i < reference.nationalities().size(); i++) {
            if (reference.nationalities().get(i).code().equals(code)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void theDistanceIsKolmogorovSmirnovs() {
        assertEquals(0.0, distance(new double[] {1, 2, 3}, new double[] {3, 2, 1}));
        assertEquals(1.0, distance(new double[] {1, 2}, new double[] {3, 4}));
        assertEquals(0.5, distance(new double[] {1, 2, 3, 4}, new double[] {3, 4}));
    }
}
