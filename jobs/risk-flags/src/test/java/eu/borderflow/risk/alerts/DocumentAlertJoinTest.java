package eu.borderflow.risk.alerts;

import static eu.borderflow.risk.alerts.AlertScenario.FINNISH_BCP;
import static eu.borderflow.risk.alerts.AlertScenario.GREEK_BCP;
import static eu.borderflow.risk.alerts.AlertScenario.document;
import static eu.borderflow.risk.alerts.AlertScenario.hours;
import static eu.borderflow.risk.alerts.AlertScenario.stolenDocument;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.borderflow.config.ConfigLoader;
import eu.borderflow.schema.AlertChange;
import eu.borderflow.schema.AlertChangeType;
import eu.borderflow.schema.Condition;
import eu.borderflow.schema.FindingKind;
import eu.borderflow.schema.RiskFlag;
import eu.borderflow.schema.Severity;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.watermarkstatus.WatermarkStatus;
import org.apache.flink.util.Collector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** R1 as an as-of-time join: which alert version a crossing sees, lateness, erasure. */
class DocumentAlertJoinTest {

    private static final String COUNTRY = "UKR";
    private static final String NUMBER = "EK123456";
    /** rules.yaml /retention/deleted_alert_days. */
    private static final Duration KEEP_DELETED = Duration.ofDays(4);

    private JoinHarness harness;

    @BeforeEach
    void open() throws Exception {
        harness = JoinHarness.documents(ConfigLoader.defaults());
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void crossingWaitsForTheWatermarkThenMatchesTheAlertInForce() throws Exception {
        harness.alert(stolenDocument("SIS-A", 1, AlertChangeType.CREATE, hours(1), COUNTRY, NUMBER));
        harness.crossing(document("c1", hours(5), GREEK_BCP, COUNTRY, NUMBER));
        assertEquals(1, harness.join.numEventTimeTimers(), "buffered until the watermark reaches its event time");
        assertEquals(List.of(), harness.flags());

        harness.watermark(hours(5));
        RiskFlag flag = harness.flags().get(0);
        assertEquals(List.of("R1:c1"), harness.flagIds());
        assertEquals(Severity.HIGH, flag.getSeverity());
        assertEquals(FindingKind.RISK, flag.getKind());
        assertEquals(StolenDocumentRule.ACTION, flag.getRecommendedAction());
        assertEquals(List.of("c1", "SIS-A@v1"), flag.getEvidenceIds());
        assertEquals(hours(5), flag.getEventTime());
        assertTrue(flag.getRequiresHumanReview());
        assertFalse(flag.getExplanation().contains(NUMBER), "no raw document number in a flag");
        assertTrue(flag.getConditions().stream().noneMatch(c -> c.toString().contains(NUMBER)));
        assertEquals(0, harness.join.numEventTimeTimers());
    }

    @Test
    void crossingIsMatchedOnceTheChangelogsWatermarkHasPassedItWhereverTheCrossingsWatermarkIs() throws Exception {
        harness.alert(stolenDocument("SIS-A", 1, AlertChangeType.CREATE, hours(1), COUNTRY, NUMBER));
        harness.crossing(document("c1", hours(5), GREEK_BCP, COUNTRY, NUMBER));
        harness.changelogWatermark(hours(5).minusMillis(1));
        assertEquals(List.of(), harness.flags(), "a change at its very time may still come");
        assertEquals(1, harness.join.numEventTimeTimers());

        harness.changelogWatermark(hours(5));
        assertEquals(List.of("R1:c1"), harness.flagIds(), "the crossings' own watermark has not moved at all");
        assertEquals(
                hours(5).toEpochMilli(),
                harness.join.extractOutputStreamRecords().get(0).getTimestamp());
        assertEquals(0, harness.join.numEventTimeTimers());
    }

    @Test
    void crossingBehindTheChangelogsWatermarkIsMatchedOnArrivalWithoutWaitingInState() throws Exception {
        harness.alert(stolenDocument("SIS-A", 1, AlertChangeType.CREATE, hours(1), COUNTRY, NUMBER));
        harness.changelogWatermark(hours(6));
        int alertEntries = harness.join.numKeyedStateEntries();

        harness.crossing(document("c1", hours(5), GREEK_BCP, COUNTRY, NUMBER));
        harness.crossing(document("c2", hours(6), GREEK_BCP, "UZB", NUMBER));
        assertEquals(List.of("R1:c1"), harness.flagIds());
        assertEquals(0, harness.join.numEventTimeTimers(), "no timer");
        assertEquals(alertEntries, harness.join.numKeyedStateEntries(), "nothing kept of either crossing");
    }

    @Test
    void whileTheChangelogIsIdleTheOperatorsWatermarkMovesTheWaitingCrossingsOn() throws Exception {
        harness.alert(stolenDocument("SIS-A", 1, AlertChangeType.CREATE, hours(1), COUNTRY, NUMBER));
        harness.crossing(document("c1", hours(5), GREEK_BCP, COUNTRY, NUMBER));
        harness.join.processWatermarkStatus2(WatermarkStatus.IDLE);
        harness.join.processWatermark1(new Watermark(hours(5).toEpochMilli()));
        assertEquals(List.of("R1:c1"), harness.flagIds());
    }

    /**
     * A changelog read from a file ends long before the crossings do, and its watermark goes to the end of time. An
     * alert deleted since must still be kept for the crossings of before its deletion that are yet to come: erasure
     * follows the operator's watermark, not the changelog's.
     */
    @Test
    void anEndedChangelogErasesNothingTheCrossingsStillNeed() throws Exception {
        harness.alert(stolenDocument("SIS-A", 1, AlertChangeType.CREATE, hours(1), COUNTRY, NUMBER));
        harness.alert(stolenDocument("SIS-A", 2, AlertChangeType.DELETE, hours(10), COUNTRY, NUMBER));
        harness.changelogWatermark(Instant.ofEpochMilli(Long.MAX_VALUE));
        harness.join.processWatermark1(new Watermark(hours(4).toEpochMilli()));

        harness.crossing(document("before-delete", hours(5), GREEK_BCP, COUNTRY, NUMBER));
        harness.crossing(document("after-delete", hours(11), GREEK_BCP, COUNTRY, NUMBER));
        assertEquals(List.of("R1:before-delete"), harness.flagIds(), "both matched on arrival, as of their time");
        assertEquals(1, harness.join.numEventTimeTimers(), "the erasure waits for the crossings");
    }

    /**
     * A savepoint of a build before 2026-12-07, whose join was a KeyedCoProcessFunction: a crossing waits under its
     * event time in "waiting-crossings" with a timer in "user-timers". Restored, it is matched when the watermark
     * passes that timer.
     */
    @Test
    void aCrossingWaitingInAnEarlierBuildsSavepointIsMatchedAfterTheRestore() throws Exception {
        OperatorSubtaskState savepoint;
        try (JoinHarness before =
                JoinHarness.documents(ConfigLoader.defaults(), new KeyedCoProcessOperator<>(new WaitingAsBefore()))) {
            before.alert(stolenDocument("SIS-A", 1, AlertChangeType.CREATE, hours(1), COUNTRY, NUMBER));
            before.crossing(document("c1", hours(5), GREEK_BCP, COUNTRY, NUMBER));
            assertEquals(1, before.join.numEventTimeTimers());
            savepoint = before.join.snapshot(1, 1);
        }
        harness.close();
        harness = JoinHarness.documents(ConfigLoader.defaults(), savepoint);
        assertEquals(1, harness.join.numEventTimeTimers(), "the crossing's timer restored");

        harness.watermark(hours(5));
        assertEquals(List.of("R1:c1"), harness.flagIds());
        assertEquals(0, harness.join.numEventTimeTimers());
    }

    /** The state an as-of join of a build before 2026-12-07 wrote, under the same names and in the same formats. */
    private static final class WaitingAsBefore
            extends KeyedCoProcessFunction<String, CrossingProbe, AlertVersion, RiskFlag> {

        private transient MapState<String, List<AlertVersion>> alerts;
        private transient MapState<Long, List<CrossingProbe>> waiting;

        @Override
        public void open(OpenContext openContext) {
            alerts = getRuntimeContext()
                    .getMapState(
                            new MapStateDescriptor<>("alert-versions", Types.STRING, Types.LIST(AlertVersion.TYPE)));
            waiting = getRuntimeContext()
                    .getMapState(
                            new MapStateDescriptor<>("waiting-crossings", Types.LONG, Types.LIST(CrossingProbe.TYPE)));
        }

        @Override
        public void processElement1(CrossingProbe crossing, Context ctx, Collector<RiskFlag> out) throws Exception {
            waiting.put(crossing.getEventTime(), new ArrayList<>(List.of(crossing)));
            ctx.timerService().registerEventTimeTimer(crossing.getEventTime());
        }

        @Override
        public void processElement2(AlertVersion version, Context ctx, Collector<RiskFlag> out) throws Exception {
            alerts.put(version.getAlertId(), new ArrayList<>(List.of(version)));
        }
    }

    @Test
    void alertCreatedAfterTheCrossingDoesNotMatch() throws Exception {
        harness.crossing(document("c1", hours(5), GREEK_BCP, COUNTRY, NUMBER));
        harness.alert(stolenDocument("SIS-A", 1, AlertChangeType.CREATE, hours(6), COUNTRY, NUMBER));
        harness.watermark(hours(7));
        assertEquals(List.of(), harness.flags());
    }

    @Test
    void alertDeletedBeforeTheCrossingDoesNotMatch() throws Exception {
        harness.alert(stolenDocument("SIS-A", 1, AlertChangeType.CREATE, hours(1), COUNTRY, NUMBER));
        harness.alert(stolenDocument("SIS-A", 2, AlertChangeType.DELETE, hours(4), COUNTRY, NUMBER));
        harness.crossing(document("c1", hours(5), GREEK_BCP, COUNTRY, NUMBER));
        harness.watermark(hours(6));
        assertEquals(List.of(), harness.flags());
    }

    @Test
    void alertDeletedAfterTheCrossingStillMatches() throws Exception {
        harness.alert(stolenDocument("SIS-A", 1, AlertChangeType.CREATE, hours(1), COUNTRY, NUMBER));
        harness.crossing(document("c1", hours(5), GREEK_BCP, COUNTRY, NUMBER));
        // The deletion arrives before the watermark passes the crossing, but takes effect after it.
        harness.alert(stolenDocument("SIS-A", 2, AlertChangeType.DELETE, hours(5).plusSeconds(60), COUNTRY, NUMBER));
        harness.watermark(hours(6));
        assertEquals(List.of("R1:c1"), harness.flagIds());
        assertEquals(List.of("c1", "SIS-A@v1"), harness.flags().get(0).getEvidenceIds());
    }

    @Test
    void updateBetweenTwoCrossingsIsSeenByTheSecondOnly() throws Exception {
        harness.alert(stolenDocument("SIS-A", 1, AlertChangeType.CREATE, hours(1), COUNTRY, NUMBER));
        harness.crossing(document("c1", hours(2), FINNISH_BCP, COUNTRY, NUMBER));
        harness.alert(stolenDocument("SIS-A", 2, AlertChangeType.FLAG_ADD, hours(3), COUNTRY, NUMBER, "FIN"));
        harness.crossing(document("c2", hours(4), FINNISH_BCP, COUNTRY, NUMBER));
        harness.watermark(hours(5));

        List<RiskFlag> flags = harness.flags();
        assertEquals(List.of("R1:c1", "R1:c2"), harness.flagIds());
        assertEquals(List.of("c1", "SIS-A@v1"), flags.get(0).getEvidenceIds());
        assertEquals(Severity.HIGH, flags.get(0).getSeverity());
        assertEquals(List.of("c2", "SIS-A@v2"), flags.get(1).getEvidenceIds());
        assertEquals(Severity.LOW, flags.get(1).getSeverity(), "Finland's flag applies from version 2 on");
    }

    @Test
    void flagByTheCrossingsMemberStateDowngradesTheMatch() throws Exception {
        harness.alert(stolenDocument("SIS-A", 1, AlertChangeType.CREATE, hours(1), COUNTRY, NUMBER, "FIN"));
        harness.crossing(document("c-fin", hours(2), FINNISH_BCP, COUNTRY, NUMBER));
        harness.crossing(document("c-grc", hours(3), GREEK_BCP, COUNTRY, NUMBER));
        harness.watermark(hours(4));

        RiskFlag finnish = harness.flags().get(0);
        assertEquals("R1:c-fin", finnish.getFlagId());
        assertEquals(Severity.LOW, finnish.getSeverity(), "still a flag, lower severity");
        assertTrue(finnish.getRecommendedAction().contains("will not be taken on this territory"));
        Condition flagged = finnish.getConditions().stream()
                .filter(c -> c.getName().equals("not_flagged_by_bcp_state"))
                .findFirst()
                .orElseThrow();
        assertFalse(flagged.getMet());
        assertEquals("FIN", flagged.getThreshold());

        RiskFlag greek = harness.flags().get(1);
        assertEquals("R1:c-grc", greek.getFlagId());
        assertEquals(Severity.HIGH, greek.getSeverity(), "Finland's flag does not apply in Greece");
    }

    @Test
    void normalisedNumberMatchesButOneCharacterOffDoesNot() throws Exception {
        harness.alert(stolenDocument("SIS-A", 1, AlertChangeType.CREATE, hours(1), COUNTRY, NUMBER));
        harness.crossing(document("c-spaced", hours(2), GREEK_BCP, "ukr", "ek 123-456"));
        harness.crossing(document("c-off", hours(3), GREEK_BCP, COUNTRY, "EK123457"));
        harness.crossing(document("c-country", hours(4), GREEK_BCP, "UZB", NUMBER));
        harness.watermark(hours(5));
        assertEquals(List.of("R1:c-spaced"), harness.flagIds());
    }

    @Test
    void lateCrossingIsEvaluatedAtOnceAgainstTheKeptVersions() throws Exception {
        harness.alert(stolenDocument("SIS-A", 1, AlertChangeType.CREATE, hours(1), COUNTRY, NUMBER));
        harness.alert(stolenDocument("SIS-A", 2, AlertChangeType.DELETE, hours(10), COUNTRY, NUMBER));
        harness.watermark(hours(30));

        harness.crossing(document("late-before-delete", hours(5), GREEK_BCP, COUNTRY, NUMBER));
        assertEquals(List.of("R1:late-before-delete"), harness.flagIds(), "no waiting for a watermark");
        harness.crossing(document("late-after-delete", hours(12), GREEK_BCP, COUNTRY, NUMBER));
        harness.crossing(document("late-before-create", hours(0), GREEK_BCP, COUNTRY, NUMBER));
        assertEquals(List.of("R1:late-before-delete"), harness.flagIds());
    }

    @Test
    void deletedAlertIsErasedAfterTheRetentionPeriod() throws Exception {
        Instant deleted = hours(4);
        harness.alert(stolenDocument("SIS-A", 1, AlertChangeType.CREATE, hours(1), COUNTRY, NUMBER));
        harness.alert(stolenDocument("SIS-A", 2, AlertChangeType.DELETE, deleted, COUNTRY, NUMBER));
        assertEquals(0, harness.router.numKeyedStateEntries(), "the router forgets a deleted alert at once");
        assertTrue(harness.join.numKeyedStateEntries() > 0);
        assertEquals(1, harness.join.numEventTimeTimers(), "erasure timer");

        harness.watermark(deleted.plus(KEEP_DELETED).minusMillis(1));
        harness.crossing(document("late", hours(2), GREEK_BCP, COUNTRY, NUMBER));
        assertEquals(List.of("R1:late"), harness.flagIds(), "kept for late crossings within the retention");

        harness.watermark(deleted.plus(KEEP_DELETED));
        assertEquals(0, harness.join.numKeyedStateEntries(), "erasure really removes the alert");
        assertEquals(0, harness.join.numEventTimeTimers());
        harness.crossing(document("later", hours(3), GREEK_BCP, COUNTRY, NUMBER));
        assertEquals(List.of("R1:late"), harness.flagIds());
    }

    @Test
    void supersededVersionIsErasedAfterTheRetentionPeriod() throws Exception {
        Instant updated = hours(3);
        harness.alert(stolenDocument("SIS-A", 1, AlertChangeType.CREATE, hours(1), COUNTRY, NUMBER));
        harness.alert(stolenDocument("SIS-A", 2, AlertChangeType.FLAG_ADD, updated, COUNTRY, NUMBER, "FIN"));
        harness.watermark(updated.plus(KEEP_DELETED).minusMillis(1));
        harness.crossing(document("late", hours(2), FINNISH_BCP, COUNTRY, NUMBER));
        assertEquals(
                List.of("late", "SIS-A@v1"),
                harness.flags().get(0).getEvidenceIds(),
                "within the retention the late crossing sees version 1");

        harness.watermark(updated.plus(KEEP_DELETED));
        harness.crossing(document("later", hours(2), FINNISH_BCP, COUNTRY, NUMBER));
        RiskFlag later = harness.flags().get(1);
        assertEquals(
                List.of("later", "SIS-A@v2"),
                later.getEvidenceIds(),
                "version 1 is erased; the alert, in force all along, answers with the version kept");
        assertEquals(Severity.LOW, later.getSeverity());
        assertEquals(1, harness.join.numKeyedStateEntries(), "the alert itself stays");
        assertEquals(0, harness.join.numEventTimeTimers());
    }

    /**
     * A crossing uploaded late may be matched before or after the superseded version is erased (which depends on when
     * the watermark passes): the flag says the same, the alert in force since its start.
     */
    @Test
    void theAlertInForceSinceItsStartWhetherMatchedBeforeOrAfterItsOldVersionIsErased() throws Exception {
        Instant updated = hours(3);
        Instant crossing = updated.plus(KEEP_DELETED).minus(Duration.ofHours(2));
        harness.alert(stolenDocument("SIS-A", 1, AlertChangeType.CREATE, hours(1), COUNTRY, NUMBER));
        harness.alert(stolenDocument("SIS-A", 2, AlertChangeType.FLAG_ADD, updated, COUNTRY, NUMBER, "FIN"));
        harness.watermark(updated.plus(KEEP_DELETED).minusMillis(1));
        harness.crossing(document("before", crossing, GREEK_BCP, COUNTRY, NUMBER));
        harness.watermark(updated.plus(KEEP_DELETED));
        harness.crossing(document("after", crossing, GREEK_BCP, COUNTRY, NUMBER));

        List<String> since = harness.flags().stream()
                .map(f -> f.getConditions().stream()
                        .filter(c -> c.getName().equals("alert_in_force_at_event_time"))
                        .findFirst()
                        .orElseThrow()
                        .getObserved())
                .toList();
        assertEquals(List.of("SIS-A@v2 since " + hours(1), "SIS-A@v2 since " + hours(1)), since);
    }

    @Test
    void anAlertWhoseReviewPeriodEndsWithoutExtensionIsDeletedThenAndErasedFromEveryState() throws Exception {
        AlertChange alert = AlertChange.newBuilder(
                        stolenDocument("SIS-R", 1, AlertChangeType.CREATE, hours(1), COUNTRY, NUMBER))
                .setReviewDate(LocalDate.ofInstant(hours(1), ZoneOffset.UTC).plusDays(10))
                .build();
        Instant reviewEnds = LocalDate.ofInstant(hours(1), ZoneOffset.UTC)
                .plusDays(11)
                .atStartOfDay()
                .toInstant(ZoneOffset.UTC);
        Instant deleted = reviewEnds.plus(Duration.ofHours(72));
        harness.alert(alert);
        assertEquals(1, harness.router.numEventTimeTimers(), "the alert's expiry at its review date and the lateness");

        harness.crossing(document("review-date", reviewEnds.minusSeconds(60), GREEK_BCP, COUNTRY, NUMBER));
        harness.crossing(document("day-after", reviewEnds.plusSeconds(60), GREEK_BCP, COUNTRY, NUMBER));
        harness.watermark(reviewEnds.plus(Duration.ofHours(1)));
        assertEquals(List.of("R1:review-date"), harness.flagIds(), "in force through its review date, not after");
        assertTrue(
                harness.router.numKeyedStateEntries() > 0, "the router keeps it: an extension made in time may come");

        harness.crossing(document("late", reviewEnds.plusSeconds(120), GREEK_BCP, COUNTRY, NUMBER));
        harness.crossing(document("forgotten", deleted.plusSeconds(60), GREEK_BCP, COUNTRY, NUMBER));
        harness.watermark(deleted.plusSeconds(60));
        assertEquals(
                List.of("R1:review-date"),
                harness.flagIds(),
                "a crossing behind the watermark meets the kept version, which has expired");
        assertEquals(0, harness.router.numKeyedStateEntries(), "the router forgot the alert");

        harness.watermark(deleted.plus(KEEP_DELETED));
        assertEquals(0, harness.stateEntries(), "the join erased it after deleted_alert_days");
        assertEquals(0, harness.router.numEventTimeTimers());
    }

    @Test
    void aLaterChangeExtendsTheReviewPeriod() throws Exception {
        LocalDate firstReview = LocalDate.ofInstant(hours(1), ZoneOffset.UTC).plusDays(10);
        harness.alert(
                AlertChange.newBuilder(stolenDocument("SIS-E", 1, AlertChangeType.CREATE, hours(1), COUNTRY, NUMBER))
                        .setReviewDate(firstReview)
                        .build());
        harness.alert(
                AlertChange.newBuilder(stolenDocument("SIS-E", 2, AlertChangeType.UPDATE, hours(48), COUNTRY, NUMBER))
                        .setReviewDate(firstReview.plusYears(1))
                        .build());
        assertEquals(1, harness.router.numEventTimeTimers(), "the expiry moved to the new review date");
        Instant firstDeletion =
                firstReview.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).plus(Duration.ofHours(72));
        harness.crossing(document("later", firstDeletion.plus(Duration.ofDays(30)), GREEK_BCP, COUNTRY, NUMBER));
        harness.watermark(firstDeletion.plus(Duration.ofDays(30)));
        assertEquals(List.of("R1:later"), harness.flagIds(), "still in force: the review period was extended");
        assertTrue(harness.router.numKeyedStateEntries() > 0);
    }

    @Test
    void anExtensionThatArrivesAfterTheReviewDateStillAppliesToTheCrossingsMatchedAfterIt() throws Exception {
        LocalDate review = LocalDate.ofInstant(hours(1), ZoneOffset.UTC).plusDays(10);
        Instant reviewEnds = review.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        harness.alert(
                AlertChange.newBuilder(stolenDocument("SIS-X", 1, AlertChangeType.CREATE, hours(1), COUNTRY, NUMBER))
                        .setReviewDate(review)
                        .build());
        harness.crossing(document("lapsed", reviewEnds.plus(Duration.ofHours(2)), GREEK_BCP, COUNTRY, NUMBER));
        harness.watermark(reviewEnds.plus(Duration.ofHours(3)));
        assertEquals(List.of(), harness.flagIds(), "the review period had ended: nothing to match");

        // The extension was decided on the review date; its record arrives a day later, within the lateness.
        harness.alert(AlertChange.newBuilder(stolenDocument(
                        "SIS-X", 2, AlertChangeType.EXTEND, reviewEnds.minus(Duration.ofHours(1)), COUNTRY, NUMBER))
                .setReviewDate(review.plusYears(1))
                .build());
        harness.crossing(document("extended", reviewEnds.plus(Duration.ofHours(30)), GREEK_BCP, COUNTRY, NUMBER));
        harness.watermark(reviewEnds.plus(Duration.ofDays(10)));
        assertEquals(List.of("R1:extended"), harness.flagIds(), "in force again under the new review date");
        assertTrue(harness.router.numKeyedStateEntries() > 0, "the router keeps the extended alert");
    }
}
