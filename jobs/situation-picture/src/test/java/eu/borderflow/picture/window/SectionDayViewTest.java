package eu.borderflow.picture.window;

import static eu.borderflow.picture.testing.Pictures.DAY;
import static eu.borderflow.picture.testing.Pictures.HOUR;
import static eu.borderflow.picture.testing.Pictures.LATENESS;
import static eu.borderflow.picture.testing.Pictures.SECTION;
import static eu.borderflow.picture.testing.Pictures.SETTINGS;
import static eu.borderflow.picture.testing.Pictures.at;
import static eu.borderflow.picture.testing.Pictures.hour;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import eu.borderflow.picture.testing.KeyedState;
import eu.borderflow.schema.Freshness;
import eu.borderflow.schema.PictureUpdate;
import eu.borderflow.schema.PictureView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The 24-hour view in Flink's test harness: sums, freshness, the re-emission on a revised hour, state expiry. */
class SectionDayViewTest {

    private static final long EIGHT = at("2025-01-06T08:00:00Z");

    private KeyedOneInputStreamOperatorTestHarness<String, PictureUpdate, PictureUpdate> harness;

    @BeforeEach
    void open() throws Exception {
        harness = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new SectionDayView(SETTINGS)), PictureUpdate::getSectionId, Types.STRING);
        ((SerializerConfigImpl) harness.getExecutionConfig().getSerializerConfig()).setGenericTypes(false);
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void eachHourGivesTheDayEndingWithItThenItselfAsOfItsEnd() throws Exception {
        send(
                hour(EIGHT, 1, 3, EIGHT + 10 * 60_000),
                hour(EIGHT + HOUR, 0, 0, null),
                hour(EIGHT + 2 * HOUR, 2, 1, EIGHT + 2 * HOUR + 30 * 60_000));
        List<PictureUpdate> out = harness.extractOutputValues();
        assertEquals(6, out.size());
        assertEquals(
                List.of(PictureView.DAY, PictureView.HOUR),
                List.of(out.get(4).getView(), out.get(5).getView()));

        PictureUpdate day = out.get(4);
        assertEquals(Instant.ofEpochMilli(EIGHT + 3 * HOUR - DAY), day.getWindowStart());
        assertEquals(Instant.ofEpochMilli(EIGHT + 3 * HOUR), day.getWindowEnd());
        assertEquals(3, day.getIncidents());
        assertEquals(Map.of("HIGH", 3L), day.getIncidentsByImpact());
        assertEquals(4, day.getCrossings());
        assertEquals(Map.of("ENTRY", 4L), day.getCrossingsByDirection());
        assertEquals(Instant.ofEpochMilli(EIGHT + 2 * HOUR + 30 * 60_000), day.getLastDataTime());
        assertEquals(Freshness.FRESH, day.getFreshness());
        List<String> newestFirst =
                List.of("I-" + (EIGHT + 2 * HOUR) + "-1", "I-" + (EIGHT + 2 * HOUR) + "-0", "I-" + EIGHT + "-0");
        assertEquals(newestFirst, day.getContributingIncidentIds());

        PictureUpdate ten = out.get(5);
        assertEquals(2, ten.getIncidents(), "the hour keeps its own counts");
        assertEquals(Instant.ofEpochMilli(EIGHT + 2 * HOUR), ten.getWindowStart());
        assertEquals(newestFirst, ten.getContributingIncidentIds(), "and the incidents behind R11's figure");
        assertEquals(day.getLastDataTime(), ten.getLastDataTime());

        PictureUpdate nine = out.get(3);
        assertEquals(
                Instant.ofEpochMilli(EIGHT + 10 * 60_000),
                nine.getLastDataTime(),
                "an empty hour is as fresh as the section's newest record before its end");
    }

    @Test
    void aSectionWithoutRecordsForSixHoursIsUnknownNeverQuiet() throws Exception {
        send(hour(EIGHT, 0, 1, EIGHT + 10 * 60_000));
        for (int h = 1; h <= 7; h++) {
            send(hour(EIGHT + h * HOUR, 0, 0, null));
        }
        List<PictureUpdate> out = harness.extractOutputValues();
        assertEquals(Freshness.FRESH, dayEnding(out, EIGHT + 6 * HOUR).getFreshness(), "5 h 50 min");
        assertEquals(Freshness.UNKNOWN, dayEnding(out, EIGHT + 7 * HOUR).getFreshness(), "6 h 50 min");
        assertEquals(Freshness.UNKNOWN, out.get(out.size() - 1).getFreshness(), "the HOUR record too");
        assertEquals(0, out.get(out.size() - 1).getCrossings());

        send(hour(EIGHT + 8 * HOUR, 0, 0, null));
        for (int h = 9; h <= 24; h++) {
            send(hour(EIGHT + h * HOUR, 0, 0, null));
        }
        assertNull(
                dayEnding(harness.extractOutputValues(), EIGHT + 25 * HOUR).getLastDataTime(),
                "no record in the 24 hours");
    }

    @Test
    void aRevisedHourIsSentAgainWithEveryLaterWindowEndWithinTheDay() throws Exception {
        for (int h = 0; h <= 6; h++) {
            send(hour(EIGHT + h * HOUR, 0, 0, null));
        }
        int before = harness.extractOutputValues().size();
        send(hour(EIGHT, 2, 0, EIGHT + 20 * 60_000));
        List<PictureUpdate> again = harness.extractOutputValues().subList(before, before + 14);
        assertEquals(14, harness.extractOutputValues().size() - before, "two records for each of 7 window ends");
        List<Long> ends = new ArrayList<>();
        for (PictureUpdate p : again) {
            ends.add(p.getWindowEnd().toEpochMilli());
            if (p.getView() == PictureView.DAY) {
                assertEquals(2, p.getIncidents());
            }
        }
        assertEquals(EIGHT + HOUR, ends.get(0));
        assertEquals(EIGHT + 7 * HOUR, ends.get(13));
    }

    @Test
    void anHourIsForgottenWhenNoDayHoldingItCanBeRevised() throws Exception {
        send(hour(EIGHT, 1, 0, EIGHT), hour(EIGHT + DAY, 1, 0, EIGHT + DAY));
        assertEquals(
                1,
                dayEnding(harness.extractOutputValues(), EIGHT + DAY + HOUR).getIncidents(),
                "the hour 24 hours earlier is out of the day");
        assertEquals(
                List.of(EIGHT, EIGHT + DAY),
                List.copyOf(KeyedState.map(harness, SECTION, SectionDayView.hoursState())
                        .keySet()));
        assertEquals(2, harness.numEventTimeTimers());

        harness.processWatermark(EIGHT + DAY + LATENESS - 1);
        assertEquals(
                2, KeyedState.map(harness, SECTION, SectionDayView.hoursState()).size());
        harness.processWatermark(EIGHT + DAY + LATENESS);
        assertEquals(
                List.of(EIGHT + DAY),
                List.copyOf(KeyedState.map(harness, SECTION, SectionDayView.hoursState())
                        .keySet()));
        harness.processWatermark(EIGHT + 2 * DAY + LATENESS);
        assertEquals(0, harness.numKeyedStateEntries());
        assertEquals(0, harness.numEventTimeTimers());
    }

    private void send(PictureUpdate... hours) throws Exception {
        for (PictureUpdate h : hours) {
            harness.processElement(h, h.getWindowEnd().toEpochMilli() - 1);
        }
    }

    private static PictureUpdate dayEnding(List<PictureUpdate> out, long end) {
        return out.stream()
                .filter(p -> p.getView() == PictureView.DAY && p.getWindowEnd().toEpochMilli() == end)
                .reduce((a, b) -> b)
                .orElseThrow();
    }
}
