package eu.borderflow.dashboard.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.borderflow.dashboard.testing.MutableClock;
import eu.borderflow.privacy.Pseudonymiser;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SessionStoreTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T08:00:00Z"));
    private final SessionStore store = new SessionStore(
            clock,
            Duration.ofMinutes(30),
            Duration.ofHours(8),
            new Pseudonymiser("a key of sixteen bytes or more".getBytes(StandardCharsets.UTF_8), 16));

    @Test
    void aSessionEndsAfterItsIdleTimeoutUnlessUsed() {
        Session s = store.open("ana", Role.ANALYST);
        clock.advance(Duration.ofMinutes(29));
        assertTrue(store.find(s.id(), true).isPresent());
        clock.advance(Duration.ofMinutes(29));
        assertTrue(store.find(s.id(), false).isPresent(), "used 29 minutes ago");
        clock.advance(Duration.ofMinutes(1));
        assertTrue(store.find(s.id(), false).isEmpty(), "30 minutes without a request");
        assertFalse(store.isLive(s));
    }

    @Test
    void aSessionEndsAtItsMaximumLifetimeHoweverBusy() {
        Session s = store.open("sup", Role.SUPERVISOR);
        for (int i = 0; i < 15; i++) {
            clock.advance(Duration.ofMinutes(29));
            assertTrue(store.find(s.id(), true).isPresent());
        }
        clock.advance(Duration.ofMinutes(45));
        assertTrue(store.find(s.id(), true).isEmpty(), "8 hours after sign-in");
    }

    @Test
    void sessionIdsAndTokensAreUnguessableAndOfficersPseudonymous() {
        Session a = store.open("ana", Role.ANALYST);
        Session b = store.open("ana", Role.ANALYST);
        assertNotEquals(a.id(), b.id());
        assertNotEquals(a.csrfToken(), b.csrfToken());
        assertNotEquals(a.id(), a.csrfToken());
        assertTrue(a.id().length() >= 43, "256 bits");
        assertEquals(a.officerId(), b.officerId(), "the same person, the same pseudonym");
        assertFalse(a.officerId().contains("ana"));
        assertTrue(store.find("forged", true).isEmpty());
        store.close(a.id());
        assertTrue(store.find(a.id(), true).isEmpty());
        assertTrue(store.find(b.id(), true).isPresent());
    }
}
