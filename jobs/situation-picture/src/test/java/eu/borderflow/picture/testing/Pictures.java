package eu.borderflow.picture.testing;

import eu.borderflow.config.ConfigLoader;
import eu.borderflow.picture.PictureSettings;
import eu.borderflow.picture.window.SectionEvent;
import eu.borderflow.schema.Confidence;
import eu.borderflow.schema.CrossingKind;
import eu.borderflow.schema.Freshness;
import eu.borderflow.schema.Impact;
import eu.borderflow.schema.IncidentCategory;
import eu.borderflow.schema.LevelSource;
import eu.borderflow.schema.PictureUpdate;
import eu.borderflow.schema.PictureView;
import eu.borderflow.schema.SectionImpactLevel;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The shipped settings, a section of the reference table, instants and records for the operator tests. */
public final class Pictures {

    public static final PictureSettings SETTINGS = PictureSettings.bind(ConfigLoader.defaults());
    /** In the reference table with attributed level HIGH. */
    public static final String SECTION = "LAND-FIN-RUS";

    public static final long HOUR = 3_600_000L;
    public static final long DAY = 24 * HOUR;
    public static final long WEEK = 7 * DAY;
    /** The allowed lateness of config/picture.yaml. */
    public static final long LATENESS = SETTINGS.allowedLatenessMillis();

    private Pictures() {}

    public static long at(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }

    public static SectionEvent entry(String id, String instant) {
        return SectionEvent.crossing("ees.crossings", SECTION, id, at(instant), CrossingKind.ENTRY, List.of());
    }

    public static SectionEvent exit(String id, String instant) {
        return SectionEvent.crossing("ees.crossings", SECTION, id, at(instant), CrossingKind.EXIT, List.of());
    }

    public static SectionEvent refusal(String id, String instant, String... reasons) {
        return SectionEvent.crossing("ees.crossings", SECTION, id, at(instant), CrossingKind.REFUSAL, List.of(reasons));
    }

    public static SectionEvent incident(String id, String detected, String reported) {
        return SectionEvent.incident(
                "eurosur.incidents",
                SECTION,
                id,
                at(detected),
                at(reported),
                IncidentCategory.UNAUTHORISED_CROSSING,
                Impact.HIGH,
                Confidence.CONFIRMED);
    }

    public static SectionEvent flag(String id, String instant, String rule, int revision, boolean withdrawn) {
        return SectionEvent.flag("risk.flags", SECTION, id, at(instant), rule, revision, withdrawn);
    }

    /** An hour record as {@code SectionHourWindow} emits it, with {@code incidents} incidents and crossings. */
    public static PictureUpdate hour(long start, long incidents, long crossings, Long lastData) {
        return PictureUpdate.newBuilder()
                .setSectionId(SECTION)
                .setView(PictureView.HOUR)
                .setWindowStart(Instant.ofEpochMilli(start))
                .setWindowEnd(Instant.ofEpochMilli(start + HOUR))
                .setRevision(0)
                .setAttributedLevel(SectionImpactLevel.HIGH)
                .setAttributedLevelSource(LevelSource.REFERENCE)
                .setFreshness(Freshness.FRESH)
                .setLastDataTime(lastData == null ? null : Instant.ofEpochMilli(lastData))
                .setCrossings(crossings)
                .setCrossingsByDirection(crossings == 0 ? Map.of() : Map.of("ENTRY", crossings))
                .setRefusals(0)
                .setIncidents(incidents)
                .setIncidentsByImpact(incidents == 0 ? Map.of() : Map.of("HIGH", incidents))
                .setFlagsPendingReview(0)
                .setOverdueReports(0)
                .setBaseline(0)
                .setPressureRatio(0)
                .setReviewSuggested(false)
                .setContributingIncidentIds(incidentIds(start, incidents))
                .build();
    }

    /** A DAY record ending at {@code end} with {@code incidents} incidents, as {@code SectionDayView} emits it. */
    public static PictureUpdate day(long end, long incidents) {
        return PictureUpdate.newBuilder(hour(end - HOUR, incidents, 0, end - 1))
                .setView(PictureView.DAY)
                .setWindowStart(Instant.ofEpochMilli(end - DAY))
                .build();
    }

    /** Ids {@code I-<hour start>-<n>}, newest (highest n) first. */
    public static List<String> incidentIds(long start, long n) {
        return java.util.stream.LongStream.range(0, n)
                .map(i -> n - 1 - i)
                .mapToObj(i -> "I-" + start + "-" + i)
                .toList();
    }
}
