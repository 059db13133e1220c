package eu.borderflow.picture.window;

import static eu.borderflow.picture.testing.Pictures.SECTION;
import static eu.borderflow.picture.testing.Pictures.SETTINGS;
import static eu.borderflow.picture.testing.Pictures.at;
import static eu.borderflow.picture.testing.Pictures.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;

import eu.borderflow.job.ingest.DeadLetters;
import eu.borderflow.picture.ingest.FlagToSection;
import eu.borderflow.schema.Condition;
import eu.borderflow.schema.DeadLetter;
import eu.borderflow.schema.FindingKind;
import eu.borderflow.schema.FlagStatus;
import eu.borderflow.schema.PictureUpdate;
import eu.borderflow.schema.RiskFlag;
import eu.borderflow.schema.Severity;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.StreamFlatMap;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A flag raised when a deadline passes, through the picture's flag mapping and hour window in Flink's test harnesses:
 * R4 (missing exit) names the entry months before as its trigger, and the picture counts it in the hour in which it
 * was raised, as the risk job streams it, instead of dead-lettering it as LATE (the picture's lateness is 4 days).
 */
class RaisedFlagWindowTest {

    /** The entry that is R4's trigger, and the deadline at which R4 raised its flag, three months later. */
    private static final Instant ENTRY = Instant.parse("2025-01-01T09:00:00Z");

    private static final Instant DEADLINE = Instant.parse("2025-04-03T22:00:00Z");

    private OneInputStreamOperatorTestHarness<RiskFlag, SectionEvent> flags;
    private KeyedBroadcastOperatorTestHarness<String, SectionEvent, Long, PictureUpdate> hours;

    @BeforeEach
    void open() throws Exception {
        flags = new OneInputStreamOperatorTestHarness<>(new StreamFlatMap<>(new FlagToSection("risk.flags")));
        flags.open();
        hours = ProcessFunctionTestHarnesses.forKeyedBroadcastProcessFunction(
                new SectionHourWindow(SETTINGS), SectionEvent::getSectionId, Types.STRING, DataClock.STATE);
        ((SerializerConfigImpl) hours.getExecutionConfig().getSerializerConfig()).setGenericTypes(false);
        // The section is live: the risk job's clock, like the picture's, is at the deadline.
        hours.processElement(entry("e1", "2025-04-03T20:10:00Z"), at("2025-04-03T20:10:00Z"));
        hours.watermark(at("2025-04-03T22:00:00Z"));
    }

    @AfterEach
    void close() throws Exception {
        flags.close();
        hours.close();
    }

    @Test
    void anR4FlagIsCountedInTheHourItWasRaisedAndItsWithdrawalRevisesThatHour() throws Exception {
        send(r4(0, FlagStatus.RAISED, DEADLINE));
        hours.watermark(at("2025-04-03T23:00:00Z"));
        assertEquals(List.of(), deadLetters(), "not LATE: raised within the lateness of the picture's clock");
        PictureUpdate raisedHour = last();
        assertEquals(Instant.parse("2025-04-03T22:00:00Z"), raisedHour.getWindowStart());
        assertEquals(Map.of("R4", 1L), raisedHour.getFlagsByRule());
        assertEquals(1, raisedHour.getFlagsPendingReview());
        assertEquals(DEADLINE, raisedHour.getLastDataTime(), "a flag raised here is data of the section");

        // An exit uploaded late withdraws the flag; it is raised at the deadline too (the exit is older).
        send(r4(1, FlagStatus.WITHDRAWN, DEADLINE));
        PictureUpdate revised = last();
        assertEquals(raisedHour.getWindowStart(), revised.getWindowStart(), "the same hour, revised");
        assertEquals(Map.of(), revised.getFlagsByRule());
        assertEquals(0, revised.getFlagsPendingReview());
        assertEquals(List.of(), deadLetters());
    }

    @Test
    void aFlagWrittenBeforeRiskFlagV2CountsAtItsTriggerAndAnR4OneIsThereforeLate() throws Exception {
        send(r4(0, FlagStatus.RAISED, null));
        List<DeadLetter> letters = deadLetters();
        assertEquals(1, letters.size());
        assertEquals(DeadLetters.LATE, letters.get(0).getReasonCode());
        assertEquals("R4:e0", letters.get(0).getEventId());
        assertEquals(ENTRY, letters.get(0).getRecordTimestamp(), "counted at its trigger's event time");
    }

    private void send(RiskFlag flag) throws Exception {
        flags.processElement(flag, flag.getEventTime().toEpochMilli());
        for (SectionEvent e : flags.extractOutputValues()) {
            hours.processElement(e, e.getEventTime());
        }
        flags.getOutput().clear();
    }

    private PictureUpdate last() {
        List<PictureUpdate> out = hours.extractOutputValues();
        return out.get(out.size() - 1);
    }

    private List<DeadLetter> deadLetters() {
        Queue<StreamRecord<DeadLetter>> side = hours.getSideOutput(DeadLetters.TAG);
        return side == null
                ? List.of()
                : side.stream().map(StreamRecord::getValue).toList();
    }

    /** R4 as the risk job writes it: triggered by the entry, raised (when not null) at {@code raised}. */
    private static RiskFlag r4(int revision, FlagStatus status, Instant raised) {
        return RiskFlag.newBuilder()
                .setFlagId("R4:e0")
                .setRevision(revision)
                .setStatus(status)
                .setRuleId("R4")
                .setRuleVersion("1.0.0")
                .setKind(FindingKind.RISK)
                .setSeverity(Severity.MEDIUM)
                .setRecommendedAction("Check whether the traveller left")
                .setExplanation("No exit recorded for the short stay entered on 2025-01-01")
                .setConditions(List.of(new Condition("exit recorded for the stay", "none", "by", "2025-04-01", true)))
                .setEvidenceIds(List.of("e0"))
                .setSubjectToken("k0123456789ab:token")
                .setTokenKeyId("k0123456789ab")
                .setTriggerEventId("e0")
                .setEventTime(ENTRY)
                .setRaisedEventTime(raised)
                .setSectionId(SECTION)
                .setRetentionUntil(LocalDate.parse("2030-04-01"))
                .build();
    }
}
