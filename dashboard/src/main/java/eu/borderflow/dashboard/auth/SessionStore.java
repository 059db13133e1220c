package eu.borderflow.dashboard.auth;

import eu.borderflow.privacy.Pseudonymiser;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sessions held in memory: an unguessable id in an HttpOnly cookie, an idle timeout and a maximum lifetime. The clock
 * is injected so expiry can be tested without waiting. A restart signs everyone out.
 */
public final class SessionStore {

    private static final int TOKEN_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration idleTimeout;
    private final Duration maxLifetime;
    private final Pseudonymiser officers;

    public SessionStore(Clock clock, Duration idleTimeout, Duration maxLifetime, Pseudonymiser officers) {
        this.clock = clock;
        this.idleTimeout = idleTimeout;
        this.maxLifetime = maxLifetime;
        this.officers = officers;
    }

    public Session open(String user, Role role) {
        purgeExpired();
        Instant now = clock.instant();
        String officerId;
        synchronized (officers) {
            officerId = officers.token(Pseudonymiser.Domain.PERSON, "officer/" + user);
        }
        Session session = new Session(token(), user, role, token(), officerId, now);
        sessions.put(session.id(), session);
        return session;
    }

    /** The live session of this id, marked as used when {@code touch}; expired sessions are removed. */
    public Optional<Session> find(String id, boolean touch) {
        if (id == null) {
            return Optional.empty();
        }
        Session session = sessions.get(id);
        if (session == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (expired(session, now)) {
            sessions.remove(id);
            return Optional.empty();
        }
        if (touch) {
            session.touch(now);
        }
        return Optional.of(session);
    }

    public boolean isLive(Session session) {
        return sessions.containsKey(session.id()) && !expired(session, clock.instant());
    }

    /** When the session ends if it is not used again. */
    public Instant expiresAt(Session session) {
        Instant idle = session.lastUsed().plus(idleTimeout);
        Instant hard = session.started().plus(maxLifetime);
        return idle.isBefore(hard) ? idle : hard;
    }

    public void close(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }

    public int size() {
        purgeExpired();
        return sessions.size();
    }

    private boolean expired(Session session, Instant now) {
        return !now.isBefore(expiresAt(session));
    }

    private void purgeExpired() {
        Instant now = clock.instant();
        sessions.values().removeIf(s -> expired(s, now));
    }

    private static String token() {
        byte[] bytes = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
