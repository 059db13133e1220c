package eu.borderflow.dashboard.http;

import com.fasterxml.jackson.databind.JsonNode;
import eu.borderflow.dashboard.auth.Session;
import eu.borderflow.dashboard.auth.SessionStore;
import eu.borderflow.dashboard.auth.SignInThrottle;
import eu.borderflow.dashboard.auth.UserDirectory;
import eu.borderflow.dashboard.health.PipelineHealth;
import eu.borderflow.dashboard.input.DashboardInput;
import eu.borderflow.dashboard.metrics.DashboardMetrics;
import eu.borderflow.dashboard.view.AvroJson;
import eu.borderflow.dashboard.view.Json;
import eu.borderflow.dashboard.view.SituationView;
import eu.borderflow.dashboard.write.Decisions;
import io.javalin.config.RoutesConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.UnauthorizedResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The dashboard's HTTP API (JSON), the live-feed stream and the Prometheus endpoint. */
final class Routes {

    static final String LOGIN = "/api/login";
    static final String LOGOUT = "/api/logout";
    static final String SESSION = "/api/session";
    static final String SNAPSHOT = "/api/snapshot";
    static final String STREAM = "/api/stream";
    static final String SECTION = "/api/sections/{id}";
    static final String SECTION_LEVEL = "/api/sections/{id}/level";
    static final String FLAG = "/api/flags/{id}";
    static final String FLAG_REVIEW = "/api/flags/{id}/review";
    static final String QUEUE = "/api/queue";
    static final String HEALTH = "/api/health";
    static final String CSP_REPORT = "/api/csp-report";
    static final String METRICS = "/metrics";

    private static final Logger LOG = LoggerFactory.getLogger(Routes.class);
    private static final int FEED_TAIL = 100;
    private static final int QUEUE_HEAD = 25;
    private static final int QUEUE_MAX = 500;
    private static final int SECTION_INCIDENTS = 100;

    private final SituationView view;
    private final UserDirectory users;
    private final SessionStore sessions;
    private final WebSecurity security;
    private final Decisions decisions;
    private final PipelineHealth health;
    private final DashboardInput input;
    private final DashboardMetrics metrics;
    private final Duration sessionLifetime;
    private final LiveStream stream;

    Routes(
            SituationView view,
            UserDirectory users,
            SessionStore sessions,
            WebSecurity security,
            Decisions decisions,
            PipelineHealth health,
            DashboardInput input,
            DashboardMetrics metrics,
            Duration sessionLifetime,
            int maxStreams) {
        this.view = view;
        this.users = users;
        this.sessions = sessions;
        this.security = security;
        this.decisions = decisions;
        this.health = health;
        this.input = input;
        this.metrics = metrics;
        this.sessionLifetime = sessionLifetime;
        this.stream = new LiveStream(view, sessions, metrics.streams(), maxStreams);
    }

    void addTo(RoutesConfig routes) {
        routes.before(security::headers);
        routes.before("/api/*", security::api);
        routes.beforeMatched(security::roles);
        routes.post(LOGIN, this::login);
        routes.post(LOGOUT, this::logout);
        routes.get(SESSION, this::session);
        routes.get(SNAPSHOT, ctx -> ctx.json(snapshot()));
        routes.sse(STREAM, stream);
        routes.get(
                SECTION,
                ctx -> ctx.json(view.section(ctx.pathParam("id"), SECTION_INCIDENTS)
                        .orElseThrow(() -> new NotFoundResponse("no border section " + ctx.pathParam("id")))));
        routes.post(SECTION_LEVEL, this::changeLevel, WebSecurity.SUPERVISORS);
        routes.get(FLAG, this::flag);
        routes.post(FLAG_REVIEW, this::review, WebSecurity.REVIEWERS);
        routes.get(
                QUEUE,
                ctx -> ctx.json(
                        view.queue(number(ctx, "offset", 0), Math.min(QUEUE_MAX, number(ctx, "limit", QUEUE_HEAD)))));
        routes.get(HEALTH, ctx -> ctx.json(healthPage()));
        routes.post(CSP_REPORT, this::cspReport);
        routes.get(
                METRICS,
                ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                        .result(metrics.scrape()));
        routes.exception(
                Decisions.Refused.class, (e, ctx) -> ctx.status(e.status()).json(error(e.getMessage())));
        routes.exception(
                UserDirectory.BusyException.class,
                (e, ctx) -> ctx.status(HttpStatus.SERVICE_UNAVAILABLE).json(error(e.getMessage())));
        routes.exception(SignInThrottle.Throttled.class, (e, ctx) -> {
            metrics.signIn("throttled");
            ctx.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header("Retry-After", String.valueOf(e.retryAfterSeconds()))
                    .json(error(e.getMessage()));
        });
        routes.exception(
                HttpResponseException.class,
                (e, ctx) -> ctx.status(e.getStatus()).json(error(e.getMessage())));
        routes.exception(Exception.class, Routes::unexpected);
    }

    /**
     * A failure no other handler took: logged, and a 500 without details. When a live stream's browser has gone,
     * Jetty can recycle the response before Javalin has finished the request; Javalin 7.2.3's own last-resort handler
     * then fails on it, and on that failure, without end (5 million warnings in two minutes in one CI run). There is no
     * one left to answer then.
     */
    static void unexpected(Exception e, Context ctx) {
        try {
            ctx.res().getStatus();
        } catch (IllegalStateException | NullPointerException gone) {
            LOG.debug("request already ended: {}", e.toString());
            return;
        }
        LOG.warn("{} {} failed", ctx.method(), ctx.path(), e);
        ctx.status(HttpStatus.INTERNAL_SERVER_ERROR).json(error("internal error"));
    }

    private void login(Context ctx) throws UserDirectory.BusyException, SignInThrottle.Throttled {
        JsonNode body = body(ctx);
        String name = body.path("user").asText(null);
        char[] password = body.path("password").asText("").toCharArray();
        try {
            var user = users.authenticate(name, password);
            metrics.signIn(user.isPresent() ? "ok" : "refused");
            if (user.isEmpty()) {
                throw new UnauthorizedResponse("wrong user name or password");
            }
            Session session = sessions.open(user.get().name(), user.get().role());
            security.setSessionCookie(ctx, session, sessionLifetime);
            ctx.json(sessionInfo(session));
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private void logout(Context ctx) {
        sessions.close(WebSecurity.session(ctx).id());
        security.clearSessionCookie(ctx);
        ctx.status(HttpStatus.NO_CONTENT);
    }

    private void session(Context ctx) {
        ctx.json(sessionInfo(WebSecurity.session(ctx)));
    }

    private Map<String, Object> sessionInfo(Session session) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("user", session.user());
        out.put("role", session.role().label());
        out.put("may_review", session.role().mayReview() && decisions.takesDecisions());
        out.put("may_change_level", session.role().mayChangeLevel() && decisions.takesDecisions());
        out.put("csrf_token", session.csrfToken());
        out.put("expires_at", sessions.expiresAt(session).toEpochMilli());
        out.put("input", input.status());
        return out;
    }

    private Map<String, Object> snapshot() {
        Map<String, Object> out = view.snapshot(FEED_TAIL, QUEUE_HEAD);
        out.put("input", input.status());
        return out;
    }

    private void flag(Context ctx) throws Decisions.Refused {
        ctx.json(decisions.viewFlag(WebSecurity.session(ctx), ctx.pathParam("id")));
    }

    private void review(Context ctx) throws Decisions.Refused {
        JsonNode body = body(ctx);
        if (!body.path("revision").canConvertToInt()) {
            throw new BadRequestResponse("give the revision of the flag you reviewed");
        }
        ctx.status(HttpStatus.CREATED)
                .json(AvroJson.of(decisions.review(
                        WebSecurity.session(ctx),
                        ctx.pathParam("id"),
                        body.path("revision").asInt(),
                        body.path("decision").asText(null),
                        body.path("reason").asText(null))));
    }

    private void changeLevel(Context ctx) throws Decisions.Refused {
        JsonNode body = body(ctx);
        JsonNode until = body.path("until");
        if (!until.isMissingNode() && !until.isNull() && !until.canConvertToLong()) {
            throw new BadRequestResponse("until is a time in epoch milliseconds, or null");
        }
        ctx.status(HttpStatus.CREATED)
                .json(AvroJson.of(decisions.changeLevel(
                        WebSecurity.session(ctx),
                        ctx.pathParam("id"),
                        body.path("level").asText(null),
                        until.isMissingNode() || until.isNull() ? null : until.asLong(),
                        body.path("reason").asText(null))));
    }

    private Map<String, Object> healthPage() {
        Map<String, Object> out = new LinkedHashMap<>(health.latest());
        out.put("input", input.status());
        out.put(
                "event_clock",
                view.eventClock() == null ? null : view.eventClock().toEpochMilli());
        out.put("sizes", view.sizes());
        return out;
    }

    /** Browsers report CSP violations here; counted and logged (a violation means the page broke its own policy). */
    private void cspReport(Context ctx) {
        metrics.cspViolation();
        String report = ctx.body();
        LOG.warn(
                "content-security-policy violation reported: {}",
                report.length() > 2000 ? report.substring(0, 2000) : report);
        ctx.status(HttpStatus.NO_CONTENT);
    }

    private static JsonNode body(Context ctx) {
        try {
            JsonNode node = Json.MAPPER.readTree(ctx.body());
            if (node == null || !node.isObject()) {
                throw new BadRequestResponse("send a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw new BadRequestResponse("the body is not JSON");
        }
    }

    private static int number(Context ctx, String name, int fallback) {
        String value = ctx.queryParam(name);
        if (value == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value);
            if (n < 0) {
                throw new BadRequestResponse(name + " must not be negative");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new BadRequestResponse(name + " must be a number");
        }
    }

    private static Map<String, Object> error(String message) {
        return Map.of("error", message);
    }
}
