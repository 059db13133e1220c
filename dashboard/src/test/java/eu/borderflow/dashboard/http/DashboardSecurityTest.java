package eu.borderflow.dashboard.http;

import static eu.borderflow.dashboard.testing.TestDashboard.ANALYST;
import static eu.borderflow.dashboard.testing.TestDashboard.SUPERVISOR;
import static eu.borderflow.dashboard.testing.TestDashboard.VIEWER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.borderflow.config.TopicNames;
import eu.borderflow.dashboard.testing.LiveDashboard;
import eu.borderflow.dashboard.testing.Records;
import eu.borderflow.dashboard.testing.TestDashboard;
import eu.borderflow.dashboard.testing.Web;
import eu.borderflow.schema.FlagReview;
import eu.borderflow.schema.RiskFlag;
import eu.borderflow.schema.SectionLevelChange;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard's access rules against a live dashboard on a real broker: nothing without signing in, roles,
 * CSRF protection of every state-changing request, the content security policy, sessions that expire, no secrets in
 * the page, wrong passwords in a row that make a name wait. A refused request must leave nothing on Kafka.
 */
class DashboardSecurityTest {

    private static final String FLAG = "R1:E-security";
    private static final String SECTION = "LAND-POL-BLR";

    @TempDir
    static Path dir;

    private static LiveDashboard dashboard;
    private static TopicNames topics;
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        dashboard = LiveDashboard.start(dir);
        topics = dashboard.names();
        base = dashboard.url();
        RiskFlag flag = Records.flag("E-security", Records.T0);
        dashboard.kafka().send(topics.getFlags(), 0, flag.getFlagId(), flag, Records.T0.toEpochMilli());
        dashboard.awaitQueue(Web.signedIn(base, VIEWER), 1);
    }

    @AfterAll
    static void stop() throws Exception {
        dashboard.close();
    }

    @Test
    void everyApiCallIsRefusedWithoutSigningIn() throws Exception {
        Web anonymous = new Web(base);
        for (String path : List.of(
                "/api/session",
                "/api/snapshot",
                "/api/sections/" + SECTION,
                "/api/flags/" + FLAG,
                "/api/queue",
                "/api/health",
                "/api/stream")) {
            assertEquals(401, anonymous.get(path).statusCode(), path);
        }
        HttpResponse<String> review = anonymous.send(anonymous
                .request("/api/flags/" + FLAG + "/review")
                .header("Content-Type", "application/json")
                .header("X-CSRF-Token", "guess")
                .POST(Web.body(Map.of("decision", "CONFIRMED", "reason", "r", "revision", 0)))
                .build());
        assertEquals(401, review.statusCode());
        Web stranger = new Web(base);
        assertEquals(401, stranger.signIn(ANALYST, "wrong password"));
        assertEquals(401, stranger.signIn("nobody", TestDashboard.password(ANALYST)));
        assertEquals(401, stranger.get("/api/snapshot").statusCode());
        HttpResponse<String> forgedCookie = anonymous.send(anonymous
                .request("/api/snapshot")
                .header("Cookie", WebSecurity.SESSION_COOKIE + "=forged")
                .GET()
                .build());
        assertEquals(401, forgedCookie.statusCode());
        assertNothingWritten();
    }

    @Test
    void aViewerCannotReviewAndOnlyASupervisorChangesALevel() throws Exception {
        Web viewer = Web.signedIn(base, VIEWER);
        assertEquals(200, viewer.get("/api/snapshot").statusCode(), "a viewer sees the picture");
        assertEquals(
                403,
                viewer.post(
                                "/api/flags/" + FLAG + "/review",
                                Map.of("decision", "CONFIRMED", "reason", "looks right", "revision", 0))
                        .statusCode());
        assertEquals(
                403,
                viewer.post("/api/sections/" + SECTION + "/level", Map.of("level", "HIGH", "reason", "r"))
                        .statusCode());
        Web analyst = Web.signedIn(base, ANALYST);
        assertEquals(
                403,
                analyst.post("/api/sections/" + SECTION + "/level", Map.of("level", "HIGH", "reason", "r"))
                        .statusCode());
        assertFalse(viewer.getJson("/api/session").path("may_review").asBoolean());
        assertTrue(analyst.getJson("/api/session").path("may_review").asBoolean());
        assertFalse(analyst.getJson("/api/session").path("may_change_level").asBoolean());
        assertTrue(Web.signedIn(base, SUPERVISOR)
                .getJson("/api/session")
                .path("may_change_level")
                .asBoolean());
        assertNothingWritten();
    }

    @Test
    void aForgedStateChangingRequestIsRefused() throws Exception {
        Web analyst = Web.signedIn(base, ANALYST);
        String path = "/api/flags/" + FLAG + "/review";
        String json = "{\"decision\":\"CONFIRMED\",\"reason\":\"forged\",\"revision\":0}";
        HttpResponse<String> noToken = analyst.send(analyst.withCookie(analyst.request(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build());
        assertEquals(403, noToken.statusCode(), "the session cookie alone is not enough");
        assertTrue(noToken.body().contains("X-CSRF-Token"), noToken.body());
        HttpResponse<String> wrongToken = analyst.send(analyst.withCookie(analyst.request(path))
                .header("Content-Type", "application/json")
                .header("X-CSRF-Token", "x" + analyst.csrf())
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build());
        assertEquals(403, wrongToken.statusCode());
        HttpResponse<String> otherSite = analyst.send(analyst.withCookie(analyst.request(path))
                .header("Content-Type", "application/json")
                .header("X-CSRF-Token", analyst.csrf())
                .header("Origin", "http://evil.example")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build());
        assertEquals(403, otherSite.statusCode(), "a browser names the other site's origin");
        HttpResponse<String> form = analyst.send(analyst.withCookie(analyst.request(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-CSRF-Token", analyst.csrf())
                .POST(HttpRequest.BodyPublishers.ofString("decision=CONFIRMED"))
                .build());
        assertEquals(415, form.statusCode(), "a plain form post is not JSON");
        HttpResponse<String> logout = analyst.send(analyst.withCookie(analyst.request("/api/logout"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build());
        assertEquals(403, logout.statusCode(), "even signing out needs the token");
        assertNothingWritten();
    }

    @Test
    void everyResponseCarriesTheContentSecurityPolicyAndThePageHoldsNoSecrets() throws Exception {
        Web web = Web.signedIn(base, ANALYST);
        for (String path : List.of("/", "/login.html", "/js/app.js", "/api/session", "/api/snapshot", "/nope")) {
            HttpResponse<String> r = web.get(path);
            String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
            assertEquals(WebSecurity.CONTENT_SECURITY_POLICY, csp, path);
            assertEquals(
                    "nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""), path);
            assertEquals("DENY", r.headers().firstValue("X-Frame-Options").orElse(""), path);
        }
        String policy = WebSecurity.CONTENT_SECURITY_POLICY;
        assertTrue(policy.contains("default-src 'none'")
                && policy.contains("script-src 'self';")
                && policy.contains("connect-src 'self';")
                && policy.contains("frame-ancestors 'none'"));
        assertFalse(policy.contains("unsafe") || policy.contains("http"), "no inline script, no other origin");
        for (String path : List.of(
                "/",
                "/login.html",
                "/js/app.js",
                "/js/dom.js",
                "/js/views.js",
                "/js/map.js",
                "/api/session",
                "/api/snapshot")) {
            String body = web.get(path).body();
            assertFalse(body.contains("pbkdf2"), path + " holds no password hash");
            assertFalse(body.contains("borderflow-synthetic-demo-key"), path + " holds no token key");
        }
        Web fresh = new Web(base);
        String cookie = fresh.send(fresh.request("/api/login")
                        .header("Content-Type", "application/json")
                        .POST(Web.body(Map.of("user", ANALYST, "password", TestDashboard.password(ANALYST))))
                        .build())
                .headers()
                .firstValue("Set-Cookie")
                .orElseThrow();
        assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), cookie);
    }

    @Test
    void aSessionExpiresWhenIdleAndEndsOnSignOut() throws Exception {
        Web web = Web.signedIn(base, ANALYST);
        dashboard.clock().advance(Duration.ofMinutes(29));
        assertEquals(200, web.get("/api/session").statusCode());
        dashboard.clock().advance(Duration.ofMinutes(31));
        assertEquals(401, web.get("/api/session").statusCode(), "30 minutes idle");

        Web again = Web.signedIn(base, ANALYST);
        assertEquals(204, again.post("/api/logout", Map.of()).statusCode());
        assertEquals(401, again.get("/api/snapshot").statusCode());
    }

    @Test
    void fiveWrongPasswordsInARowMakeTheNameWaitAMinuteEvenForTheRightOne() throws Exception {
        Web guesser = new Web(base);
        for (int i = 1; i <= 5; i++) {
            assertEquals(401, guesser.signIn(SUPERVISOR, "guess " + i));
        }
        HttpResponse<String> refused = guesser.send(guesser.request("/api/login")
                .header("Content-Type", "application/json")
                .POST(Web.body(Map.of("user", SUPERVISOR, "password", TestDashboard.password(SUPERVISOR))))
                .build());
        assertEquals(429, refused.statusCode(), refused.body());
        assertEquals("60", refused.headers().firstValue("Retry-After").orElse(""));
        assertTrue(refused.body().contains("try again in 60 s"), refused.body());
        assertEquals(200, new Web(base).signIn(VIEWER, TestDashboard.password(VIEWER)), "other names do not wait");

        dashboard.clock().advance(Duration.ofMinutes(1));
        assertEquals(200, new Web(base).signIn(SUPERVISOR, TestDashboard.password(SUPERVISOR)));
        assertEquals(401, new Web(base).signIn(SUPERVISOR, "guess 6"));
        assertEquals(200, new Web(base).signIn(SUPERVISOR, TestDashboard.password(SUPERVISOR)), "signing in cleared");
        String metrics = new Web(base).get("/metrics").body();
        assertTrue(metrics.contains("borderflow_dashboard_sign_ins_total{outcome=\"throttled\"} 1.0"), metrics);
        assertTrue(metrics.contains("borderflow_dashboard_sign_in_names_counted "), metrics);
    }

    @Test
    void prometheusReadsTheMetricsWithoutSigningIn() throws Exception {
        Web.signedIn(base, VIEWER).get("/api/queue");
        String metrics = new Web(base).get("/metrics").body();
        assertTrue(
                metrics.contains("borderflow_dashboard_http_requests_seconds_count"
                        + "{method=\"GET\",route=\"/api/queue\",status=\"200\"}"),
                metrics);
        assertTrue(metrics.contains("borderflow_dashboard_sse_clients"));
        assertTrue(metrics.contains("borderflow_dashboard_consumer_lag{topic=\"" + topics.getFlags() + "\"}"));
        assertTrue(metrics.contains("borderflow_dashboard_sign_ins_total{outcome=\"refused\"}")
                || metrics.contains("borderflow_dashboard_sign_ins_total{outcome=\"ok\"}"));
        assertFalse(metrics.contains(FLAG), "no ids in labels");
        Path rules = Path.of("").toAbsolutePath().getParent().resolve("ops/prometheus/rules/borderflow.yml");
        Matcher referenced = Pattern.compile("\\bborderflow_dashboard_\\w+").matcher(Files.readString(rules));
        int names = 0;
        while (referenced.find()) {
            names++;
            String name = referenced.group();
            assertTrue(
                    metrics.contains("\n" + name + "{") || metrics.contains("\n" + name + " "),
                    name + " (an alert's) is served");
        }
        assertTrue(names > 0, "the alert rules watch the dashboard");
    }

    /** Refused requests must not have written anything. */
    private static void assertNothingWritten() throws Exception {
        assertEquals(List.of(), dashboard.kafka().readAll(topics.getReviews(), FlagReview.class));
        assertEquals(List.of(), dashboard.kafka().readAll(topics.getSectionLevels(), SectionLevelChange.class));
    }
}
