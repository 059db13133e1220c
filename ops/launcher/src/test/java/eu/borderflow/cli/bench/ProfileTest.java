package eu.borderflow.cli.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bench job --profile}: the samples of a busy thread land on that thread, under the method that is busy. */
class ProfileTest {

    private static final String THREAD = "busy task (1/2)#0";

    @Test
    void aBusyThreadsSamplesAreItsOwnAndAFlameGraphIsWritten(@TempDir Path dir) throws Exception {
        Path base = dir.resolve("job-risk");
        AtomicBoolean stop = new AtomicBoolean();
        Thread busy = new Thread(() -> spin(stop), THREAD);
        Profile profile = Profile.start(base);
        busy.start();
        Thread.sleep(1_000);
        stop.set(true);
        busy.join();
        profile.stop();

        List<String> stacks = Files.readAllLines(dir.resolve("job-risk.collapsed"));
        long onTheThread = samples(stacks, "[" + THREAD, "ProfileTest.spin");
        long elsewhere = stacks.stream()
                .filter(s -> s.contains("ProfileTest.spin") && !s.startsWith("[" + THREAD))
                .count();
        assertTrue(onTheThread >= 100, "a second of CPU at a sample every 2 ms: " + onTheThread + "\n" + stacks);
        assertTrue(elsewhere == 0, "the busy method on another thread: " + elsewhere);
        assertTrue(Files.readString(dir.resolve("job-risk.html")).contains("job-risk"), "the flame graph, titled");
    }

    private static long samples(List<String> stacks, String thread, String frame) {
        return stacks.stream()
                .filter(s -> s.startsWith(thread) && s.contains(frame))
                .mapToLong(s -> Long.parseLong(s.substring(s.lastIndexOf(' ') + 1)))
                .sum();
    }

    private static long spin(AtomicBoolean stop) {
        long x = 0;
        while (!stop.get()) {
            x = x * 6364136223846793005L + 1442695040888963407L;
        }
        return x;
    }
}
