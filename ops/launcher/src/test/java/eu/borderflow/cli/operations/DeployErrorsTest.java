package eu.borderflow.cli.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * What the deployment commands say when they cannot do what was asked: a clear one-line reason and exit code 2, for
 * a cluster that is down, a jar the cluster rejects, a savepoint it cannot restore, no checkpoint to resume from, a
 * job already running or not running, and more slots than the cluster has.
 */
class DeployErrorsTest {

    @Test
    void aClusterThatIsDownIsNamed() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + port;
        for (String[] command : new String[][] {
            {"deploy", "risk", "--jar", Scenario.jar().toString(), "--cluster", url},
            {"upgrade", "risk", "--jar", Scenario.jar().toString(), "--cluster", url},
            {"stop", "risk", "--cluster", url},
            {"jobs", "--cluster", url}
        }) {
            Scenario.Outcome outcome = Scenario.launcher(command);
            assertEquals(2, outcome.exitCode(), outcome.out());
            assertTrue(outcome.out().contains("no Flink cluster answers at " + url), outcome.out());
            assertTrue(!outcome.out().contains("\tat "), "no stack trace: " + outcome.out());
        }
        Scenario.Outcome badParallelism = Scenario.launcher(
                "deploy", "risk", "--jar", Scenario.jar().toString(), "--cluster", url, "--parallelism", "-3");
        assertEquals(2, badParallelism.exitCode(), badParallelism.out());
        assertTrue(badParallelism.out().contains("--parallelism must be at least 1"), badParallelism.out());
    }

    @Test
    void anAddressThatIsNoFlinkRestApiIsNamed() throws Exception {
        for (String url :
                new String[] {"http://", "http://exa mple:80", "http://127.0.0.1:99999", "http://127.0.0.1:x"}) {
            Scenario.Outcome outcome = Scenario.launcher("jobs", "--cluster", url);
            assertEquals(2, outcome.exitCode(), outcome.out());
            assertTrue(outcome.out().startsWith("jobs: --cluster " + url), outcome.out());
            assertTrue(!outcome.out().contains("\tat "), "no stack trace: " + outcome.out());
        }
        // A page where the API should be (a typo), and the metrics text of a TaskManager's reporter port.
        for (int status : new int[] {404, 200}) {
            HttpServer other = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            other.createContext("/", exchange -> {
                byte[] page = "# HELP flink_taskmanager_Status_JVM_CPU_Load\n".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(status, page.length);
                exchange.getResponseBody().write(page);
                exchange.close();
            });
            other.start();
            try {
                String url = "http://127.0.0.1:" + other.getAddress().getPort();
                for (String[] command :
                        new String[][] {{"stop", "risk", "--cluster", url}, {"jobs", "--cluster", url}}) {
                    Scenario.Outcome outcome = Scenario.launcher(command);
                    assertEquals(2, outcome.exitCode(), outcome.out());
                    assertTrue(
                            outcome.out().contains("no Flink REST API at " + url + ": it answered HTTP " + status),
                            outcome.out());
                    assertTrue(!outcome.out().contains("\tat "), "no stack trace: " + outcome.out());
                }
            } finally {
                other.stop(0);
            }
        }
    }

    @Test
    void refusalsOfARunningClusterExitTwo() throws Exception {
        Scenario scenario = Scenario.withTopics("errors");
        Path notAJar = Files.writeString(scenario.configDir.resolve("not-a-job.jar"), "not a jar");
        Path corruptSavepoint = Files.createDirectories(scenario.configDir.resolve("corrupt-savepoint"));
        Files.writeString(corruptSavepoint.resolve("_metadata"), "not a savepoint");
        try {
            Scenario.Outcome rejected = scenario.deploy("--jar", notAJar.toString());
            assertRefused(rejected, "could not run eu.borderflow.risk.RiskFlagJob");

            Scenario.Outcome tooWide = scenario.deploy("--parallelism", "64");
            assertRefused(tooWide, "needs 64 free slots");

            Scenario.Outcome missing = scenario.deploy(
                    "--from-savepoint",
                    scenario.configDir.resolve("no-such-savepoint").toString());
            assertRefused(missing, "no-such-savepoint");

            Scenario.Outcome corrupt = scenario.deploy("--from-savepoint", corruptSavepoint.toString());
            assertRefused(corrupt, "corrupt-savepoint");

            assertRefused(scenario.deploy("--resume"), "no completed checkpoint of risk under");
            assertRefused(
                    scenario.deploy("--resume", "--from-savepoint", corruptSavepoint.toString()),
                    "give --resume or --from-savepoint, not both");

            Scenario.Outcome notRunning = Scenario.launcher(
                    "upgrade", "risk", "--jar", Scenario.jar().toString(), "--cluster", scenario.platform.flinkUrl());
            assertRefused(notRunning, "risk is not running");
            assertRefused(
                    Scenario.launcher("stop", "risk", "--cluster", scenario.platform.flinkUrl()),
                    "risk is not running");

            scenario.deployOrFail();
            Scenario.Outcome twice = scenario.deploy();
            assertRefused(twice, "risk is already running as job");
        } finally {
            scenario.stopJob();
        }
    }

    private static void assertRefused(Scenario.Outcome outcome, String reason) {
        assertEquals(2, outcome.exitCode(), outcome.out());
        assertTrue(outcome.out().contains(reason), "names the reason (" + reason + "): " + outcome.out());
        assertTrue(!outcome.out().contains("\tat "), "no stack trace: " + outcome.out());
    }
}
