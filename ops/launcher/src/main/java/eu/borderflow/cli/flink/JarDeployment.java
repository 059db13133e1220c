package eu.borderflow.cli.flink;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Submits a job jar through the REST API: upload it (replacing older uploads of the same file), run its entry class,
 * then wait until every task runs, or report why the job could not start (e.g. a savepoint it cannot restore).
 */
public final class JarDeployment {

    private static final Duration POLL = Duration.ofMillis(500);
    /**
     * Restarts after which a job that has not started yet is reported as failing to start: Flink's first restarts
     * come within seconds, and a cause that fails a start three times in a row is rarely gone by the fourth.
     */
    private static final int STARTUP_FAILURES = 3;

    private static final Pattern UNMAPPED_OPERATOR =
            Pattern.compile("Cannot map checkpoint/savepoint state for operator (\\S+) to the new program");

    private final FlinkCluster cluster;
    private final Duration startTimeout;

    public JarDeployment(FlinkCluster cluster, Duration startTimeout) {
        this.cluster = cluster;
        this.startTimeout = startTimeout;
    }

    /** What to run: the jar, its entry class and arguments, a parallelism and a savepoint to start from. */
    public record Submission(
            Path jar, String entryClass, List<String> programArgs, Integer parallelism, String savepointPath) {}

    /** Uploads and runs {@code submission}; returns the id of the running job. */
    public String deploy(Submission submission) {
        String jarId = upload(submission.jar());
        String jobId = run(jarId, submission);
        awaitRunning(jobId, submission);
        return jobId;
    }

    private String upload(Path jar) {
        String fileName = jar.getFileName().toString();
        for (JsonNode old : cluster.rest().get("jars").path("files")) {
            if (fileName.equals(old.path("name").asText())) {
                cluster.rest().delete("jars/" + old.path("id").asText());
            }
        }
        try {
            JsonNode answer = cluster.rest().uploadJar(jar);
            String path = answer.path("filename").asText();
            return path.substring(path.lastIndexOf('/') + 1);
        } catch (FlinkRestException e) {
            throw new DeploymentException("the cluster rejected the jar " + jar + ": " + e.cause());
        }
    }

    private String run(String jarId, Submission submission) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("entryClass", submission.entryClass());
        body.put("programArgsList", submission.programArgs());
        if (submission.parallelism() != null) {
            body.put("parallelism", submission.parallelism());
        }
        if (submission.savepointPath() != null) {
            body.put("savepointPath", submission.savepointPath());
            body.put("allowNonRestoredState", false);
        }
        try {
            return cluster.rest()
                    .post("jars/" + jarId + "/run", body)
                    .path("jobid")
                    .asText();
        } catch (FlinkRestException e) {
            String what = submission.savepointPath() == null ? "" : " from savepoint " + submission.savepointPath();
            foreignSavepoint(e.cause(), submission).ifPresent(message -> {
                throw new DeploymentException(message);
            });
            throw new DeploymentException(
                    "the cluster could not run " + submission.entryClass() + what + ": " + e.cause());
        }
    }

    private void awaitRunning(String jobId, Submission submission) {
        String savepointPath = submission.savepointPath();
        String restore = savepointPath == null ? "" : " (restoring " + savepointPath + ")";
        JobHealth health = new JobHealth(cluster);
        long deadline = System.nanoTime() + startTimeout.toNanos();
        while (true) {
            JobSummary job = cluster.job(jobId);
            if (!job.active()) {
                Optional<String> failure = cluster.latestFailure(jobId);
                failure.flatMap(f -> foreignSavepoint(f, submission)).ifPresent(message -> {
                    throw new DeploymentException("job " + jobId + " " + job.state() + ": " + message);
                });
                throw new DeploymentException("job " + jobId + " " + job.state() + " while starting" + restore
                        + failure.map(f -> ":\n  " + f).orElse(""));
            }
            Map<String, String> vertices = cluster.vertexStatus(jobId);
            if ("RUNNING".equals(job.state())
                    && !vertices.isEmpty()
                    && vertices.values().stream().allMatch("RUNNING"::equals)) {
                return;
            }
            JobHealth.Failures failures = health.failures(jobId);
            long restarts = failures.restarts().orElse(0);
            if (restarts >= STARTUP_FAILURES) {
                throw new DeploymentException("job " + jobId + " failed " + restarts + " times while starting" + restore
                        + "; the newest failure: "
                        + failures.newest()
                                .map(FlinkCluster.Failure::innermostCause)
                                .orElse("none recorded") + "\n"
                        + leftOnCluster(job));
            }
            if (System.nanoTime() > deadline) {
                throw new DeploymentException("job " + jobId + " was submitted but its tasks did not all run within "
                        + startTimeout.toSeconds() + " s (job " + job.state() + "; tasks " + byStatus(vertices)
                        + ")"
                        + failures.newest()
                                .map(f -> "; the newest failure: " + f.innermostCause())
                                .orElse("") + "\n"
                        + leftOnCluster(job));
            }
            sleep();
        }
    }

    /** A job that deploy gave up on is still on the cluster: Flink may yet start it, or keep restarting it. */
    private static String leftOnCluster(JobSummary job) {
        String stop = DeployableJob.runningAs(job.name())
                .map(d -> "`ops/borderflow stop " + d.shortName() + "`")
                .orElse("`ops/borderflow stop`");
        return "The job is left on the cluster, where Flink keeps trying: `ops/borderflow jobs` shows whether it comes "
                + "up, " + stop + " cancels it.";
    }

    /** The tasks counted by status, e.g. {@code 1 FAILED, 12 CANCELED}. */
    private static String byStatus(Map<String, String> vertices) {
        return vertices.values().stream()
                .collect(Collectors.groupingBy(status -> status, TreeMap::new, Collectors.counting()))
                .entrySet()
                .stream()
                .map(e -> e.getValue() + " " + e.getKey())
                .collect(Collectors.joining(", "));
    }

    /**
     * Flink's refusal of a savepoint that holds state of an operator the job does not have ({@code
     * allowNonRestoredState} is off), said plainly: usually a savepoint of another job.
     */
    static Optional<String> foreignSavepoint(String failure, Submission submission) {
        Matcher operator = UNMAPPED_OPERATOR.matcher(failure);
        if (submission.savepointPath() == null || !operator.find()) {
            return Optional.empty();
        }
        return Optional.of("savepoint " + submission.savepointPath() + " is not a savepoint of this job: it holds "
                + "the state of operator " + operator.group(1) + ", which " + submission.entryClass()
                + " does not have (a savepoint of another job, or of a version whose operators were removed). "
                + "Deploy from a savepoint this job wrote, or without one.");
    }

    static void sleep() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeploymentException("interrupted");
        }
    }
}
