package eu.borderflow.cli.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
        int rest = freePort();
        int metrics = freePort();
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

            ProcessHandle.of(second).orElseThrow().destroyForcibly();
            ProcessHandle.of(second).ifPresent(p -> p.onExit().join());
            assertTrue(cluster(env, "status").out().contains("taskmanager-2  not running"));

            Result again = cluster(env, "up", "--taskmanagers", "2");
            assertEquals(0, again.code(), again.out());
            assertTrue(again.out().contains("started taskmanager-2"), again.out());
            assertFalse(again.out().contains("started jobmanager"), again.out());
            assertFalse(again.out().contains("started taskmanager-1"), again.out());
            assertEquals(jobManager, pid(home, "jobmanager"));
            assertEquals(first, pid(home, "taskmanager-1"));
            assertFalse(again.out().contains(LOST_JOBS), again.out());

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

    private record Result(int code, String out) {}

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

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
