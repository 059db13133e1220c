package eu.borderflow.dashboard.auth;

import eu.borderflow.dashboard.DashboardSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Wrong passwords in a row for one user name make its next sign-in wait: after {@code free_failures} of them, the
 * delay, doubling with each further failure up to the maximum. A right password clears the count, and so does a
 * quiet {@code reset_after}. A try that comes too early is refused before any password is checked, so it neither
 * counts nor costs a hash. Names nobody has are counted the same way, so a refusal does not tell which names exist.
 * The delays of an attacker's guesses are the price; a person who mistyped waits a minute, at most {@code max_delay}.
 */
public final class SignInThrottle {

    /** Bounds the memory a flood of made-up names can take; the oldest quiet counts go first. */
    static final int MAX_NAMES = 10_000;

    /** Too early for this name: {@link #retryAfter()} says when it may try again. */
    public static final class Throttled extends Exception {
        private static final long serialVersionUID = 1L;
        private final Duration retryAfter;

        Throttled(Duration retryAfter) {
            super("too many wrong passwords for this user name; try again in " + seconds(retryAfter) + " s");
            this.retryAfter = retryAfter;
        }

        public Duration retryAfter() {
            return retryAfter;
        }

        /** Whole seconds, rounded up: what the Retry-After header carries. */
        public long retryAfterSeconds() {
            return seconds(retryAfter);
        }

        private static long seconds(Duration d) {
            return (d.toMillis() + 999) / 1000;
        }
    }

    private record Failures(int count, Instant last) {}

    private final Clock clock;
    private final DashboardSettings.SignIn policy;
    private final Map<String, Failures> byName = new HashMap<>();

    public SignInThrottle(Clock clock, DashboardSettings.SignIn policy) {
        this.clock = clock;
        this.policy = policy;
    }

    /** Refuses a try for {@code name} while it has to wait. */
    public synchronized void check(String name) throws Throttled {
        Failures failures = byName.get(key(name));
        if (failures == null) {
            return;
        }
        Instant now = clock.instant();
        Instant notBefore = notBefore(failures);
        if (now.isBefore(notBefore)) {
            throw new Throttled(Duration.between(now, notBefore));
        }
    }

    /** A wrong password (or unknown name): counted, and from the threshold on the next try waits. */
    public synchronized void failed(String name) {
        Instant now = clock.instant();
        String key = key(name);
        Failures before = byName.get(key);
        int count = before == null || forgotten(before, now) ? 1 : before.count() + 1;
        if (before == null && byName.size() >= MAX_NAMES) {
            makeRoom(now);
        }
        byName.put(key, new Failures(count, now));
    }

    /** The right password: its name starts afresh. */
    public synchronized void succeeded(String name) {
        byName.remove(key(name));
    }

    /** Names with failures counted now: many mean someone is guessing names. */
    public synchronized int size() {
        return byName.size();
    }

    /** The last failure, and from the threshold on {@code delay * 2^(count - free_failures)}, at most the maximum. */
    private Instant notBefore(Failures failures) {
        int doublings = failures.count() - policy.freeFailures();
        return doublings < 0 ? failures.last() : failures.last().plus(wait(doublings));
    }

    /** {@code delay * 2^doublings}, at most {@code max_delay}. */
    private Duration wait(int doublings) {
        Duration wait = policy.delay();
        for (int i = 0; i < doublings && wait.compareTo(policy.maxDelay()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(policy.maxDelay()) > 0 ? policy.maxDelay() : wait;
    }

    private boolean forgotten(Failures failures, Instant now) {
        return !now.isBefore(failures.last().plus(policy.resetAfter()));
    }

    /** Drops the counts that are forgotten anyway, else those that make no one wait now, else the oldest. */
    private void makeRoom(Instant now) {
        byName.values().removeIf(f -> forgotten(f, now));
        if (byName.size() >= MAX_NAMES) {
            byName.values().removeIf(f -> !now.isBefore(notBefore(f)));
        }
        if (byName.size() >= MAX_NAMES) {
            byName.entrySet().stream()
                    .min(Map.Entry.comparingByValue((a, b) -> a.last().compareTo(b.last())))
                    .ifPresent(oldest -> byName.remove(oldest.getKey()));
        }
    }

    private static String key(String name) {
        return name == null ? "" : name;
    }
}
