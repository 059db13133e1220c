package eu.borderflow.cli.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench job --profile}: the samples of a busy thread land on that thread, under the method that is busy; with
 * {@code --profile alloc}, under the method that allocates, weighted by the bytes it allocated.
 */
class ProfileTest {

    private static final String THREAD = "busy task (1/2)#0";

    private static volatile Object escaped;

    @Test
    void aBusyThreadsSamplesAreItsOwnAndAFlameGraphIsWritten(@TempDir Path dir) throws Exception {
        Path base = dir.resolve("job-risk");
        AtomicBoolean stop = new AtomicBoolean();
        Thread busy = new Thread(() -> spin(stop), THREAD);
        Profile profile = Profile.start(base, Profile.Event.CPU);
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

    @Test
    void allocationsAreWeighedInBytesOnTheThreadThatMadeThem(@TempDir Path dir) throws Exception {
        Path base = dir.resolve("job-risk");
        AtomicBoolean stop = new AtomicBoolean();
        long[] allocated = new long[1];
        Thread busy = new Thread(() -> allocated[0] = allocate(stop), THREAD);
        Profile profile = Profile.start(base, Profile.Event.ALLOC);
        busy.start();
        Thread.sleep(1_000);
        stop.set(true);
        busy.join();
        profile.stop();

        List<String> stacks = Files.readAllLines(dir.resolve("job-risk.collapsed"));
        long bytes = stacks.stream()
                .filter(s -> s.startsWith("[" + THREAD) && s.contains("ProfileTest.allocate;long[]"))
                .mapToLong(s -> Long.parseLong(s.substring(s.lastIndexOf(' ') + 1)))
                .sum();
        assertTrue(
                bytes > allocated[0] / 2 && bytes < allocated[0] * 2,
                "sampled " + bytes + " B of long[] for " + allocated[0] + " B allocated\n" + stacks);
    }

    private static long samples(List<String> stacks, String thread, String frame) {
        return stacks.stream()
                .filter(s -> s.startsWith(thread) && s.contains(frame))
                .mapToLong(s -> Long.parseLong(s.substring(s.lastIndexOf(' ') + 1)))
                .sum();
    }

    /** Allocates arrays that escape, so the JIT cannot remove them; returns the bytes allocated. */
    private static long allocate(AtomicBoolean stop) {
        long bytes = 0;
        while (!stop.get()) {
            escaped = new long[128];
            bytes += 16 + 128 * 8;
        }
        return bytes;
    }

    private static long spin(AtomicBoolean stop) {
        long x = 0;
        while (!stop.get()) {
            x = x * 6364136223846793005L + 1442695040888963407L;
        }
        return x;
    }
}
