package eu.borderflow.cli.flink;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** A job's checkpoints, restarts and newest failure, and its sources' lag, from the REST API. */
public final class JobHealth {

    private static final String PENDING_RECORDS = ".pendingRecords";
    /** The Kafka consumer's own lag, reported before the connector's pendingRecords (which waits for a first fetch). */
    private static final String RECORDS_LAG_MAX = ".records-lag-max";
    /** The Kafka consumer's open connections: the lag metrics keep their last value while no broker answers. */
    private static final String CONNECTION_COUNT = ".KafkaConsumer.connection-count";
    /**
     * A source (re)started this recently may not have connected yet, or the REST API (which fetches the metrics every
     * 10 s, Flink's metrics.fetcher.update-interval) may not have its connections yet: no verdict on them before.
     */
    private static final long CONNECTION_GRACE_MILLIS = 30_000;

    private final FlinkCluster cluster;

    public JobHealth(FlinkCluster cluster) {
        this.cluster = cluster;
    }

    /** The newest completed checkpoint (if any) and how many completed and failed so far. */
    public record Checkpoints(
            long completed,
            long failed,
            OptionalLong lastId,
            OptionalLong lastAckMillis,
            OptionalLong lastDurationMillis,
            OptionalLong lastSizeBytes,
            OptionalLong lastFailedId,
            OptionalLong lastFailedMillis,
            Optional<String> lastFailureMessage) {

        /** The newest checkpoint failed after the newest completed one (or none completed yet): they fail now. */
        public boolean failing() {
            return lastFailedId.isPresent() && (lastId.isEmpty() || lastFailedId.getAsLong() > lastId.getAsLong());
        }
    }

    /**
     * Records the job's Kafka sources have not read yet (empty while they report none), and whether the sources hold
     * no connection to any broker now, so that lag is only the last value they read.
     */
    public record SourceLag(OptionalLong records, boolean disconnected) {}

    /** How often the job restarted (if it reports it) and the newest failure it recorded. */
    public record Failures(OptionalLong restarts, Optional<FlinkCluster.Failure> newest) {}

    public Checkpoints checkpoints(String jobId) {
        JsonNode answer = cluster.rest().get("jobs/" + jobId + "/checkpoints");
        JsonNode counts = answer.path("counts");
        JsonNode last = answer.path("latest").path("completed");
        boolean any = last.isObject() && last.has("id");
        JsonNode failed = answer.path("latest").path("failed");
        boolean anyFailed = failed.isObject() && failed.has("id");
        return new Checkpoints(
                counts.path("completed").asLong(),
                counts.path("failed").asLong(),
                any ? OptionalLong.of(last.path("id").asLong()) : OptionalLong.empty(),
                any ? OptionalLong.of(last.path("latest_ack_timestamp").asLong()) : OptionalLong.empty(),
                any ? OptionalLong.of(last.path("end_to_end_duration").asLong()) : OptionalLong.empty(),
                any ? OptionalLong.of(last.path("checkpointed_size").asLong()) : OptionalLong.empty(),
                anyFailed ? OptionalLong.of(failed.path("id").asLong()) : OptionalLong.empty(),
                anyFailed ? OptionalLong.of(failed.path("failure_timestamp").asLong()) : OptionalLong.empty(),
                anyFailed ? Optional.ofNullable(failed.path("failure_message").asText(null)) : Optional.empty());
    }

    /**
     * The job's restarts (the {@code numRestarts} metric) and its newest recorded failure.
     */
    public Failures failures(String jobId) {
        OptionalLong restarts = OptionalLong.empty();
        for (JsonNode metric : cluster.rest().get("jobs/" + jobId + "/metrics?get=numRestarts")) {
            restarts = OptionalLong.of(metric.path("value").asLong());
        }
        return new Failures(restarts, cluster.newestFailure(jobId));
    }

    /**
     * Records the job's Kafka sources have not read yet: the connector's {@code pendingRecords}, summed over the
     * subtasks of every source (before a source's first fetch, its consumer's {@code records-lag-max}); and whether
     * every source consumer that reports its connections has none, once the sources have run for a while.
     */
    public SourceLag sourceLag(String jobId) {
        long total = 0;
        boolean reported = false;
        long connections = 0;
        boolean connectionsReported = false;
        boolean settled = true;
        JsonNode job = cluster.rest().get("jobs/" + jobId);
        long now = job.path("now").asLong(System.currentTimeMillis());
        for (JsonNode vertex : job.path("vertices")) {
            if (!vertex.path("name").asText().startsWith("Source")) {
                continue;
            }
            long started = vertex.path("start-time").asLong(-1);
            settled &= started > 0 && now - started >= CONNECTION_GRACE_MILLIS;
            String path = "jobs/" + jobId + "/vertices/" + vertex.path("id").asText() + "/subtasks/metrics";
            List<String> pending = new ArrayList<>();
            List<String> consumerLag = new ArrayList<>();
            List<String> connectionCounts = new ArrayList<>();
            for (JsonNode metric : cluster.rest().get(path)) {
                String id = metric.path("id").asText();
                if (id.endsWith(PENDING_RECORDS)) {
                    pending.add(id);
                } else if (id.endsWith(RECORDS_LAG_MAX)) {
                    consumerLag.add(id);
                } else if (id.endsWith(CONNECTION_COUNT)) {
                    connectionCounts.add(id);
                }
            }
            OptionalLong lag = sum(path, pending.isEmpty() ? consumerLag : pending);
            if (lag.isPresent()) {
                total += lag.getAsLong();
                reported = true;
            }
            OptionalLong open = sum(path, connectionCounts);
            if (open.isPresent()) {
                connections += open.getAsLong();
                connectionsReported = true;
            }
        }
        return new SourceLag(
                reported ? OptionalLong.of(total) : OptionalLong.empty(),
                settled && connectionsReported && connections == 0);
    }

    /** The metrics {@code names} summed over the subtasks; empty when there are none or none has a value yet. */
    private OptionalLong sum(String path, List<String> names) {
        if (names.isEmpty()) {
            return OptionalLong.empty();
        }
        long total = 0;
        boolean reported = false;
        for (JsonNode value : cluster.rest().get(path + "?agg=sum&get=" + String.join(",", names))) {
            if (value.has("sum")) {
                total += (long) value.path("sum").asDouble();
                reported = true;
            }
        }
        return reported ? OptionalLong.of(total) : OptionalLong.empty();
    }
}
