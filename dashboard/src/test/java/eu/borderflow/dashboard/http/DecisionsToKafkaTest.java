package eu.borderflow.dashboard.http;

import static eu.borderflow.dashboard.testing.TestDashboard.ANALYST;
import static eu.borderflow.dashboard.testing.TestDashboard.SUPERVISOR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import eu.borderflow.config.ConfigLoader;
import eu.borderflow.config.TopicNames;
import eu.borderflow.dashboard.testing.LiveDashboard;
import eu.borderflow.dashboard.testing.Records;
import eu.borderflow.dashboard.testing.Topics;
import eu.borderflow.dashboard.testing.Web;
import eu.borderflow.privacy.PseudonymiserFactory;
import eu.borderflow.schema.AuditAction;
import eu.borderflow.schema.AuditRecord;
import eu.borderflow.schema.FlagReview;
import eu.borderflow.schema.FlagStatus;
import eu.borderflow.schema.ReviewDecision;
import eu.borderflow.schema.RiskFlag;
import eu.borderflow.schema.SectionImpactLevel;
import eu.borderflow.schema.SectionLevelChange;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What people do on the dashboard ends up on Kafka as the contracts say: a flag-detail view as a VIEW audit record,
 * a review as a FlagReview on risk.flag.reviews with a REVIEW audit record, a supervisor's change as a
 * SectionLevelChange with a LEVEL_CHANGE audit record; each names the person by a pseudonym only.
 */
class DecisionsToKafkaTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Instant AT = Records.T0.plus(Duration.ofDays(3));
    /** A person's token: the key's id (the local environment allows the demo key), then P. */
    private static final String OFFICER_TOKEN =
            PseudonymiserFactory.fromConfig(ConfigLoader.defaults()).keyId() + ":P:";

    @TempDir
    static Path dir;

    private static LiveDashboard dashboard;
    private static Topics kafka;
    private static TopicNames topics;

    @BeforeAll
    static void start() throws Exception {
        dashboard = LiveDashboard.start(dir);
        kafka = dashboard.kafka();
        topics = dashboard.names();
        for (String trigger : List.of("E-view", "E-review", "E-stale")) {
            RiskFlag flag = Records.flag(trigger, AT);
            kafka.send(topics.getFlags(), 1, flag.getFlagId(), flag, AT.toEpochMilli());
        }
        dashboard.awaitQueue(Web.signedIn(dashboard.url(), ANALYST), 3);
    }

    @AfterAll
    static void stop() throws Exception {
        dashboard.close();
    }

    @Test
    void openingAFlagIsAuditedBeforeItIsShown() throws Exception {
        Web analyst = Web.signedIn(dashboard.url(), ANALYST);
        JsonNode detail = analyst.getJson("/api/flags/R1:E-view");
        assertEquals(
                "Document matches an active alert",
                detail.path("flag").path("explanation").asText());
        assertEquals(
                "document_alert",
                detail.path("flag").path("conditions").get(0).path("name").asText());
        AuditRecord view =
                audit(r -> r.getAction() == AuditAction.VIEW && r.getRecordIds().contains("R1:E-view"));
        assertEquals("analyst", view.getRole());
        assertEquals(List.of("R1:E-view"), view.getRecordIds());
        assertTrue(view.getActor().startsWith(OFFICER_TOKEN), "a keyed token: " + view.getActor());
        assertFalse(view.getActor().contains(ANALYST));
        assertFalse(view.getPurpose().isBlank());
    }

    @Test
    void aReviewIsWrittenToKafkaWithItsAuditRecordAndLeavesTheQueue() throws Exception {
        Web analyst = Web.signedIn(dashboard.url(), ANALYST);
        analyst.getJson("/api/flags/R1:E-review");
        HttpResponse<String> posted = analyst.post(
                "/api/flags/R1:E-review/review",
                Map.of(
                        "decision",
                        "DISMISSED",
                        "reason",
                        "  the alert was for another document\u0000 ",
                        "revision",
                        0));
        assertEquals(201, posted.statusCode(), posted.body());
        String reviewId = Web.parse(posted.body()).path("review_id").asText();

        FlagReview review =
                kafka
                        .read(
                                topics.getReviews(),
                                FlagReview.class,
                                WAIT,
                                r -> r.getReviewId().equals(reviewId))
                        .stream()
                        .filter(r -> r.getReviewId().equals(reviewId))
                        .findFirst()
                        .orElseThrow();
        assertEquals("R1:E-review", review.getFlagId());
        assertEquals(0, review.getFlagRevision());
        assertEquals(ReviewDecision.DISMISSED, review.getDecision());
        assertEquals("the alert was for another document", review.getReason());
        assertEquals("analyst", review.getRole());
        assertTrue(review.getReviewer().startsWith(OFFICER_TOKEN));
        AuditRecord audit = audit(
                r -> r.getAction() == AuditAction.REVIEW && r.getRecordIds().contains(reviewId));
        assertEquals(List.of("R1:E-review", reviewId), audit.getRecordIds());
        assertEquals(review.getReviewer(), audit.getActor());

        long deadline = System.nanoTime() + WAIT.toNanos();
        while (analyst.getJson("/api/flags/R1:E-review").path("pending").asBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        JsonNode detail = analyst.getJson("/api/flags/R1:E-review");
        assertFalse(detail.path("pending").asBoolean(), "the review came back from Kafka");
        assertEquals("DISMISSED", detail.path("reviews").get(0).path("decision").asText());
        assertEquals(
                409,
                analyst.post(
                                "/api/flags/R1:E-review/review",
                                Map.of("decision", "CONFIRMED", "reason", "again", "revision", 0))
                        .statusCode());
    }

    @Test
    void aReviewOfAnOutdatedRevisionOrWithoutAReasonIsRefused() throws Exception {
        RiskFlag revised = Records.flag("R1", "E-stale", 1, FlagStatus.REVISED, AT, "LAND-POL-BLR");
        kafka.send(topics.getFlags(), 1, revised.getFlagId(), revised, AT.toEpochMilli());
        Web analyst = Web.signedIn(dashboard.url(), ANALYST);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (analyst.getJson("/api/flags/R1:E-stale")
                                .path("flag")
                                .path("revision")
                                .asInt()
                        != 1
                && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(
                409,
                analyst.post(
                                "/api/flags/R1:E-stale/review",
                                Map.of("decision", "CONFIRMED", "reason", "seen", "revision", 0))
                        .statusCode());
        assertEquals(
                400,
                analyst.post(
                                "/api/flags/R1:E-stale/review",
                                Map.of("decision", "CONFIRMED", "reason", "  ", "revision", 1))
                        .statusCode());
        assertEquals(
                400,
                analyst.post(
                                "/api/flags/R1:E-stale/review",
                                Map.of("decision", "MAYBE", "reason", "seen", "revision", 1))
                        .statusCode());
        assertEquals(
                404,
                analyst.post(
                                "/api/flags/R1:E-none/review",
                                Map.of("decision", "CONFIRMED", "reason", "seen", "revision", 0))
                        .statusCode());
        assertTrue(kafka.readAll(topics.getReviews(), FlagReview.class).stream()
                .noneMatch(r -> r.getFlagId().equals("R1:E-stale")));
    }

    @Test
    void aSupervisorsLevelChangeIsWrittenWithItsAuditRecordAndShownAtOnce() throws Exception {
        Web supervisor = Web.signedIn(dashboard.url(), SUPERVISOR);
        String section = "LAND-HUN-SRB";
        assertEquals(
                400,
                supervisor
                        .post("/api/sections/" + section + "/level", Map.of("level", "CRITICAL", "reason", "surge"))
                        .statusCode(),
                "critical is temporary");
        long until = AT.plus(Duration.ofDays(2)).toEpochMilli();
        HttpResponse<String> posted = supervisor.post(
                "/api/sections/" + section + "/level",
                Map.of("level", "CRITICAL", "reason", "surge reported by the NCC", "until", until));
        assertEquals(201, posted.statusCode(), posted.body());
        String changeId = Web.parse(posted.body()).path("change_id").asText();
        SectionLevelChange change = kafka
                .read(
                        topics.getSectionLevels(),
                        SectionLevelChange.class,
                        WAIT,
                        c -> c.getChangeId().equals(changeId))
                .stream()
                .filter(c -> c.getChangeId().equals(changeId))
                .findFirst()
                .orElseThrow();
        assertEquals(section, change.getSectionId());
        assertEquals(SectionImpactLevel.HIGH, change.getPreviousLevel(), "sections.yaml");
        assertEquals(SectionImpactLevel.CRITICAL, change.getLevel());
        assertEquals(until, change.getUntil().toEpochMilli());
        assertEquals(AT, change.getChangedAt(), "the event time the dashboard has seen, so a replay picks it up");
        assertNotEquals(SUPERVISOR, change.getChangedBy());
        AuditRecord audit = audit(r ->
                r.getAction() == AuditAction.LEVEL_CHANGE && r.getRecordIds().contains(changeId));
        assertEquals("supervisor", audit.getRole());

        long deadline = System.nanoTime() + WAIT.toNanos();
        JsonNode status;
        do {
            status = supervisor.getJson("/api/sections/" + section).path("status");
            Thread.sleep(100);
        } while (!status.path("level").asText().equals("CRITICAL") && System.nanoTime() < deadline);
        assertEquals("CRITICAL", status.path("level").asText());
        assertEquals("SUPERVISOR", status.path("level_source").asText());
    }

    private static AuditRecord audit(java.util.function.Predicate<AuditRecord> which) throws Exception {
        return kafka.read(topics.getAudit(), AuditRecord.class, WAIT, which).stream()
                .filter(which)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no such audit record"));
    }
}
