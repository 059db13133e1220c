package eu.borderflow.cli.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of the TaskManager that runs the risk job mid-stream, while flags emitted since the last checkpoint are in
 * open transactions, then a new one started with {@code cluster up}: the
 * job recovers from its last checkpoint by itself (while it has no TaskManager, {@code jobs} says its sources do
 * not run), and the committed flags and audit records are exactly those of a
 * bounded run over the same world, none missing and none twice. Afterwards the Prometheus endpoints of the JobManager
 * and of the TaskManager serve the job's own metrics.
 */
class TaskManagerFailureTest {

    @Test
    void aKilledTaskManagerLosesNothingAndDuplicatesNothing() throws Exception {
        Scenario scenario = Scenario.withTopics("tm-kill", "PT10S");
        try {
            String jobId = scenario.deployOrFail();
            scenario.startReplay();
            scenario.awaitReplayed(0.35, jobId);
            scenario.awaitUncommittedFlags(jobId);
            scenario.platform.killTaskManager(1);
            String restarting = awaitJobsSaying(scenario, "the sources do not run while the job is RESTARTING");
            assertTrue(restarting.contains(jobId + "  RESTARTING"), restarting);
            scenario.platform.clusterUp();
            assertJobsNeverBlameTheBroker(scenario, jobId);

            Scenario.Outcome replay = scenario.awaitReplay();
            assertEquals(0, replay.exitCode(), replay.out());
            scenario.assertOutputExactlyAsExpected();
            assertEquals(jobId, scenario.runningJob().id(), "the same job recovered on its own");
            assertTrue(scenario.cluster.latestFailure(jobId).isPresent(), "the job recorded the TaskManager's loss");

            String jobManager = metrics(scenario.platform.metricsPort());
            assertTrue(
                    value(jobManager, "flink_jobmanager_job_numRestarts", jobId) >= 1,
                    "the JobManager's endpoint counts the restart");
            assertTrue(value(jobManager, "flink_jobmanager_job_numberOfCompletedCheckpoints", jobId) >= 1);
            String taskManager = metrics(scenario.platform.metricsPort() + 1);
            assertTrue(
                    taskManager.contains("flink_taskmanager_job_task_operator_eventTimeLagMs{"),
                    "the TaskManager's endpoint serves the job's event-time lag");
            assertTrue(taskManager.contains("flink_taskmanager_job_task_operator_duplicateCrossings{"));
            assertTrue(
                    taskManager
                            .lines()
                            .anyMatch(l -> l.startsWith("flink_taskmanager_job_task_operator_stateEntries{")
                                    && l.contains("operator_name=\"EES_file")
                                    && !l.endsWith(" 0.0")),
                    "the TaskManager's endpoint counts the keyed state entries of the EES file operator");
            assertTrue(
                    taskManager.contains("flink_taskmanager_job_task_operator_rule_flagsRaised{"),
                    "the TaskManager's endpoint serves flags per rule");
            assertTrue(
                    taskManager
                            .lines()
                            .anyMatch(l -> l.startsWith("flink_taskmanager_job_task_operator_rule_flagsRaised{")
                                    && l.contains("rule=\"R2\"")
                                    && l.contains(jobId)
                                    && !l.endsWith(" 0.0")),
                    "R2 flags raised after the restart are counted");

            Set<String> served = new TreeSet<>(MetricNames.served(jobManager));
            served.addAll(MetricNames.served(taskManager));
            Set<String> missing =
                    new TreeSet<>(MetricNames.referencedBy("ops/grafana/dashboards/pipeline-health.json"));
            missing.addAll(MetricNames.referencedBy("ops/prometheus/rules/borderflow.yml"));
            missing.removeAll(served);
            missing.removeIf(name -> name.startsWith("borderflow_replay_") || name.startsWith("borderflow_dashboard_"));
            assertEquals(
                    Set.of(),
                    missing,
                    "the pipeline dashboard and the alert rules use only metrics the job's endpoints serve (dead-letter "
                            + "counters exist at zero before the first dead letter; the situational-picture dashboard is "
                            + "checked against the picture job in PictureDeploymentTest, the operators' dashboard's "
                            + "metrics in DashboardSecurityTest)");
        } finally {
            scenario.stopJob();
        }
    }

    /**
     * What {@code jobs} says once it says {@code text}: without a TaskManager the job restarts and restarts, and the
     * REST API still serves its sources' last lag, which {@code jobs} must not pass off as the lag now.
     */
    private static String awaitJobsSaying(Scenario scenario, String text) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        String out = "";
        while (System.nanoTime() < deadline) {
            out = Scenario.launcher("jobs", "--cluster", scenario.platform.flinkUrl())
                    .out();
            if (out.contains(text)) {
                return out;
            }
            Thread.sleep(1_000);
        }
        throw new AssertionError("jobs never said \"" + text + "\" within 90 s: " + out);
    }

    /**
     * From the new TaskManager's start until the job has run on it for 40 s, {@code jobs} never says the sources are
     * connected to no broker: the broker ran throughout, and restarted sources report no connection at first.
     */
    private static void assertJobsNeverBlameTheBroker(Scenario scenario, String jobId) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        long runningSince = 0;
        while (runningSince == 0 || System.nanoTime() - runningSince < TimeUnit.SECONDS.toNanos(40)) {
            assertTrue(System.nanoTime() < deadline, "the job did not run again within 180 s");
            String out = Scenario.launcher("jobs", "--cluster", scenario.platform.flinkUrl())
                    .out();
            assertFalse(out.contains("connected to no Kafka broker"), out);
            if (runningSince == 0 && out.contains(jobId + "  RUNNING")) {
                runningSince = System.nanoTime();
            }
            Thread.sleep(500);
        }
    }

    static String metrics(int port) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        return response.body();
    }

    /** The value of {@code metric} for the job {@code jobId}, or -1 when the endpoint has none. */
    static double value(String exposition, String metric, String jobId) {
        Matcher m = Pattern.compile("^" + metric + "\\{[^}]*job_id=\"" + jobId + "\"[^}]*} (\\S+)$", Pattern.MULTILINE)
                .matcher(exposition);
        return m.find() ? Double.parseDouble(m.group(1)) : -1;
    }
}
