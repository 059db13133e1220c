package eu.borderflow.picture.window;

import static eu.borderflow.picture.testing.Pictures.DAY;
import static eu.borderflow.picture.testing.Pictures.LATENESS;
import static eu.borderflow.picture.testing.Pictures.SECTION;
import static eu.borderflow.picture.testing.Pictures.SETTINGS;
import static eu.borderflow.picture.testing.Pictures.at;
import static eu.borderflow.picture.testing.Pictures.entry;
import static eu.borderflow.picture.testing.Pictures.exit;
import static eu.borderflow.picture.testing.Pictures.flag;
import static eu.borderflow.picture.testing.Pictures.incident;
import static eu.borderflow.picture.testing.Pictures.refusal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.borderflow.job.ingest.DeadLetters;
import eu.borderflow.picture.SituationPictureJob;
import eu.borderflow.picture.testing.KeyedState;
import eu.borderflow.schema.DeadLetter;
import eu.borderflow.schema.PictureUpdate;
import eu.borderflow.schema.PictureView;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.co.CoBroadcastWithKeyedOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The hour window of one section in Flink's test harness: publication, revisions, lateness, liveness, state. */
class SectionHourWindowTest {

    private KeyedBroadcastOperatorTestHarness<String, SectionEvent, Long, PictureUpdate> harness;

    @BeforeEach
    void open() throws Exception {
        harness = ProcessFunctionTestHarnesses.forKeyedBroadcastProcessFunction(
                new SectionHourWindow(SETTINGS), SectionEvent::getSectionId, Types.STRING, DataClock.STATE);
        ((SerializerConfigImpl) harness.getExecutionConfig().getSerializerConfig()).setGenericTypes(false);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void everyHourIsPublishedOnceTheWatermarkPassesItsEndEmptyHoursToo() throws Exception {
        send(
                entry("e1", "2025-01-06T10:10:00Z"),
                refusal("e2", "2025-01-06T10:20:00Z", "B", "H"),
                exit("e3", "2025-01-06T10:40:00Z"),
                incident("I1", "2025-01-06T11:05:00Z", "2025-01-06T12:00:00Z"),
                flag("R1:e9", "2025-01-06T11:30:00Z", "R1", 0, false));
        harness.watermark(at("2025-01-06T10:59:59Z"));
        assertEquals(List.of(), harness.extractOutputValues(), "no hour has ended");

        harness.watermark(at("2025-01-06T11:00:00Z"));
        PictureUpdate ten = only(harness.extractOutputValues());
        assertEquals(PictureView.HOUR, ten.getView());
        assertEquals(Instant.parse("2025-01-06T10:00:00Z"), ten.getWindowStart());
        assertEquals(Instant.parse("2025-01-06T11:00:00Z"), ten.getWindowEnd());
        assertEquals(2, ten.getCrossings());
        assertEquals(Map.of("ENTRY", 1L, "EXIT", 1L), ten.getCrossingsByDirection());
        assertEquals(1, ten.getRefusals());
        assertEquals(Map.of("B", 1L, "H", 1L), ten.getRefusalsByReason());
        assertEquals(Instant.parse("2025-01-06T10:40:00Z"), ten.getLastDataTime());
        assertEquals(0, ten.getIncidents());

        harness.watermark(at("2025-01-06T13:00:00Z"));
        List<PictureUpdate> out = harness.extractOutputValues();
        assertEquals(3, out.size());
        PictureUpdate eleven = out.get(1);
        assertEquals(1, eleven.getIncidents());
        assertEquals(Map.of("UNAUTHORISED_CROSSING", 1L), eleven.getIncidentsByCategory());
        assertEquals(Map.of("HIGH", 1L), eleven.getIncidentsByImpact());
        assertEquals(Map.of("CONFIRMED", 1L), eleven.getIncidentsByConfidence());
        assertEquals(List.of("I1"), eleven.getContributingIncidentIds());
        assertEquals(Map.of("R1", 1L), eleven.getFlagsByRule());
        assertEquals(1, eleven.getFlagsPendingReview());
        PictureUpdate noon = out.get(2);
        assertEquals(Instant.parse("2025-01-06T12:00:00Z"), noon.getWindowStart());
        assertEquals(0, noon.getCrossings() + noon.getIncidents() + noon.getRefusals());
        assertNull(noon.getLastDataTime(), "an empty hour is published, with no data time");

        assertEquals(
                List.of(at("2025-01-06T10:00:00Z"), at("2025-01-06T11:00:00Z")),
                List.copyOf(KeyedState.map(harness, SECTION, SectionHourWindow.hoursState())
                        .keySet()));
        assertEquals(
                at("2025-01-06T13:00:00Z"),
                KeyedState.value(harness, SECTION, SectionHourWindow.clockState())
                        .getPublishedUntil());
        assertEquals(3, harness.numEventTimeTimers(), "two hours' expiry and the next publication");
    }

    @Test
    void aLateRecordRevisesItsHourAndAResentOneChangesNothing() throws Exception {
        send(entry("e1", "2025-01-06T10:10:00Z"), incident("I1", "2025-01-06T10:20:00Z", "2025-01-06T10:50:00Z"));
        harness.watermark(at("2025-01-06T13:00:00Z"));
        assertEquals(3, harness.extractOutputValues().size());

        send(exit("e2", "2025-01-06T10:50:00Z"));
        PictureUpdate revised = harness.extractOutputValues().get(3);
        assertEquals(at("2025-01-06T10:00:00Z"), revised.getWindowStart().toEpochMilli());
        assertEquals(2, revised.getCrossings());
        assertEquals(1, revised.getIncidents());

        send(incident("I1", "2025-01-06T10:20:00Z", "2025-01-06T10:50:00Z"));
        assertEquals(4, harness.extractOutputValues().size(), "a re-sent incident counts once");
    }

    @Test
    void aRecordLaterThanTheAllowedLatenessIsADeadLetter() throws Exception {
        send(entry("e1", "2025-01-06T10:10:00Z"));
        harness.watermark(at("2025-01-06T11:00:00Z") + LATENESS);
        int published = harness.extractOutputValues().size();
        assertTrue(
                KeyedState.map(harness, SECTION, SectionHourWindow.hoursState()).isEmpty(), "the hour is final");

        send(exit("e2", "2025-01-06T10:30:00Z"));
        assertEquals(published, harness.extractOutputValues().size());
        Queue<StreamRecord<DeadLetter>> late = harness.getSideOutput(DeadLetters.TAG);
        DeadLetter letter = late.remove().getValue();
        assertEquals("LATE", letter.getReasonCode());
        assertEquals("ees.crossings", letter.getSourceTopic());
        assertEquals(SituationPictureJob.JOB, letter.getJob(), "this job's dead letter, not the risk job's");
        assertEquals("e2", letter.getEventId());
        assertEquals(SectionHourWindow.UID, letter.getOperator());
        assertNull(letter.getOriginalKey());
        assertNull(letter.getOriginalValue());
        assertEquals(Instant.parse("2025-01-06T10:30:00Z"), letter.getRecordTimestamp());
        assertTrue(letter.getReason().contains(SECTION) && letter.getReason().contains("PT96H"), letter.getReason());
        assertTrue(late.isEmpty());

        send(exit("e3", "2025-01-06T11:01:00Z"));
        assertEquals(published + 1, harness.extractOutputValues().size(), "an hour within the lateness is revised");
    }

    @Test
    void aRestoredWindowKnowsWhichHoursAreFinalBeforeAnyWatermark() throws Exception {
        send(entry("e1", "2025-01-06T10:10:00Z"), entry("e2", "2025-01-06T13:10:00Z"));
        harness.watermark(at("2025-01-06T11:00:00Z") + LATENESS);
        assertFalse(
                KeyedState.map(harness, SECTION, SectionHourWindow.hoursState())
                        .containsKey(at("2025-01-06T10:00:00Z")),
                "10:00 is final and dropped");
        OperatorSubtaskState snapshot = harness.snapshot(1, 1);
        harness.close();

        harness = new KeyedBroadcastOperatorTestHarness<>(
                new CoBroadcastWithKeyedOperator<>(new SectionHourWindow(SETTINGS), List.of(DataClock.STATE)),
                SectionEvent::getSectionId,
                Types.STRING,
                1,
                1,
                0);
        harness.setup();
        harness.initializeState(snapshot);
        harness.open();
        send(exit("e3", "2025-01-06T10:30:00Z"));
        assertEquals(List.of(), harness.extractOutputValues(), "no revision of 10:00 from an empty hour");
        assertEquals(
                "LATE",
                harness.getSideOutput(DeadLetters.TAG).remove().getValue().getReasonCode());

        send(exit("e4", "2025-01-06T13:20:00Z"));
        PictureUpdate revised = only(harness.extractOutputValues());
        assertEquals(2, revised.getCrossings(), "13:00 kept its state and is revised");
    }

    @Test
    void aRecordTheOperatorFailsOnIsADeadLetterAndChangesNothing() throws Exception {
        send(entry("e1", "2025-01-06T10:10:00Z"));
        harness.watermark(at("2025-01-06T11:00:00Z"));
        SectionEvent broken = exit("e2", "2025-01-06T10:20:00Z");
        broken.setCrossingKind(null);
        send(broken);
        DeadLetter letter = harness.getSideOutput(DeadLetters.TAG).remove().getValue();
        assertEquals(DeadLetters.PROCESSING_ERROR, letter.getReasonCode());
        assertEquals(SectionHourWindow.UID, letter.getOperator());
        assertEquals("e2", letter.getEventId());
        assertEquals("ees.crossings", letter.getSourceTopic());
        assertEquals(SituationPictureJob.JOB, letter.getJob());
        assertEquals(
                1,
                KeyedState.map(harness, SECTION, SectionHourWindow.hoursState())
                        .get(at("2025-01-06T10:00:00Z"))
                        .getCrossings(),
                "the hour as before the record");
        assertEquals(1, harness.extractOutputValues().size(), "no revision");

        send(exit("e3", "2025-01-06T10:30:00Z"));
        assertEquals(2, harness.extractOutputValues().get(1).getCrossings(), "the next record is counted as usual");
    }

    @Test
    void anOverdueReportIsListedInTheHourItWasReceived() throws Exception {
        send(entry("e1", "2025-01-06T09:10:00Z"));
        harness.watermark(at("2025-01-07T12:00:00Z"));
        int before = harness.extractOutputValues().size();

        send(incident("I2", "2025-01-06T10:05:00Z", "2025-01-07T12:30:00Z"));
        List<PictureUpdate> out = harness.extractOutputValues();
        PictureUpdate detected = out.get(before);
        assertEquals(at("2025-01-06T10:00:00Z"), detected.getWindowStart().toEpochMilli(), "revised at once");
        assertEquals(1, detected.getIncidents());
        assertEquals(0, detected.getOverdueReports());

        harness.watermark(at("2025-01-07T13:00:00Z"));
        PictureUpdate received = harness.extractOutputValues().get(before + 1);
        assertEquals(at("2025-01-07T12:00:00Z"), received.getWindowStart().toEpochMilli());
        assertEquals(1, received.getOverdueReports());
        assertEquals(List.of("I2"), received.getOverdueReportIds());
        assertEquals(0, received.getIncidents());
    }

    @Test
    void aWithdrawnFlagStopsCountingAndAnOlderRevisionIsIgnored() throws Exception {
        send(
                flag("R4:e1", "2025-01-06T10:10:00Z", "R4", 0, false),
                flag("R6:e2", "2025-01-06T10:15:00Z", "R6", 0, false));
        harness.watermark(at("2025-01-06T11:00:00Z"));
        assertEquals(
                Map.of("R4", 1L, "R6", 1L), only(harness.extractOutputValues()).getFlagsByRule());

        send(flag("R4:e1", "2025-01-06T10:10:00Z", "R4", 1, true));
        PictureUpdate revised = harness.extractOutputValues().get(1);
        assertEquals(Map.of("R6", 1L), revised.getFlagsByRule());
        assertEquals(1, revised.getFlagsPendingReview());

        send(flag("R4:e1", "2025-01-06T10:10:00Z", "R4", 0, false));
        assertEquals(2, harness.extractOutputValues().size(), "an older revision changes nothing");
    }

    @Test
    void aSilentSectionIsStillPublishedEveryHourAndOnlyItsClockIsKept() throws Exception {
        send(entry("e1", "2025-01-06T10:10:00Z"));
        harness.watermark(at("2025-01-06T10:00:00Z") + 40 * DAY);
        List<PictureUpdate> out = harness.extractOutputValues();
        assertEquals(40 * 24, out.size(), "every hour from the first, silent or not");
        assertEquals(1, out.get(0).getCrossings());
        assertEquals(
                at("2025-01-06T10:00:00Z") + 40 * DAY,
                out.get(out.size() - 1).getWindowEnd().toEpochMilli());
        assertTrue(
                KeyedState.map(harness, SECTION, SectionHourWindow.hoursState()).isEmpty(),
                "the hour's counts are dropped once it can no longer be revised");
        assertEquals(
                at("2025-01-06T10:00:00Z") + 40 * DAY,
                KeyedState.value(harness, SECTION, SectionHourWindow.clockState())
                        .getPublishedUntil());
        assertEquals(1, harness.numEventTimeTimers(), "the next hour's publication");
    }

    @Test
    void anEarlierRecordBeforeAnyPublicationMovesTheFirstHour() throws Exception {
        send(entry("e1", "2025-01-06T12:10:00Z"), entry("e0", "2025-01-06T09:30:00Z"));
        harness.watermark(at("2025-01-06T13:00:00Z"));
        assertEquals(
                List.of(
                        at("2025-01-06T09:00:00Z"),
                        at("2025-01-06T10:00:00Z"),
                        at("2025-01-06T11:00:00Z"),
                        at("2025-01-06T12:00:00Z")),
                starts(harness.extractOutputValues()));
    }

    @Test
    void aStreamStartingMidWayPublishesTheDueHoursBeforeItsFirstAtOnce() throws Exception {
        send(entry("e1", "2025-01-06T12:10:00Z"));
        harness.watermark(at("2025-01-06T14:00:00Z"));
        send(entry("e0", "2025-01-06T09:30:00Z"));
        List<PictureUpdate> out = harness.extractOutputValues();
        assertEquals(
                List.of(
                        at("2025-01-06T12:00:00Z"),
                        at("2025-01-06T13:00:00Z"),
                        at("2025-01-06T09:00:00Z"),
                        at("2025-01-06T10:00:00Z"),
                        at("2025-01-06T11:00:00Z")),
                starts(out));
        assertEquals(1, out.get(2).getCrossings());
    }

    @Test
    void atTheEndOfABoundedInputOnlyHoursTheDataReachedArePublishedThenAllIsForgotten() throws Exception {
        send(entry("e1", "2025-01-06T10:10:00Z"), entry("e2", "2025-01-06T15:20:00Z"));
        harness.processBroadcastElement(at("2025-01-06T15:00:00Z"), at("2025-01-06T15:15:00Z"));
        harness.processBroadcastElement(at("2025-01-06T17:00:00Z"), at("2025-01-06T17:15:00Z"));
        harness.processBroadcastElement(at("2025-01-06T16:00:00Z"), at("2025-01-06T16:15:00Z"));
        harness.watermark(Long.MAX_VALUE);
        List<Long> starts = starts(harness.extractOutputValues());
        assertEquals(at("2025-01-06T10:00:00Z"), starts.get(0));
        assertEquals(
                at("2025-01-06T16:00:00Z"),
                starts.get(starts.size() - 1),
                "up to the full hour the data of the whole input reached (17:00), not this section's newest record");
        assertTrue(
                KeyedState.map(harness, SECTION, SectionHourWindow.hoursState()).isEmpty());
        assertNull(KeyedState.value(harness, SECTION, SectionHourWindow.clockState()));
        assertEquals(0, harness.numEventTimeTimers());
    }

    private void send(SectionEvent... events) throws Exception {
        for (SectionEvent e : events) {
            harness.processElement(e, e.getEventTime());
        }
    }

    private static List<Long> starts(List<PictureUpdate> out) {
        return out.stream().map(p -> p.getWindowStart().toEpochMilli()).toList();
    }

    private static PictureUpdate only(List<PictureUpdate> out) {
        assertEquals(1, out.size(), out.toString());
        return out.get(0);
    }
}
