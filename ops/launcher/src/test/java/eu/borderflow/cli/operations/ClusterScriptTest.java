package eu.borderflow.cli.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code ops/borderflow cluster up|down|status} on a cluster of its own (free ports, its own folder): two
 * TaskManagers come up with their slots; after a TaskManager is killed, {@code status} says so and {@code up} starts
 * only that one again; after every process was killed (a crash or a reboot), {@code up} says that the jobs must be
 * resumed; {@code down} leaves no process behind.
 */
class ClusterScriptTest {

    private static final String LOST_JOBS = "the jobs it ran are gone";

    @Test
    void upStartsWhatIsMissingAndDownLeavesNothing() throws Exception {
        // One range of free ports: REST, RPC and blob server (cluster.sh takes the two after REST), then the metrics of
        // the JobManager and the two TaskManagers; chosen apart, the two could overlap.
        int rest = LocalPlatform.freePorts(6);
        int metrics = rest + 3;
        Path home = LocalPlatform.ROOT.resolve("var/test-ops/cluster-script-" + rest);
        Map<String, String> env = Map.of(
                "BORDERFLOW_FLINK_PORT",
                String.valueOf(rest),
                "BORDERFLOW_FLINK_METRICS_PORT",
                String.valueOf(metrics),
                "BORDERFLOW_CLUSTER_HOME",
                home.toString(),
                "BORDERFLOW_TASKMANAGER_SLOTS",
                "1");
        try {
            Result up = cluster(env, "up", "--taskmanagers", "2");
            assertEquals(0, up.code(), up.out());
            assertFalse(up.out().contains(LOST_JOBS), up.out());
            Result status = cluster(env, "status");
            assertEquals(0, status.code(), status.out());
            assertTrue(status.out().contains("running: http://127.0.0.1:" + rest), status.out());
            assertTrue(status.out().contains("slots: 2 total, 2 free; TaskManagers registered: 2"), status.out());
            long jobManager = pid(home, "jobmanager");
            long first = pid(home, "taskmanager-1");
            long second = pid(home, "taskmanager-2");

            // up at once, as an operator types it after kill -9, while the rest of the dying JVM still holds its
            // port for a moment (here 2 s, once the TaskManager's own threads let it go, a socket of the test's): up
            // waits for the port.
            ProcessHandle.of(second).orElseThrow().destroyForcibly();
            LocalPlatform.awaitDefunct(second);
            Result again;
            try (ServerSocket stillHeld = bindOnceFree(metrics + 2)) {
                CompletableFuture.runAsync(() -> closeAfter(stillHeld, Duration.ofSeconds(2)));
                again = cluster(env, "up", "--taskmanagers", "2");
            }
            assertEquals(0, again.code(), again.out());
            assertTrue(again.out().contains("started taskmanager-2"), again.out());
            assertFalse(again.out().contains("started jobmanager"), again.out());
            assertFalse(again.out().contains("started taskmanager-1"), again.out());
            assertEquals(jobManager, pid(home, "jobmanager"));
            assertEquals(first, pid(home, "taskmanager-1"));
            assertFalse(again.out().contains(LOST_JOBS), again.out());
            ProcessHandle.of(first).orElseThrow().destroyForcibly();
            ProcessHandle.of(first).ifPresent(p -> p.onExit().join());
            assertTrue(cluster(env, "status").out().contains("taskmanager-1  not running"));

            // The machine went down with everything on it: the next up says the jobs must be resumed.
            for (long pid : List.of(jobManager, first, pid(home, "taskmanager-2"))) {
                ProcessHandle.of(pid).ifPresent(p -> {
                    p.destroyForcibly();
                    p.onExit().join();
                });
            }
            Result afterCrash = cluster(env, "up", "--taskmanagers", "2");
            assertEquals(0, afterCrash.code(), afterCrash.out());
            assertTrue(afterCrash.out().contains(LOST_JOBS), afterCrash.out());
            assertTrue(afterCrash.out().contains("ops/borderflow deploy risk --resume"), afterCrash.out());

            List<Long> running =
                    List.of(pid(home, "jobmanager"), pid(home, "taskmanager-1"), pid(home, "taskmanager-2"));
            Result down = cluster(env, "down");
            assertEquals(0, down.code(), down.out());
            for (long pid : running) {
                assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "pid " + pid + " is gone");
            }
            Result stopped = cluster(env, "status");
            assertEquals(3, stopped.code(), stopped.out());
            assertTrue(stopped.out().startsWith("stopped"), stopped.out());
        } finally {
            cluster(env, "down");
        }
    }

    @Test
    void helpAndBadArgumentsStartNothing() throws Exception {
        Map<String, String> env = Map.of("BORDERFLOW_FLINK_PORT", String.valueOf(LocalPlatform.freePorts(2)));
        Result shown = cluster(env, "up", "--help");
        assertEquals(0, shown.code(), shown.out());
        assertTrue(shown.out().contains("up [--taskmanagers N]"), shown.out());
        Result noNumber = cluster(env, "up", "--taskmanagers");
        assertEquals(2, noNumber.code(), noNumber.out());
        assertTrue(noNumber.out().contains("number of TaskManagers must be at least 1"), noNumber.out());
        Result unknown = cluster(env, "start");
        assertEquals(2, unknown.code(), unknown.out());
        assertTrue(unknown.out().startsWith("usage: ops/borderflow cluster up"), unknown.out());
    }

    private record Result(int code, String out) {}

    /** The port, as soon as the killed TaskManager's last thread has let it go. */
    private static ServerSocket bindOnceFree(int port) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                return new ServerSocket(port, 1, InetAddress.getLoopbackAddress());
            } catch (BindException e) {
                assertTrue(System.nanoTime() < deadline, "port " + port + " still held 30 s after kill -9");
                Thread.sleep(10);
            }
        }
    }

    private static void closeAfter(ServerSocket socket, Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
            socket.close();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Result cluster(Map<String, String> env, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(
                List.of(LocalPlatform.ROOT.resolve("ops/borderflow").toString(), "cluster"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(5, TimeUnit.MINUTES));
        return new Result(process.exitValue(), out);
    }

    private static long pid(Path home, String process) throws IOException {
        return Long.parseLong(
                Files.readString(home.resolve("pids/" + process + ".pid")).strip());
    }
}
