package eu.borderflow.picture.pressure;

import static eu.borderflow.picture.testing.Pictures.HOUR;
import static eu.borderflow.picture.testing.Pictures.LATENESS;
import static eu.borderflow.picture.testing.Pictures.SECTION;
import static eu.borderflow.picture.testing.Pictures.SETTINGS;
import static eu.borderflow.picture.testing.Pictures.WEEK;
import static eu.borderflow.picture.testing.Pictures.at;
import static eu.borderflow.picture.testing.Pictures.day;
import static eu.borderflow.picture.testing.Pictures.hour;
import static eu.borderflow.picture.testing.Pictures.incidentIds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.borderflow.picture.testing.KeyedState;
import eu.borderflow.schema.FindingKind;
import eu.borderflow.schema.FlagStatus;
import eu.borderflow.schema.PictureUpdate;
import eu.borderflow.schema.PictureView;
import eu.borderflow.schema.RiskFlag;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** R11 in Flink's test harness: baselines from earlier weeks, episodes, late revisions and withdrawals, state. */
class SectionPressureWindowTest {

    private static final long E = at("2025-02-10T12:00:00Z");
    private static final String TRIGGER = SECTION + "@2025-02-10T12:00:00Z";

    private KeyedOneInputStreamOperatorTestHarness<String, PictureUpdate, PictureUpdate> harness;

    @BeforeEach
    void open() throws Exception {
        harness = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new SectionPressureWindow(SETTINGS)),
                PictureUpdate::getSectionId,
                Types.STRING);
        ((SerializerConfigImpl) harness.getExecutionConfig().getSerializerConfig()).setGenericTypes(false);
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void aSurgeAgainstItsWeeklyBaselineRaisesOneFlagAtTheEpisodesFirstWindow() throws Exception {
        baselines(E, 2);
        baselines(E + HOUR, 2);
        send(day(E - HOUR, 2), day(E, 32), hour(E - HOUR, 30, 0, E - 1));
        List<PictureUpdate> out = harness.extractOutputValues();
        PictureUpdate surge = out.get(out.size() - 2);
        assertEquals(PictureView.DAY, surge.getView());
        assertEquals(32, surge.getPressureEvents());
        assertEquals(2.0, surge.getBaseline());
        assertEquals(16.0, surge.getPressureRatio());
        assertEquals(3.0, surge.getPressureRatioThreshold());
        assertEquals(20, surge.getPressureMinEvents());
        assertTrue(surge.getReviewSuggested());
        PictureUpdate hourRecord = out.get(out.size() - 1);
        assertEquals(32, hourRecord.getPressureEvents(), "the HOUR record carries the figures of its window end");
        assertTrue(hourRecord.getReviewSuggested());
        assertFalse(out.get(out.size() - 3).getReviewSuggested(), "2 incidents an hour earlier");

        RiskFlag flag = onlyFlag();
        assertEquals("R11:" + TRIGGER, flag.getFlagId());
        assertEquals(TRIGGER, flag.getTriggerEventId());
        assertEquals(0, flag.getRevision());
        assertEquals(FlagStatus.RAISED, flag.getStatus());
        assertEquals("R11", flag.getRuleId());
        assertEquals("1.0.0", flag.getRuleVersion());
        assertEquals(FindingKind.RISK, flag.getKind());
        assertEquals(SECTION, flag.getSubjectToken());
        assertEquals(PressureFlags.SUBJECT_KEY_ID, flag.getTokenKeyId());
        assertEquals(SECTION, flag.getSectionId());
        assertEquals(Instant.ofEpochMilli(E), flag.getEventTime());
        assertEquals(Instant.ofEpochMilli(E), flag.getRaisedEventTime(), "raised at the window end too");
        assertTrue(flag.getRequiresHumanReview());
        assertEquals(incidentIds(E - HOUR, 32), flag.getEvidenceIds(), "the incidents behind the figure");
        assertTrue(
                flag.getExplanation().contains("32 incidents")
                        && flag.getExplanation().contains("16.00 >= 3.0"),
                flag.getExplanation());
        assertTrue(flag.getConditions().stream().allMatch(c -> c.getMet()));

        send(day(E + HOUR, 33));
        assertTrue(last().getReviewSuggested(), "still under pressure");
        assertEquals(1, flags().size(), "once per episode, not every hour it stays high");
    }

    @Test
    void nearMissesSuggestNothing() throws Exception {
        baselines(E, 8);
        send(day(E, 22));
        assertEquals(2.75, last().getPressureRatio());
        assertFalse(last().getReviewSuggested(), "ratio below 3");
        baselines(E + HOUR, 2);
        send(day(E + HOUR, 19));
        assertEquals(9.5, last().getPressureRatio());
        assertFalse(last().getReviewSuggested(), "fewer than 20 events");
        assertEquals(List.of(), flags());
    }

    @Test
    void withoutFourWeeksOfHistoryTheBaselineIsUnknownAndNothingIsSuggested() throws Exception {
        send(day(E - 3 * WEEK, 0), day(E, 40));
        assertFalse(last().getReviewSuggested());
        assertEquals(Double.POSITIVE_INFINITY, last().getPressureRatio(), "the figures are still shown");
        assertEquals(List.of(), flags());
    }

    @Test
    void lateReportsRevisingTheFiguresReviseTheFlag() throws Exception {
        baselines(E, 2);
        send(day(E, 30), day(E, 31));
        List<RiskFlag> flags = flags();
        assertEquals(2, flags.size());
        assertEquals(FlagStatus.REVISED, flags.get(1).getStatus());
        assertEquals(1, flags.get(1).getRevision());
        assertTrue(flags.get(1).getExplanation().contains("31 incidents"));
        send(day(E, 31));
        assertEquals(2, flags().size(), "the same figures again change nothing");
    }

    @Test
    void whenLateReportsShowTheHourBeforeMetTheRuleTheFlagMovesThere() throws Exception {
        baselines(E - HOUR, 2);
        baselines(E, 2);
        send(day(E - HOUR, 5), day(E, 30));
        assertEquals(TRIGGER, onlyFlag().getTriggerEventId());

        send(day(E - HOUR, 25));
        List<RiskFlag> flags = flags();
        assertEquals(3, flags.size());
        assertEquals(SECTION + "@2025-02-10T11:00:00Z", flags.get(1).getTriggerEventId());
        assertEquals(FlagStatus.RAISED, flags.get(1).getStatus());
        assertEquals(TRIGGER, flags.get(2).getTriggerEventId());
        assertEquals(FlagStatus.WITHDRAWN, flags.get(2).getStatus());
        assertEquals(1, flags.get(2).getRevision());
    }

    @Test
    void whatAWindowEndNeedsIsKeptUntilNoLaterWindowCanUseItThenDropped() throws Exception {
        baselines(E, 2);
        send(day(E, 30));
        assertEquals(
                5,
                KeyedState.map(harness, SECTION, SectionPressureWindow.dayIncidentsState())
                        .size());
        assertEquals(
                List.of(E),
                List.copyOf(KeyedState.map(harness, SECTION, SectionPressureWindow.flagsState())
                        .keySet()));

        harness.processWatermark(E + LATENESS);
        assertEquals(
                List.of(E - 3 * WEEK, E - 2 * WEEK, E - WEEK, E),
                KeyedState.map(harness, SECTION, SectionPressureWindow.dayIncidentsState()).keySet().stream()
                        .sorted()
                        .toList(),
                "the window four weeks back is no longer any window's baseline");
        assertTrue(
                KeyedState.map(harness, SECTION, SectionPressureWindow.flagsState())
                        .isEmpty(),
                "the flag's window can no longer be revised");
        assertEquals(
                List.of(E),
                List.copyOf(KeyedState.map(harness, SECTION, SectionPressureWindow.metState())
                        .keySet()),
                "whether it met the rule is kept an hour longer, for the next window");
        harness.processWatermark(E + 4 * WEEK + LATENESS);
        assertEquals(0, harness.numKeyedStateEntries());
        assertEquals(0, harness.numEventTimeTimers());
    }

    /** A watermark that jumps over weeks of windows (a catch-up) drops exactly the entries due by then. */
    @Test
    void aWatermarkJumpingOverWeeksOfWindowsDropsExactlyWhatIsDue() throws Exception {
        for (long end = E - 6 * WEEK; end <= E; end += HOUR) {
            send(day(end, 1));
        }
        long watermark = E - WEEK + LATENESS;
        harness.processWatermark(watermark);

        long span = 4 * WEEK + LATENESS;
        var dayIncidents = KeyedState.map(harness, SECTION, SectionPressureWindow.dayIncidentsState());
        assertEquals(5 * WEEK / HOUR, dayIncidents.size(), "the windows of the last five weeks before E");
        assertTrue(dayIncidents.keySet().stream().allMatch(end -> end + span > watermark));
        var met = KeyedState.map(harness, SECTION, SectionPressureWindow.metState());
        assertEquals(
                List.of(E - WEEK),
                met.keySet().stream().filter(end -> end <= E - WEEK).toList());

        harness.processWatermark(E + span);
        assertEquals(0, harness.numKeyedStateEntries());
        assertEquals(0, harness.numEventTimeTimers());
    }

    /** DAY records with {@code count} incidents at the same weekday and hour in each of the four previous weeks. */
    private void baselines(long end, long count) throws Exception {
        for (int week = 4; week >= 1; week--) {
            send(day(end - week * WEEK, count));
        }
    }

    private void send(PictureUpdate... windows) throws Exception {
        for (PictureUpdate w : windows) {
            harness.processElement(w, w.getWindowEnd().toEpochMilli() - 1);
        }
    }

    private PictureUpdate last() {
        List<PictureUpdate> out = harness.extractOutputValues();
        return out.get(out.size() - 1);
    }

    private List<RiskFlag> flags() {
        return harness.getSideOutput(SectionPressureWindow.FLAGS) == null
                ? List.of()
                : harness.getSideOutput(SectionPressureWindow.FLAGS).stream()
                        .map(StreamRecord::getValue)
                        .toList();
    }

    private RiskFlag onlyFlag() {
        List<RiskFlag> flags = flags();
        assertEquals(1, flags.size(), flags.toString());
        return flags.get(0);
    }
}
