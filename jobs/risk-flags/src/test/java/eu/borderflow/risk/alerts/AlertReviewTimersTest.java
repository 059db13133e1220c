package eu.borderflow.risk.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import eu.borderflow.config.ConfigLoader;
import eu.borderflow.privacy.Pseudonymiser;
import eu.borderflow.privacy.PseudonymiserFactory;
import eu.borderflow.risk.RiskSettings;
import eu.borderflow.schema.AlertBasis;
import eu.borderflow.schema.AlertChange;
import eu.borderflow.schema.AlertChangeType;
import eu.borderflow.schema.FindingKind;
import eu.borderflow.schema.RiskFlag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** R10: reminders 4 months before and on the review date (start of day UTC), moved by extensions, gone on deletion. */
class AlertReviewTimersTest {

    private static final LocalDate REVIEW = LocalDate.of(2026, 9, 15);
    private static final Instant NOTICE_AT = Instant.parse("2026-05-15T00:00:00Z");
    private static final Instant DUE_AT = Instant.parse("2026-09-15T00:00:00Z");

    private KeyedOneInputStreamOperatorTestHarness<String, AlertChange, RiskFlag> harness;

    @BeforeEach
    void open() throws Exception {
        harness = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new AlertReviewTimers(RiskSettings.local(ConfigLoader.defaults()))),
                AlertChange::getAlertId,
                Types.STRING);
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    /** A change read at once; it takes effect when the clock reaches it. */
    private void read(int version, AlertChangeType type, String at, LocalDate reviewDate) throws Exception {
        AlertChange change = AlertScenario.change(
                        "SIS-R", version, type, Instant.parse(at), AlertBasis.REFUSAL_1861_ART24)
                .setReviewDate(reviewDate)
                .build();
        harness.processElement(new StreamRecord<>(change, change.getEventTime().toEpochMilli()));
    }

    /** A change read when the clock is at it. */
    private void change(int version, AlertChangeType type, String at, LocalDate reviewDate) throws Exception {
        watermark(Instant.parse(at));
        read(version, type, at, reviewDate);
    }

    private void watermark(Instant at) throws Exception {
        harness.processWatermark(new Watermark(at.toEpochMilli()));
    }

    private List<String> triggers() {
        return harness.extractOutputValues().stream()
                .map(RiskFlag::getTriggerEventId)
                .toList();
    }

    @Test
    void noticeAndDueFireAtTheStartOfTheirDays() throws Exception {
        change(1, AlertChangeType.CREATE, "2026-01-05T10:00:00Z", REVIEW);
        assertEquals(3, harness.numEventTimeTimers(), "notice, due, and the end of the schedule's retention");

        watermark(NOTICE_AT.minusMillis(1));
        assertEquals(List.of(), triggers());
        watermark(NOTICE_AT);
        assertEquals(List.of("SIS-R@2026-09-15#notice"), triggers());

        change(2, AlertChangeType.UPDATE, "2026-06-01T10:00:00Z", REVIEW);
        assertEquals(2, harness.numEventTimeTimers(), "same review date: the due and retention timers stay");
        watermark(DUE_AT);
        assertEquals(List.of("SIS-R@2026-09-15#notice", "SIS-R@2026-09-15#due"), triggers());

        RiskFlag due = harness.extractOutputValues().get(1);
        Pseudonymiser tokens = PseudonymiserFactory.fromConfig(ConfigLoader.defaults());
        assertEquals("R10:SIS-R@2026-09-15#due", due.getFlagId());
        assertEquals(tokens.token(Pseudonymiser.Domain.ALERT, "SIS-R"), due.getSubjectToken());
        assertEquals(FindingKind.ADMINISTRATIVE, due.getKind());
        assertEquals(DUE_AT, due.getEventTime());
        assertEquals(List.of("SIS-R@v2"), due.getEvidenceIds());
        assertEquals(REVIEW, due.getRetentionUntil());
    }

    @Test
    void extensionMovesTheRemindersAndDeletionClearsThem() throws Exception {
        change(1, AlertChangeType.CREATE, "2026-01-05T10:00:00Z", REVIEW);
        watermark(NOTICE_AT);
        LocalDate extended = LocalDate.of(2027, 9, 15);
        change(2, AlertChangeType.EXTEND, "2026-06-01T10:00:00Z", extended);
        assertEquals(3, harness.numEventTimeTimers(), "old timers replaced by the new notice, due and retention");

        watermark(DUE_AT);
        assertEquals(List.of("SIS-R@2026-09-15#notice"), triggers(), "the old review date no longer falls due");
        watermark(Instant.parse("2027-05-15T00:00:00Z"));
        assertEquals(List.of("SIS-R@2026-09-15#notice", "SIS-R@2027-09-15#notice"), triggers());

        change(3, AlertChangeType.DELETE, "2027-06-01T10:00:00Z", extended);
        assertEquals(0, harness.numEventTimeTimers());
        assertEquals(0, harness.numKeyedStateEntries());
        watermark(Instant.parse("2027-09-15T00:00:00Z"));
        assertEquals(2, triggers().size());
    }

    @Test
    void reminderAlreadyPastWhenTheDateIsSetIsNotRaised() throws Exception {
        change(1, AlertChangeType.CREATE, "2026-08-01T10:00:00Z", REVIEW);
        assertEquals(2, harness.numEventTimeTimers(), "only the due date (and the retention) is still ahead");
        watermark(DUE_AT);
        assertEquals(List.of("SIS-R@2026-09-15#due"), triggers());
    }

    @Test
    void aChangeReadEarlyTakesEffectInEventTimeOrder() throws Exception {
        // The whole changelog read before the crossings' clock moves: the deletion on 1 Jun must not cancel the
        // notice of 15 May, which fell due before it; it does cancel the review date of 15 Sep.
        read(1, AlertChangeType.CREATE, "2026-01-05T10:00:00Z", REVIEW);
        read(2, AlertChangeType.DELETE, "2026-06-01T10:00:00Z", REVIEW);
        watermark(NOTICE_AT);
        assertEquals(List.of("SIS-R@2026-09-15#notice"), triggers());
        watermark(DUE_AT);
        assertEquals(List.of("SIS-R@2026-09-15#notice"), triggers());
        assertEquals(0, harness.numKeyedStateEntries());
    }

    @Test
    void endOfBoundedInputRaisesNothing() throws Exception {
        change(1, AlertChangeType.CREATE, "2026-01-05T10:00:00Z", REVIEW);
        harness.processWatermark(new Watermark(Long.MAX_VALUE));
        assertEquals(List.of(), triggers());
        assertEquals(0, harness.numEventTimeTimers());
    }
}
