package eu.borderflow.seeds.world;

import eu.borderflow.schema.BorderType;
import eu.borderflow.schema.Confidence;
import eu.borderflow.schema.DetectionMeans;
import eu.borderflow.schema.Impact;
import eu.borderflow.schema.Incident;
import eu.borderflow.schema.IncidentCategory;
import eu.borderflow.seeds.reference.BorderSection;
import eu.borderflow.seeds.reference.GeoPoint;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

/** Builds Eurosur event-layer incidents on a section's line, with category, impact, confidence and report delay. */
public final class IncidentFactory {

    private static final IncidentCategory[] CATEGORIES = IncidentCategory.values();
    private static final Weighted CATEGORY = new Weighted(new double[] {55, 25, 5, 15});
    private static final Weighted IMPACT = new Weighted(new double[] {50, 30, 15, 5});
    private static final Weighted CONFIDENCE = new Weighted(new double[] {10, 15, 35, 30, 10});
    private static final List<String> SUBCATEGORIES =
            List.of("detection of persons", "smuggling of goods", "search and rescue", "other event");
    private static final int[] MAX_PERSONS = {25, 4, 60, 0};
    private static final DetectionMeans[] LAND_MEANS = {
        DetectionMeans.PATROL, DetectionMeans.FIXED_SENSOR, DetectionMeans.AERIAL, DetectionMeans.THIRD_PARTY_REPORT
    };
    private static final DetectionMeans[] SEA_MEANS = {
        DetectionMeans.VESSEL, DetectionMeans.AERIAL, DetectionMeans.SATELLITE, DetectionMeans.THIRD_PARTY_REPORT
    };
    private static final long MIN_REPORT_MILLIS = 30 * Period.MINUTE_MILLIS;
    private static final long MAX_ON_TIME_REPORT_MILLIS = 12 * Period.HOUR_MILLIS;
    private static final long REPORT_DUE_MILLIS = 24 * Period.HOUR_MILLIS;
    private static final long MAX_LATE_REPORT_MILLIS = 72 * Period.HOUR_MILLIS;

    private final IdFactory ids;

    public IncidentFactory(IdFactory ids) {
        this.ids = ids;
    }

    /** An incident detected at {@code millis}; {@code late} ones are reported more than 24 hours after detection. */
    public Incident incident(BorderSection section, long millis, boolean late, SplittableRandom rng) {
        int category = CATEGORY.pick(rng);
        long delay = late
                ? REPORT_DUE_MILLIS + Period.HOUR_MILLIS + rng.nextLong(MAX_LATE_REPORT_MILLIS - REPORT_DUE_MILLIS)
                : MIN_REPORT_MILLIS + rng.nextLong(MAX_ON_TIME_REPORT_MILLIS - MIN_REPORT_MILLIS);
        GeoPoint at = section.pointAt(rng.nextDouble());
        DetectionMeans[] means = section.type() == BorderType.SEA ? SEA_MEANS : LAND_MEANS;
        return new Incident(
                ids.nextIncidentId(),
                true,
                Instant.ofEpochMilli(millis),
                Instant.ofEpochMilli(millis + delay),
                section.id(),
                section.memberState(),
                CATEGORIES[category],
                SUBCATEGORIES.get(category),
                Impact.values()[IMPACT.pick(rng)],
                Confidence.values()[CONFIDENCE.pick(rng)],
                MAX_PERSONS[category] == 0 ? 0 : 1 + rng.nextInt(MAX_PERSONS[category]),
                means[rng.nextInt(means.length)],
                at.latitude(),
                at.longitude());
    }
}
