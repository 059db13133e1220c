package eu.borderflow.dashboard.auth;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.borderflow.config.ConfigLoader;
import eu.borderflow.dashboard.DashboardSettings;
import eu.borderflow.dashboard.testing.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped policy of config/dashboard.yaml: 5 free failures, then 1, 2, 4, 8 and at most 15 minutes. */
class SignInThrottleTest {

    private static final DashboardSettings.SignIn SHIPPED =
            DashboardSettings.load(ConfigLoader.defaults()).signIn();

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T08:00:00Z"));
    private final SignInThrottle throttle = new SignInThrottle(clock, SHIPPED);

    @Test
    void theShippedPolicyIsWhatTheConfigurationSays() {
        assertEquals(
                new DashboardSettings.SignIn(5, Duration.ofMinutes(1), Duration.ofMinutes(15), Duration.ofHours(12)),
                SHIPPED);
    }

    @Test
    void aDashboardYamlFromBeforeSignInExistedGetsTheShippedPolicy(@TempDir Path dir) throws Exception {
        String shipped =
                Files.readString(Path.of("").toAbsolutePath().getParent().resolve("config/dashboard.yaml"));
        String older = shipped.substring(0, shipped.indexOf("sign_in:"))
                + shipped.substring(shipped.indexOf("kafka:", shipped.indexOf("sign_in:")));
        assertFalse(older.contains("sign_in") || older.contains("free_failures"), older);
        Files.writeString(dir.resolve("dashboard.yaml"), older);
        assertEquals(SHIPPED, DashboardSettings.load(ConfigLoader.from(dir)).signIn());
    }

    @Test
    void fourWrongPasswordsCostNothingTheFifthMakesTheNextTryWaitAMinute() throws Exception {
        for (int i = 0; i < 4; i++) {
            throttle.check("ana");
            throttle.failed("ana");
        }
        assertDoesNotThrow(() -> throttle.check("ana"), "four mistyped passwords make no one wait");
        throttle.failed("ana");
        assertEquals(Duration.ofMinutes(1), waitOf("ana"));
        assertDoesNotThrow(() -> throttle.check("vic"), "another name does not wait");
        clock.advance(Duration.ofSeconds(59));
        assertEquals(
                1,
                assertThrows(SignInThrottle.Throttled.class, () -> throttle.check("ana"))
                        .retryAfterSeconds());
        clock.advance(Duration.ofSeconds(1));
        assertDoesNotThrow(() -> throttle.check("ana"));
    }

    @Test
    void eachFurtherFailureDoublesTheWaitUpToTheMaximum() throws Exception {
        for (int i = 0; i < 5; i++) {
            throttle.failed("ana");
        }
        long[] minutes = {2, 4, 8, 15, 15};
        for (long expected : minutes) {
            clock.advance(waitOf("ana"));
            throttle.check("ana");
            throttle.failed("ana");
            assertEquals(Duration.ofMinutes(expected), waitOf("ana"));
        }
    }

    @Test
    void theRightPasswordClearsTheCount() throws Exception {
        for (int i = 0; i < 5; i++) {
            throttle.failed("ana");
        }
        clock.advance(Duration.ofMinutes(1));
        throttle.check("ana");
        throttle.succeeded("ana");
        for (int i = 0; i < 4; i++) {
            throttle.failed("ana");
        }
        assertDoesNotThrow(() -> throttle.check("ana"), "the count started again from zero");
        assertEquals(1, throttle.size());
        throttle.succeeded("ana");
        assertEquals(0, throttle.size());
    }

    @Test
    void twelveQuietHoursForgetTheCountAndElevenDoNot() throws Exception {
        for (int i = 0; i < 4; i++) {
            throttle.failed("ana");
        }
        clock.advance(Duration.ofHours(11));
        throttle.failed("ana");
        assertEquals(Duration.ofMinutes(1), waitOf("ana"), "11 hours later the fifth failure still counts");
        clock.advance(Duration.ofHours(12));
        for (int i = 0; i < 4; i++) {
            throttle.failed("ana");
        }
        assertDoesNotThrow(() -> throttle.check("ana"), "after 12 quiet hours four failures are free again");
    }

    @Test
    void namesNobodyHasWaitTheSameAndAFloodOfThemStaysBounded() throws Exception {
        for (int i = 0; i < 5; i++) {
            throttle.failed("mallory");
            throttle.failed(null);
        }
        assertEquals(Duration.ofMinutes(1), waitOf("mallory"));
        assertEquals(Duration.ofMinutes(1), waitOf(null));
        for (int i = 0; i < SignInThrottle.MAX_NAMES * 2; i++) {
            throttle.failed("guess-" + i);
        }
        assertTrue(throttle.size() <= SignInThrottle.MAX_NAMES, "at most " + SignInThrottle.MAX_NAMES + " names");
        assertEquals(Duration.ofMinutes(1), waitOf("mallory"), "a name that must wait is not dropped for guesses");
    }

    /** How long {@code name} has to wait now (zero when it may try). */
    private Duration waitOf(String name) {
        try {
            throttle.check(name);
            return Duration.ZERO;
        } catch (SignInThrottle.Throttled e) {
            return e.retryAfter();
        }
    }
}
