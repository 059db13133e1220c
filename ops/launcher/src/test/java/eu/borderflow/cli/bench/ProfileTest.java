package eu.borderflow.cli.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.ToLongFunction;
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
        profileASecondOf(ProfileTest::spin, Profile.Event.CPU, dir);

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
        long allocated = profileASecondOf(ProfileTest::allocate, Profile.Event.ALLOC, dir);

        List<String> stacks = Files.readAllLines(dir.resolve("job-risk.collapsed"));
        long bytes = samples(stacks, "[" + THREAD, "ProfileTest.allocate;long[]");
        assertTrue(
                bytes > allocated / 2 && bytes < allocated * 2,
                "sampled " + bytes + " B of long[] for " + allocated + " B allocated\n" + stacks);
    }

    /** Profiles {@code work} on a thread named like a task's for a second; returns what the work returned. */
    private static long profileASecondOf(ToLongFunction<AtomicBoolean> work, Profile.Event event, Path dir)
            throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        long[] result = new long[1];
        Thread busy = new Thread(() -> result[0] = work.applyAsLong(stop), THREAD);
        Profile profile = Profile.start(dir.resolve("job-risk"), event);
        busy.start();
        Thread.sleep(1_000);
        stop.set(true);
        busy.join();
        profile.stop();
        return result[0];
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
