package eu.borderflow.cli.flink;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Stops a job with a savepoint (REST {@code POST /jobs/:id/stop}) and waits for the savepoint and the job's end. */
public final class Savepoints {

    private final FlinkCluster cluster;
    private final Duration timeout;

    public Savepoints(FlinkCluster cluster, Duration timeout) {
        this.cluster = cluster;
        this.timeout = timeout;
    }

    /**
     * Takes a savepoint into {@code directory} (the cluster's default savepoint directory when {@code null}), then
     * stops the job; returns the savepoint's path once the job has finished.
     */
    public String stopWithSavepoint(String jobId, String directory) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (directory != null) {
            body.put("targetDirectory", directory);
        }
        body.put("drain", false);
        String trigger;
        try {
            trigger = cluster.rest()
                    .post("jobs/" + jobId + "/stop", body)
                    .path("request-id")
                    .asText();
        } catch (FlinkRestException e) {
            throw new DeploymentException(
                    "the cluster refused to stop job " + jobId + " with a savepoint: " + e.cause());
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        String location = awaitSavepoint(jobId, trigger, deadline);
        while (cluster.job(jobId).active()) {
            if (System.nanoTime() > deadline) {
                throw new DeploymentException("savepoint " + location + " was taken, but job " + jobId
                        + " did not stop within " + timeout.toSeconds() + " s");
            }
            JarDeployment.sleep();
        }
        return location;
    }

    private String awaitSavepoint(String jobId, String trigger, long deadline) {
        while (true) {
            JsonNode answer = cluster.rest().get("jobs/" + jobId + "/savepoints/" + trigger);
            if ("COMPLETED".equals(answer.path("status").path("id").asText())) {
                JsonNode operation = answer.path("operation");
                if (operation.has("location")) {
                    return operation.path("location").asText();
                }
                String cause = FlinkCluster.causeLines(operation
                        .path("failure-cause")
                        .path("stack-trace")
                        .asText(operation.path("failure-cause").toString()));
                throw new DeploymentException(
                        "the savepoint of job " + jobId + " failed; the job keeps running:\n  " + cause);
            }
            if (System.nanoTime() > deadline) {
                throw new DeploymentException(
                        "the savepoint of job " + jobId + " did not complete within " + timeout.toSeconds() + " s");
            }
            JarDeployment.sleep();
        }
    }
}
