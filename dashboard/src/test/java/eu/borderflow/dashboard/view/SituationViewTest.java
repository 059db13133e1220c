package eu.borderflow.dashboard.view;

import static eu.borderflow.dashboard.testing.Records.T0;
import static eu.borderflow.dashboard.testing.Records.flag;
import static eu.borderflow.dashboard.testing.Records.incident;
import static eu.borderflow.dashboard.testing.Records.levelChange;
import static eu.borderflow.dashboard.testing.Records.picture;
import static eu.borderflow.dashboard.testing.Records.review;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.borderflow.dashboard.DashboardSettings;
import eu.borderflow.dashboard.feed.FeedEvent;
import eu.borderflow.dashboard.feed.FeedLog;
import eu.borderflow.dashboard.feed.Origin;
import eu.borderflow.reference.SectionTable;
import eu.borderflow.schema.FlagStatus;
import eu.borderflow.schema.Freshness;
import eu.borderflow.schema.PictureView;
import eu.borderflow.schema.ReviewDecision;
import eu.borderflow.schema.SectionImpactLevel;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

class SituationViewTest {

    private static final String POL_BLR = "LAND-POL-BLR";
    private static final String FIN_RUS = "LAND-FIN-RUS";
    private static final Origin PICTURES = new Origin("eurosur.picture", 0);
    private static final Origin FLAGS = new Origin("risk.flags", 0);
    private static final Origin OTHER = new Origin("other", 0);

    private final SituationView view = view(1000);
    private long offset;

    private static SituationView view(int maxFlags) {
        return new SituationView(
                SectionTable.load(),
                new DashboardSettings.View(maxFlags, 100, 10, 48, 1000, Duration.ofHours(3), 500),
                new FeedLog(1000));
    }

    private void apply(Origin origin, SpecificRecord... records) {
        for (SpecificRecord r : records) {
            view.apply(List.of(new InputRecord(origin, offset++, r)));
        }
    }

    private Map<String, Object> status(String section) {
        @SuppressWarnings("unchecked")
        Map<String, Object> status =
                (Map<String, Object>) view.section(section, 10).orElseThrow().get("status");
        return status;
    }

    @Test
    void theLevelIsTheReferencesThenThePicturesThenASupervisorsChangeNotYetInThePicture() {
        assertEquals("CRITICAL", status(POL_BLR).get("level"), "sections.yaml");
        assertEquals("REFERENCE", status(POL_BLR).get("level_source"));
        Instant end = T0.plus(Duration.ofHours(10));
        apply(
                PICTURES,
                picture(POL_BLR, PictureView.HOUR, end, 0, SectionImpactLevel.HIGH, Freshness.FRESH, 5, 1, false));
        assertEquals("HIGH", status(POL_BLR).get("level"), "the picture's, as the picture job passed it");

        apply(
                OTHER,
                levelChange(
                        POL_BLR,
                        SectionImpactLevel.HIGH,
                        SectionImpactLevel.CRITICAL,
                        end,
                        end.plus(Duration.ofDays(2))));
        assertEquals("CRITICAL", status(POL_BLR).get("level"), "made at the newest window's end: not in a picture yet");
        assertEquals("SUPERVISOR", status(POL_BLR).get("level_source"));
        assertEquals(SectionImpactLevel.CRITICAL, view.shownLevel(POL_BLR));

        apply(
                PICTURES,
                picture(
                        POL_BLR,
                        PictureView.HOUR,
                        end.plus(Duration.ofHours(1)),
                        0,
                        SectionImpactLevel.MEDIUM,
                        Freshness.FRESH,
                        5,
                        1,
                        false));
        assertEquals("MEDIUM", status(POL_BLR).get("level"), "a newer picture is the picture job's word");

        Instant later = end.plus(Duration.ofHours(2));
        apply(
                OTHER,
                levelChange(
                        POL_BLR,
                        SectionImpactLevel.MEDIUM,
                        SectionImpactLevel.CRITICAL,
                        later,
                        later.plus(Duration.ofHours(1))));
        assertEquals("CRITICAL", status(POL_BLR).get("level"));
        apply(OTHER, incident("I-after", POL_BLR, later.plus(Duration.ofHours(2))));
        assertEquals("MEDIUM", status(POL_BLR).get("level"), "the temporary level ended (event time passed it)");
    }

    @Test
    void freshnessIsUnknownWithoutAPictureWhenThePictureSaysSoAndWhenASectionFallsBehind() {
        assertEquals("UNKNOWN", status(FIN_RUS).get("freshness"));
        assertEquals("no picture yet", status(FIN_RUS).get("freshness_note"));
        Instant end = T0.plus(Duration.ofHours(10));
        apply(
                PICTURES,
                picture(FIN_RUS, PictureView.HOUR, end, 0, SectionImpactLevel.HIGH, Freshness.FRESH, 0, 0, false));
        assertEquals("FRESH", status(FIN_RUS).get("freshness"), "quiet: no incidents, but fresh data");
        apply(
                PICTURES,
                picture(
                        POL_BLR,
                        PictureView.HOUR,
                        end.plus(Duration.ofHours(3)),
                        0,
                        SectionImpactLevel.HIGH,
                        Freshness.FRESH,
                        1,
                        1,
                        false));
        view.pictureSettled();
        assertEquals("FRESH", status(FIN_RUS).get("freshness"), "3 hours behind: at the bound");
        apply(
                PICTURES,
                picture(
                        POL_BLR,
                        PictureView.HOUR,
                        end.plus(Duration.ofHours(4)),
                        0,
                        SectionImpactLevel.HIGH,
                        Freshness.FRESH,
                        1,
                        1,
                        false));
        assertEquals(
                "FRESH",
                status(FIN_RUS).get("freshness"),
                "4 hours behind, but the input may still be reading that hour's other pictures");
        long before = view.sectionsSince(0).version();
        view.pictureSettled();
        assertTrue(
                view.sectionsSince(before).statuses().stream().anyMatch(st -> FIN_RUS.equals(st.get("id"))),
                "a section that turns stale is sent again");
        assertEquals("UNKNOWN", status(FIN_RUS).get("freshness"), "4 hours behind the newest picture, all read");
        assertTrue(((String) status(FIN_RUS).get("freshness_note")).startsWith("no picture since"));
        apply(
                PICTURES,
                picture(
                        POL_BLR,
                        PictureView.HOUR,
                        end.plus(Duration.ofHours(5)),
                        0,
                        SectionImpactLevel.HIGH,
                        Freshness.UNKNOWN,
                        0,
                        0,
                        false));
        assertEquals("UNKNOWN", status(POL_BLR).get("freshness"), "the picture job says so");
    }

    @Test
    void lateDataRevisesAWindowAndOlderRevisionsAreIgnored() {
        Instant end = T0.plus(Duration.ofHours(5));
        apply(
                PICTURES,
                picture(POL_BLR, PictureView.HOUR, end, 0, SectionImpactLevel.HIGH, Freshness.FRESH, 4, 1, false),
                picture(POL_BLR, PictureView.HOUR, end, 2, SectionImpactLevel.HIGH, Freshness.FRESH, 9, 1, false),
                picture(POL_BLR, PictureView.HOUR, end, 1, SectionImpactLevel.HIGH, Freshness.FRESH, 7, 1, false),
                picture(
                        POL_BLR,
                        PictureView.HOUR,
                        end.minus(Duration.ofHours(1)),
                        0,
                        SectionImpactLevel.HIGH,
                        Freshness.FRESH,
                        2,
                        1,
                        false));
        Map<String, Object> section = view.section(POL_BLR, 10).orElseThrow();
        @SuppressWarnings("unchecked")
        Map<String, Object> hour = (Map<String, Object>) section.get("hour");
        assertEquals(2, hour.get("revision"));
        assertEquals(9L, hour.get("pressure_events"));
        @SuppressWarnings("unchecked")
        Map<String, Object> trend = (Map<String, Object>) section.get("trend");
        assertEquals(
                List.of(2L, 9L),
                java.util.Arrays.stream((long[]) trend.get("incidents")).boxed().toList());
    }

    @Test
    void whyThisLevelShowsTheR11FiguresAgainstTheirThresholdsAndTheContributingIncidents() {
        apply(OTHER, incident("I-1", POL_BLR, T0));
        Instant end = T0.plus(Duration.ofHours(24));
        apply(
                PICTURES,
                picture(POL_BLR, PictureView.DAY, end, 0, SectionImpactLevel.CRITICAL, Freshness.FRESH, 24, 4.0, true));
        Map<String, Object> why = cast(view.section(POL_BLR, 10).orElseThrow().get("why"));
        assertEquals(24L, why.get("pressure_events"));
        assertEquals(20L, why.get("pressure_min_events"));
        assertEquals(4.0, why.get("pressure_ratio"));
        assertEquals(3.0, why.get("pressure_ratio_threshold"));
        assertEquals(6.0, why.get("baseline"));
        assertEquals(true, why.get("review_suggested"));
        List<Map<String, Object>> contributing = cast(why.get("contributing"));
        assertEquals("I-1", contributing.get(0).get("incident_id"));
        Map<String, Object> incident = cast(contributing.get(0).get("incident"));
        assertEquals("I-1", incident.get("incident_id"));
        List<Map<String, Object>> overdue =
                cast(view.section(POL_BLR, 10).orElseThrow().get("overdue"));
        assertEquals("I-late", overdue.get(0).get("incident_id"));
        assertNull(overdue.get(0).get("incident"), "not held: shown by id");
        assertEquals(true, status(POL_BLR).get("review_suggested"));
    }

    @Test
    void theQueueHoldsUnreviewedFlagsOldestFirstUntilReviewedOrWithdrawn() {
        apply(
                FLAGS,
                flag("E-3", T0.plus(Duration.ofHours(3))),
                flag("E-1", T0.plus(Duration.ofHours(1))),
                flag("E-2", T0.plus(Duration.ofHours(2))),
                flag("E-1", T0.plus(Duration.ofHours(1))));
        assertEquals(List.of("R1:E-1", "R1:E-2", "R1:E-3"), queueIds());
        assertEquals(3, status(POL_BLR).get("pending_flags"));
        assertEquals(
                3,
                view.feed().tail(10).stream()
                        .filter(e -> e.type().equals(FeedEvent.FLAG))
                        .count(),
                "a re-sent revision is not a new feed event");

        apply(OTHER, review("R1:E-1", 0, ReviewDecision.CONFIRMED, T0.plus(Duration.ofDays(1))));
        apply(FLAGS, flag("R1", "E-2", 1, FlagStatus.WITHDRAWN, T0.plus(Duration.ofHours(2)), POL_BLR));
        assertEquals(List.of("R1:E-3"), queueIds());
        assertEquals(1, status(POL_BLR).get("pending_flags"));

        apply(FLAGS, flag("R1", "E-1", 1, FlagStatus.REVISED, T0.plus(Duration.ofHours(1)), POL_BLR));
        assertEquals(List.of("R1:E-1", "R1:E-3"), queueIds(), "a revised flag needs a review of its new revision");
        Map<String, Object> detail = view.flag("R1:E-1").orElseThrow();
        assertEquals(2, ((List<?>) detail.get("revisions")).size());
        assertEquals(1, ((List<?>) detail.get("reviews")).size());
        assertEquals(true, detail.get("pending"));
    }

    @Test
    void theViewIsBoundedOldestFlagsFirstOut() {
        SituationView small = view(2);
        for (int i = 1; i <= 3; i++) {
            small.apply(List.of(new InputRecord(FLAGS, i, flag("E-" + i, T0.plus(Duration.ofHours(i))))));
        }
        assertTrue(small.flag("R1:E-1").isEmpty());
        assertFalse(small.flag("R1:E-3").isEmpty());
        assertEquals(2, small.sizes().pending());
        assertEquals(1, small.sizes().flagsDropped());
    }

    private List<Object> queueIds() {
        List<Map<String, Object>> flags = cast(view.queue(0, 10).get("flags"));
        return flags.stream().map(f -> f.get("flag_id")).toList();
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object o) {
        return (T) o;
    }
}
