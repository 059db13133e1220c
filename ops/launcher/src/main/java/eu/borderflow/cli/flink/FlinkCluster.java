package eu.borderflow.cli.flink;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the launcher asks of a session cluster: its slots, its jobs, and cancelling one. */
public final class FlinkCluster {

    private static final String SAVEPOINT_DIR = "execution.checkpointing.savepoint-dir";
    /** Flink's wrapper of a TaskManager's exception on the JobManager, in front of the exception it carries. */
    private static final String SERIALIZED_THROWABLE = "org.apache.flink.util.SerializedThrowable: ";

    private final FlinkRestClient rest;

    public FlinkCluster(FlinkRestClient rest) {
        this.rest = rest;
    }

    public FlinkRestClient rest() {
        return rest;
    }

    /** Slots of the registered TaskManagers. */
    public record Slots(int total, int available, int taskManagers) {}

    public Slots slots() {
        JsonNode overview = rest.get("overview");
        return new Slots(
                overview.path("slots-total").asInt(),
                overview.path("slots-available").asInt(),
                overview.path("taskmanagers").asInt());
    }

    /** Every job the cluster knows, newest first. */
    public List<JobSummary> jobs() {
        List<JobSummary> jobs = new ArrayList<>();
        for (JsonNode job : rest.get("jobs/overview").path("jobs")) {
            jobs.add(new JobSummary(
                    job.path("jid").asText(),
                    job.path("name").asText(),
                    job.path("state").asText(),
                    job.path("start-time").asLong()));
        }
        jobs.sort(Comparator.comparingLong(JobSummary::startTime).reversed());
        return jobs;
    }

    /** The active job running under {@code flinkName}, if any. */
    public Optional<JobSummary> activeJob(String flinkName) {
        return jobs().stream()
                .filter(j -> j.name().equals(flinkName) && j.active())
                .findFirst();
    }

    public JobSummary job(String jobId) {
        JsonNode job = rest.get("jobs/" + jobId);
        return new JobSummary(
                jobId,
                job.path("name").asText(),
                job.path("state").asText(),
                job.path("start-time").asLong());
    }

    /** The job's vertices with their status, e.g. {@code read ees.crossings -> RUNNING}. */
    public Map<String, String> vertexStatus(String jobId) {
        Map<String, String> status = new java.util.LinkedHashMap<>();
        for (JsonNode vertex : rest.get("jobs/" + jobId).path("vertices")) {
            status.put(vertex.path("name").asText(), vertex.path("status").asText());
        }
        return status;
    }

    /** Cancels the job and waits until it has stopped. */
    public void cancel(String jobId, Duration timeout) {
        rest.patch("jobs/" + jobId + "?mode=cancel");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (job(jobId).active()) {
            if (System.nanoTime() > deadline) {
                throw new DeploymentException("job " + jobId + " did not cancel within " + timeout.toSeconds() + " s");
            }
            JarDeployment.sleep();
        }
    }

    /** The cluster's default savepoint folder ({@code execution.checkpointing.savepoint-dir}), if it has one. */
    public Optional<String> savepointDirectory() {
        for (JsonNode entry : rest.get("jobmanager/config")) {
            if (SAVEPOINT_DIR.equals(entry.path("key").asText())) {
                return Optional.of(entry.path("value").asText());
            }
        }
        return Optional.empty();
    }

    /** A failure the job recorded: when, and its cause lines (stack frames left out). */
    public record Failure(long atMillis, String causeLines) {

        /**
         * The innermost cause, which says what went wrong where Flink's outer exceptions say how the job reacted
         * ("Recovery is suppressed by ...").
         */
        public String innermostCause() {
            List<String> lines = causeLines.lines().toList();
            return lines.get(lines.size() - 1)
                    .strip()
                    .replaceFirst("^Caused by: ", "")
                    .replaceFirst("^" + SERIALIZED_THROWABLE, "");
        }
    }

    /** The newest failure the job recorded, if any. */
    public Optional<Failure> newestFailure(String jobId) {
        JsonNode entries = rest.get("jobs/" + jobId + "/exceptions?maxExceptions=1")
                .path("exceptionHistory")
                .path("entries");
        if (entries.isEmpty()) {
            return Optional.empty();
        }
        JsonNode newest = entries.get(0);
        return Optional.of(new Failure(
                newest.path("timestamp").asLong(),
                causeLines(newest.path("stacktrace")
                        .asText(newest.path("exceptionName").asText()))));
    }

    /** The newest failure's cause lines, if the job recorded one. */
    public Optional<String> latestFailure(String jobId) {
        return newestFailure(jobId).map(Failure::causeLines);
    }

    /** The first line of a stack trace and its "Caused by" lines: what a person needs to know. */
    static String causeLines(String stacktrace) {
        List<String> lines = new ArrayList<>();
        for (String line : stacktrace.split("\n")) {
            String trimmed = line.strip();
            if (lines.isEmpty() && !trimmed.isEmpty()) {
                lines.add(trimmed);
            } else if (trimmed.startsWith("Caused by: ")) {
                lines.add(trimmed);
            }
        }
        return String.join("\n  ", lines);
    }
}
