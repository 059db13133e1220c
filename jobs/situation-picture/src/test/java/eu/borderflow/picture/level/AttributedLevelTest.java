package eu.borderflow.picture.level;

import static eu.borderflow.picture.testing.Pictures.HOUR;
import static eu.borderflow.picture.testing.Pictures.LATENESS;
import static eu.borderflow.picture.testing.Pictures.SECTION;
import static eu.borderflow.picture.testing.Pictures.SETTINGS;
import static eu.borderflow.picture.testing.Pictures.at;
import static eu.borderflow.picture.testing.Pictures.day;
import static eu.borderflow.picture.testing.Pictures.hour;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import eu.borderflow.picture.testing.KeyedState;
import eu.borderflow.schema.LevelSource;
import eu.borderflow.schema.PictureUpdate;
import eu.borderflow.schema.PictureView;
import eu.borderflow.schema.SectionImpactLevel;
import eu.borderflow.schema.SectionLevelChange;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.watermarkstatus.WatermarkStatus;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The attributed level passed through in Flink's test harness: reference, supervisor, temporary, late change. */
class AttributedLevelTest {

    private static final long TEN = at("2025-01-06T10:00:00Z");

    private KeyedTwoInputStreamOperatorTestHarness<String, PictureUpdate, SectionLevelChange, PictureUpdate> harness;

    @BeforeEach
    void open() throws Exception {
        harness = new KeyedTwoInputStreamOperatorTestHarness<>(
                new WindowTimeOperator(SETTINGS),
                PictureUpdate::getSectionId,
                SectionLevelChange::getSectionId,
                Types.STRING);
        ((SerializerConfigImpl) harness.getExecutionConfig().getSerializerConfig()).setGenericTypes(false);
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void withoutAChangeTheReferenceLevelIsPassedThrough() throws Exception {
        PictureUpdate window = PictureUpdate.newBuilder(hour(TEN, 0, 0, null))
                .setAttributedLevel(SectionImpactLevel.LOW)
                .build();
        harness.processElement1(window, TEN);
        PictureUpdate out = harness.extractOutputValues().get(0);
        assertEquals(SectionImpactLevel.HIGH, out.getAttributedLevel(), "LAND-FIN-RUS is HIGH in sections.yaml");
        assertEquals(LevelSource.REFERENCE, out.getAttributedLevelSource());
        assertNull(out.getAttributedLevelUntil());
    }

    @Test
    void aTemporaryCriticalLevelAppliesUntilItsEndThenTheReferenceLevelAgain() throws Exception {
        harness.processElement2(
                change("c1", "2025-01-06T09:30:00Z", SectionImpactLevel.CRITICAL, "2025-01-06T12:00:00Z"),
                at("2025-01-06T09:30:00Z"));
        for (long start = TEN - 2 * HOUR; start <= TEN + 2 * HOUR; start += HOUR) {
            harness.processElement1(hour(start, 0, 0, null), start + HOUR - 1);
        }
        List<PictureUpdate> out = harness.extractOutputValues();
        assertEquals(SectionImpactLevel.HIGH, out.get(0).getAttributedLevel(), "window ending 09:00");
        assertEquals(SectionImpactLevel.CRITICAL, out.get(1).getAttributedLevel(), "window ending 10:00");
        assertEquals(LevelSource.SUPERVISOR, out.get(1).getAttributedLevelSource());
        assertEquals(Instant.parse("2025-01-06T12:00:00Z"), out.get(1).getAttributedLevelUntil());
        assertEquals(SectionImpactLevel.CRITICAL, out.get(2).getAttributedLevel(), "window ending 11:00");
        assertEquals(SectionImpactLevel.HIGH, out.get(3).getAttributedLevel(), "window ending 12:00: it ended");
        assertEquals(LevelSource.REFERENCE, out.get(4).getAttributedLevelSource());
        assertNull(out.get(4).getAttributedLevelUntil());
    }

    @Test
    void aChangeArrivingAfterWindowsEndingAfterItStampsThemAgain() throws Exception {
        harness.processElement1(hour(TEN - HOUR, 0, 0, null), TEN - 1);
        harness.processElement1(hour(TEN, 0, 0, null), TEN + HOUR - 1);
        harness.processElement1(day(TEN + HOUR, 0), TEN + HOUR - 1);
        harness.processElement2(
                change("c1", "2025-01-06T10:30:00Z", SectionImpactLevel.MEDIUM, null), at("2025-01-06T10:30:00Z"));
        List<PictureUpdate> again = harness.extractOutputValues().subList(3, 5);
        assertEquals(2, harness.extractOutputValues().size() - 3, "the two windows ending at 11:00, not 10:00");
        assertEquals(
                List.of(PictureView.DAY, PictureView.HOUR),
                again.stream().map(PictureUpdate::getView).toList());
        for (PictureUpdate p : again) {
            assertEquals(TEN + HOUR, p.getWindowEnd().toEpochMilli());
            assertEquals(SectionImpactLevel.MEDIUM, p.getAttributedLevel());
            assertEquals(LevelSource.SUPERVISOR, p.getAttributedLevelSource());
            assertNull(p.getAttributedLevelUntil(), "a permanent change");
        }
        harness.processElement2(
                change("c1", "2025-01-06T10:30:00Z", SectionImpactLevel.MEDIUM, null), at("2025-01-06T10:30:00Z"));
        assertEquals(5, harness.extractOutputValues().size(), "a re-sent change changes nothing");
    }

    @Test
    void windowsAreKeptWhileTheyCanBeRevisedAndTheLatestChangeOutlivesThem() throws Exception {
        harness.processElement2(change("c1", "2025-01-06T08:00:00Z", SectionImpactLevel.LOW, null), TEN);
        harness.processElement2(change("c2", "2025-01-06T09:00:00Z", SectionImpactLevel.MEDIUM, null), TEN);
        harness.processElement1(hour(TEN, 0, 0, null), TEN + HOUR - 1);
        assertEquals(
                1,
                KeyedState.map(harness, SECTION, AttributedLevel.windowsState()).size());
        assertEquals(1, harness.numEventTimeTimers());

        harness.processWatermark1(new Watermark(TEN + HOUR + LATENESS));
        harness.processWatermark2(new Watermark(TEN + HOUR + LATENESS));
        assertEquals(
                0,
                KeyedState.map(harness, SECTION, AttributedLevel.windowsState()).size());
        assertEquals(
                List.of("c2"),
                KeyedState.value(harness, SECTION, AttributedLevel.historyState()).getMarks().stream()
                        .map(LevelMark::getChangeId)
                        .toList(),
                "only the change in force is kept");
        assertEquals(0, harness.numEventTimeTimers());
    }

    @Test
    void theWindowsTimeAloneExpiresThemWhileNoLevelChangeEverCame() throws Exception {
        harness.processElement1(hour(TEN, 0, 0, null), TEN + HOUR - 1);
        harness.processWatermark1(new Watermark(TEN + HOUR + LATENESS));
        assertEquals(
                0,
                KeyedState.map(harness, SECTION, AttributedLevel.windowsState()).size(),
                "the level changes' topic is empty: its unknown watermark must not hold the windows");
        assertEquals(0, harness.numEventTimeTimers());
        assertEquals(
                List.of(TEN + HOUR + LATENESS),
                harness.getOutput().stream()
                        .filter(Watermark.class::isInstance)
                        .map(w -> ((Watermark) w).getTimestamp())
                        .toList(),
                "the windows' watermark goes on to the picture revisions");
    }

    @Test
    void aLevelChangeWhileTheWindowsAreIdleDoesNotMoveTheirTime() throws Exception {
        harness.processElement1(hour(TEN, 0, 0, null), TEN + HOUR - 1);
        harness.processWatermarkStatus1(WatermarkStatus.IDLE);
        harness.processWatermarkStatus2(WatermarkStatus.ACTIVE);
        harness.processElement2(change("c1", "2025-01-06T10:30:00Z", SectionImpactLevel.LOW, null), TEN + HOUR);
        harness.processWatermark2(new Watermark(Long.MAX_VALUE - 1));
        assertEquals(
                1,
                KeyedState.map(harness, SECTION, AttributedLevel.windowsState()).size(),
                "the window is still held for a later change");
        assertEquals(1, harness.numEventTimeTimers());
        assertEquals(
                List.of(),
                harness.getOutput().stream().filter(Watermark.class::isInstance).toList(),
                "no watermark from the level changes");
    }

    private static SectionLevelChange change(String id, String at, SectionImpactLevel level, String until) {
        return SectionLevelChange.newBuilder()
                .setChangeId(id)
                .setSectionId(SECTION)
                .setLevel(level)
                .setPreviousLevel(SectionImpactLevel.HIGH)
                .setUntil(until == null ? null : Instant.parse(until))
                .setChangedBy("u:supervisor-1")
                .setRole("supervisor")
                .setReason("test")
                .setChangedAt(Instant.parse(at))
                .build();
    }
}
