package eu.borderflow.dashboard.auth;

import java.time.Instant;

/**
 * A signed-in person: who, with which role, the token that state-changing requests must echo (CSRF), the officer's
 * pseudonymous id written in reviews and audit records, and when the session started and was last used.
 */
public final class Session {

    private final String id;
    private final String user;
    private final Role role;
    private final String csrfToken;
    private final String officerId;
    private final Instant started;
    private volatile Instant lastUsed;

    Session(String id, String user, Role role, String csrfToken, String officerId, Instant started) {
        this.id = id;
        this.user = user;
        this.role = role;
        this.csrfToken = csrfToken;
        this.officerId = officerId;
        this.started = started;
        this.lastUsed = started;
    }

    public String id() {
        return id;
    }

    public String user() {
        return user;
    }

    public Role role() {
        return role;
    }

    public String csrfToken() {
        return csrfToken;
    }

    /** Pseudonymous id of the officer (a keyed token), for reviews and audit records. */
    public String officerId() {
        return officerId;
    }

    public Instant started() {
        return started;
    }

    Instant lastUsed() {
        return lastUsed;
    }

    void touch(Instant now) {
        lastUsed = now;
    }
}
