package eu.borderflow.seeds.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.BorderType;
import eu.borderflow.schema.CrossingKind;
import eu.borderflow.schema.StayBasis;
import eu.borderflow.seeds.reference.Calibration;
import eu.borderflow.seeds.reference.ReferenceData;
import eu.borderflow.seeds.reference.TripLengthBucket;
import eu.borderflow.seeds.testkit.Dataset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The generated traffic matches reference/calibration.yaml (DOMAIN.md "Calibration"), measured from the files. */
class CalibrationTest {

    private static final double SHARE_TOLERANCE = 0.04;
    private static final double BUCKET_TOLERANCE = 0.06;
    /** An occasional traveller makes at most two trips in 40 days (gaps of 32+ days); frequent ones many more. */
    private static final int FREQUENT_MIN_TRIPS = 3;

    private static final long MAX_OCCASIONAL_DAYS = 28;

    private final Dataset data = Dataset.generate(5, 20_000, 40);
    private final ReferenceData reference = ReferenceData.load();
    private final Calibration calibration = reference.calibration();
    private final List<BorderCrossing> background = data.backgroundUnique();

    @Test
    void airportArrivalsPeakBetweenFiveAndNineLocal() {
        int[] perHour = new int[24];
        for (BorderCrossing c : background) {
            if (c.getBorderType() == BorderType.AIR && c.getKind() == CrossingKind.ENTRY) {
                perHour[
                        c.getEventTime()
                                .atZone(reference.bcp(c.getBcpCode()).zone())
                                .getHour()]++;
            }
        }
        int peak = 0;
        for (int h = 0; h < 24; h++) {
            peak = perHour[h] > perHour[peak] ? h : peak;
        }
        assertTrue(peak >= 5 && peak <= 9, "airport arrivals peak at " + peak);
    }

    @Test
    void borderTypeSharesMatch() {
        Map<BorderType, Integer> counts = new EnumMap<>(BorderType.class);
        background.forEach(c -> counts.merge(c.getBorderType(), 1, Integer::sum));
        for (BorderType t : BorderType.values()) {
            double share = counts.getOrDefault(t, 0) / (double) background.size();
            assertEquals(calibration.borderTypeShare().get(t), share, SHARE_TOLERANCE, t + " share");
        }
    }

    @Test
    void refusalsAreAboutTwoInTenThousandCrossings() {
        long refusals = background.stream()
                .filter(c -> c.getKind() == CrossingKind.REFUSAL)
                .count();
        double share = refusals / (double) background.size();
        double target = calibration.refusalShareOfCrossings();
        assertTrue(share > target / 4 && share < target * 4, "refusal share " + share + " (" + refusals + ")");
        assertTrue(
                background.stream()
                        .filter(c -> c.getKind() == CrossingKind.REFUSAL)
                        .allMatch(c -> !c.getRefusalReasons().isEmpty()),
                "every refusal carries a reason letter");
    }

    @Test
    void visaRequiredShareOfTravellers() {
        Set<String> all = new HashSet<>();
        Set<String> withVisa = new HashSet<>();
        for (BorderCrossing c : background) {
            all.add(c.getTraveller().getFileId());
            if (c.getVisa() != null) {
                withVisa.add(c.getTraveller().getFileId());
            }
        }
        assertEquals(calibration.visaRequiredShare(), withVisa.size() / (double) all.size(), SHARE_TOLERANCE);
    }

    @Test
    void tripLengthsFollowTheDistribution() {
        Map<String, List<Long>> tripsByFile = new HashMap<>();
        Map<String, BorderCrossing> open = new HashMap<>();
        List<BorderCrossing> sorted = new ArrayList<>(background);
        sorted.sort(java.util.Comparator.comparing(BorderCrossing::getEventTime));
        for (BorderCrossing c : sorted) {
            String f = c.getTraveller().getFileId();
            if (c.getKind() == CrossingKind.ENTRY && c.getStayBasis() == StayBasis.SHORT_STAY) {
                open.put(f, c);
            } else if (c.getKind() == CrossingKind.EXIT && open.containsKey(f)) {
                long dates = c.getLocalDate().toEpochDay()
                        - open.remove(f).getLocalDate().toEpochDay()
                        + 1;
                tripsByFile.computeIfAbsent(f, k -> new ArrayList<>()).add(dates);
            }
        }
        // Occasional travellers' trips: few per traveller, of the buckets' lengths (long stayers stay 30 days or more).
        List<Long> occasional = new ArrayList<>();
        tripsByFile.values().stream()
                .filter(l -> l.size() < FREQUENT_MIN_TRIPS)
                .flatMap(List::stream)
                .filter(d -> d <= MAX_OCCASIONAL_DAYS)
                .forEach(occasional::add);
        List<TripLengthBucket> buckets = calibration.tripLengths();
        double total = buckets.stream().mapToDouble(TripLengthBucket::weight).sum();
        for (TripLengthBucket b : buckets) {
            long n = occasional.stream()
                    .filter(d -> d >= b.min() && d <= b.max())
                    .count();
            double share = n / (double) occasional.size();
            assertEquals(b.weight() / total, share, BUCKET_TOLERANCE, "trips of " + b.min() + "-" + b.max() + " days");
        }
    }

    @Test
    void lateUploadsAndDuplicatesAtTheirShares() {
        long fallback =
                background.stream().filter(BorderCrossing::getFallbackUpload).count();
        assertEquals(calibration.number("/noise/fallback_upload_share"), fallback / (double) background.size(), 0.01);
        Set<String> ids = new HashSet<>();
        long duplicates =
                data.crossings.stream().filter(c -> !ids.add(c.getEventId())).count();
        double share = duplicates / (double) ids.size();
        double target = calibration.number("/noise/duplicate_share");
        assertTrue(share > target / 2.5 && share < target * 2.5, "duplicate share " + share);
        assertTrue(background.stream()
                .filter(c -> !c.getFallbackUpload())
                .allMatch(c -> c.getIngestTime().equals(c.getEventTime())));
    }
}
