package eu.borderflow.dashboard.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.borderflow.config.ConfigLoader;
import eu.borderflow.dashboard.DashboardSettings;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Sign-in checks with the shipped wait after wrong passwords, as a guesser sending many tries at once meets them. */
class UserDirectoryTest {

    private static final int TRIES = 40;

    @Test
    void triesSentAtOnceGetNoMoreGuessesThanTriesSentOneAfterTheOther() throws Exception {
        DashboardSettings.SignIn policy =
                DashboardSettings.load(ConfigLoader.defaults()).signIn();
        // The shipped cost: a check takes long enough that tries queue for their turn, as on a real dashboard.
        UserDirectory users = new UserDirectory(
                List.of(new DashboardSettings.User(
                        "ana",
                        Role.ANALYST,
                        PasswordHash.hash("right".toCharArray(), PasswordHash.DEFAULT_ITERATIONS / 10))),
                new SignInThrottle(Clock.systemUTC(), policy));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(TRIES);
        try {
            List<Future<String>> outcomes = new ArrayList<>();
            for (int i = 0; i < TRIES; i++) {
                String guess = "guess-" + i;
                Callable<String> attempt = () -> {
                    start.await();
                    try {
                        return users.authenticate("ana", guess.toCharArray()).isPresent() ? "ok" : "refused";
                    } catch (SignInThrottle.Throttled e) {
                        return "throttled";
                    }
                };
                outcomes.add(pool.submit(attempt));
            }
            start.countDown();
            int checked = 0;
            int throttled = 0;
            for (Future<String> outcome : outcomes) {
                switch (outcome.get()) {
                    case "refused" -> checked++;
                    case "throttled" -> throttled++;
                    default -> throw new AssertionError("a guess signed in");
                }
            }
            int cores = Runtime.getRuntime().availableProcessors();
            assertTrue(
                    checked <= policy.freeFailures() + cores - 1,
                    checked + " passwords checked: at most the " + policy.freeFailures()
                            + " free ones, and those already being checked (one per core) when the last of them failed");
            assertEquals(TRIES, checked + throttled);
        } finally {
            pool.shutdownNow();
        }
    }
}
