package eu.borderflow.dashboard.auth;

import eu.borderflow.dashboard.DashboardSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The people of dashboard.yaml and their password hashes. A hash costs a third of a second of CPU by design, so at
 * most one check per core runs at once: a flood of sign-ins queues instead of taking the machine. Wrong passwords in
 * a row make a name wait ({@link SignInThrottle}).
 */
public final class UserDirectory {

    /** Checked against when the name is unknown, so a wrong name costs as long as a wrong password. */
    private static final String DECOY = PasswordHash.hash("decoy".toCharArray(), PasswordHash.DEFAULT_ITERATIONS);

    private static final long QUEUE_SECONDS = 10;

    /** Too many sign-ins at once: try again. */
    public static final class BusyException extends Exception {
        private static final long serialVersionUID = 1L;

        BusyException() {
            super("too many sign-ins at once; try again in a moment");
        }
    }

    private final Map<String, DashboardSettings.User> users = new LinkedHashMap<>();
    private final Semaphore checks = new Semaphore(Runtime.getRuntime().availableProcessors(), true);
    private final SignInThrottle throttle;

    public UserDirectory(List<DashboardSettings.User> users, SignInThrottle throttle) {
        users.forEach(u -> this.users.put(u.name(), u));
        this.throttle = throttle;
    }

    /**
     * The user, when the name is known and the password matches its hash. The wait is checked on arrival, and again
     * once this try's turn has come: tries sent at once must not all pass while the first of them are being checked.
     */
    public Optional<DashboardSettings.User> authenticate(String name, char[] password)
            throws BusyException, SignInThrottle.Throttled {
        throttle.check(name);
        try {
            if (!checks.tryAcquire(QUEUE_SECONDS, TimeUnit.SECONDS)) {
                throw new BusyException();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BusyException();
        }
        try {
            throttle.check(name);
            Optional<DashboardSettings.User> user = check(name, password);
            if (user.isPresent()) {
                throttle.succeeded(name);
            } else {
                throttle.failed(name);
            }
            return user;
        } finally {
            checks.release();
        }
    }

    private Optional<DashboardSettings.User> check(String name, char[] password) {
        DashboardSettings.User user = name == null ? null : users.get(name);
        if (user == null) {
            PasswordHash.matches(password, DECOY);
            return Optional.empty();
        }
        return PasswordHash.matches(password, user.password()) ? Optional.of(user) : Optional.empty();
    }
}
