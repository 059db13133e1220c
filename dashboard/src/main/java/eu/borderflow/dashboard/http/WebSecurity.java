package eu.borderflow.dashboard.http;

import eu.borderflow.dashboard.auth.Role;
import eu.borderflow.dashboard.auth.Session;
import eu.borderflow.dashboard.auth.SessionStore;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HttpResponseException;
import io.javalin.http.UnauthorizedResponse;
import io.javalin.security.RouteRole;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * The dashboard's web security, in one place: headers on every response (a content security policy that keeps every
 * request on the page's origin and forbids inline script), sign-in by session cookie on every API call, CSRF checks on
 * every state-changing request (same origin, JSON body, and the session's token echoed in a header), and roles.
 */
public final class WebSecurity {

    public static final String SESSION_COOKIE = "bf_session";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    /**
     * Everything from the page's own origin only; no inline script or style elements; no framing; violations reported.
     * Leaflet and uPlot set styles through the CSSOM, which style-src does not restrict.
     */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'; report-uri " + Routes.CSP_REPORT;

    private static final String SESSION_ATTRIBUTE = "borderflow.session";
    private static final int UNSUPPORTED_MEDIA_TYPE = 415;

    private final SessionStore sessions;
    private final boolean secureCookies;

    public WebSecurity(SessionStore sessions, boolean secureCookies) {
        this.sessions = sessions;
        this.secureCookies = secureCookies;
    }

    /** Before every request: the security headers. */
    public void headers(Context ctx) {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cross-Origin-Opener-Policy", "same-origin");
        ctx.header("Cross-Origin-Resource-Policy", "same-origin");
        ctx.header("Permissions-Policy", "geolocation=(), camera=(), microphone=()");
        if (ctx.path().startsWith("/api/")) {
            ctx.header("Cache-Control", "no-store");
        }
    }

    /** Before every API request: who is signed in, and the CSRF checks of state-changing requests. */
    public void api(Context ctx) {
        String path = ctx.path();
        boolean changesState = !("GET".equals(ctx.method().name())
                || "HEAD".equals(ctx.method().name()));
        if (changesState && path.equals(Routes.CSP_REPORT)) {
            return;
        }
        if (changesState) {
            if (!sameOrigin(ctx)) {
                throw new ForbiddenResponse("cross-origin request refused");
            }
            if (!ctx.isJson()) {
                throw new HttpResponseException(UNSUPPORTED_MEDIA_TYPE, "send JSON (Content-Type: application/json)");
            }
            if (path.equals(Routes.LOGIN)) {
                return;
            }
        }
        // The live feed does not keep a session alive: only a person's requests do.
        Optional<Session> session = sessions.find(ctx.cookie(SESSION_COOKIE), !path.equals(Routes.STREAM));
        if (session.isEmpty()) {
            throw new UnauthorizedResponse("sign in first (or again: sessions expire)");
        }
        ctx.attribute(SESSION_ATTRIBUTE, session.get());
        if (changesState) {
            String token = ctx.header(CSRF_HEADER);
            if (token == null
                    || !MessageDigest.isEqual(
                            token.getBytes(StandardCharsets.UTF_8),
                            session.get().csrfToken().getBytes(StandardCharsets.UTF_8))) {
                throw new ForbiddenResponse("missing or wrong " + CSRF_HEADER + " header");
            }
        }
    }

    /** Before a matched route: its roles, if it names any. */
    public void roles(Context ctx) {
        Set<RouteRole> allowed = ctx.routeRoles();
        if (allowed.isEmpty()) {
            return;
        }
        Session session = ctx.attribute(SESSION_ATTRIBUTE);
        if (session == null || !allowed.contains(session.role())) {
            throw new ForbiddenResponse("your role may not do this");
        }
    }

    public static Session session(Context ctx) {
        Session session = ctx.attribute(SESSION_ATTRIBUTE);
        if (session == null) {
            throw new UnauthorizedResponse("sign in first");
        }
        return session;
    }

    public void setSessionCookie(Context ctx, Session session, Duration maxAge) {
        ctx.res()
                .addHeader(
                        "Set-Cookie",
                        SESSION_COOKIE + "=" + session.id() + "; Path=/; Max-Age=" + maxAge.toSeconds()
                                + "; HttpOnly; SameSite=Strict" + (secureCookies ? "; Secure" : ""));
    }

    public void clearSessionCookie(Context ctx) {
        ctx.res()
                .addHeader(
                        "Set-Cookie",
                        SESSION_COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict"
                                + (secureCookies ? "; Secure" : ""));
    }

    /** The roles that may review, and the role that may change a level. */
    static final RouteRole[] REVIEWERS = {Role.ANALYST, Role.SUPERVISOR};

    static final RouteRole[] SUPERVISORS = {Role.SUPERVISOR};

    /**
     * A browser names the origin of a state-changing request; it must be this server's. A client that names none (not
     * a browser) still needs the session's CSRF token.
     */
    private static boolean sameOrigin(Context ctx) {
        String origin = ctx.header("Origin");
        String host = ctx.header("Host");
        if (origin == null) {
            String site = ctx.header("Sec-Fetch-Site");
            return site == null || site.equals("same-origin") || site.equals("none");
        }
        try {
            URI uri = URI.create(origin);
            String authority = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            return host != null && host.equalsIgnoreCase(authority);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
