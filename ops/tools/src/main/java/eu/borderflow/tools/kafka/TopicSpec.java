package eu.borderflow.tools.kafka;

import eu.borderflow.config.ConfigException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.config.TopicConfig;

/**
 * One topic of {@code config/topics.yaml}: partitions, replication and the topic-level settings borderflow cares about.
 * {@code retention} is an ISO-8601 duration or {@code unlimited}; {@code retentionBytes} bounds each partition;
 * {@code segment} is how much record time one log segment spans; {@code recordTimeAheadMax} is how far ahead of the
 * broker's clock a record's timestamp may be (the jobs rely on it: README, "Valid ranges"). A setting left out keeps
 * the broker's default.
 */
public record TopicSpec(
        int partitions,
        int replicationFactor,
        String cleanupPolicy,
        String retention,
        Long retentionBytes,
        Duration minCompactionLag,
        Duration segment,
        Duration recordTimeAheadMax) {

    /** The {@code retention} value that keeps records whatever their age. */
    public static final String UNLIMITED = "unlimited";

    private static final String KAFKA_UNLIMITED = "-1";

    private static final Set<String> CLEANUP_POLICIES = Set.of(
            TopicConfig.CLEANUP_POLICY_DELETE,
            TopicConfig.CLEANUP_POLICY_COMPACT,
            TopicConfig.CLEANUP_POLICY_COMPACT + "," + TopicConfig.CLEANUP_POLICY_DELETE);

    /** Rejects settings the broker would refuse, with a message naming the topic. */
    void validate(String topic) {
        if (partitions < 1) {
            throw new ConfigException("topics.yaml " + topic + ": partitions must be at least 1, not " + partitions);
        }
        if (replicationFactor < 1 || replicationFactor > Short.MAX_VALUE) {
            throw new ConfigException(
                    "topics.yaml " + topic + ": replication_factor must be at least 1, not " + replicationFactor);
        }
        if (cleanupPolicy == null || !CLEANUP_POLICIES.contains(cleanupPolicy)) {
            throw new ConfigException("topics.yaml " + topic + ": cleanup_policy must be one of " + CLEANUP_POLICIES
                    + ", not " + cleanupPolicy);
        }
        if (retention != null && !UNLIMITED.equals(retention)) {
            requirePositive(topic, "retention", retentionDuration(topic));
        }
        if (retentionBytes != null && retentionBytes < 1) {
            throw new ConfigException(
                    "topics.yaml " + topic + ": retention_bytes must be positive, not " + retentionBytes);
        }
        requirePositive(topic, "min_compaction_lag", minCompactionLag);
        requirePositive(topic, "segment", segment);
        requirePositive(topic, "record_time_ahead_max", recordTimeAheadMax);
    }

    /** The topic-level Kafka settings this spec fixes, by Kafka's own names. */
    public Map<String, String> kafkaConfigs() {
        Map<String, String> configs = new LinkedHashMap<>();
        configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, cleanupPolicy);
        if (retention != null) {
            configs.put(
                    TopicConfig.RETENTION_MS_CONFIG,
                    UNLIMITED.equals(retention)
                            ? KAFKA_UNLIMITED
                            : Long.toString(Duration.parse(retention).toMillis()));
        }
        if (retentionBytes != null) {
            configs.put(TopicConfig.RETENTION_BYTES_CONFIG, Long.toString(retentionBytes));
        }
        if (minCompactionLag != null) {
            configs.put(TopicConfig.MIN_COMPACTION_LAG_MS_CONFIG, Long.toString(minCompactionLag.toMillis()));
        }
        if (segment != null) {
            configs.put(TopicConfig.SEGMENT_MS_CONFIG, Long.toString(segment.toMillis()));
        }
        if (recordTimeAheadMax != null) {
            configs.put(
                    TopicConfig.MESSAGE_TIMESTAMP_AFTER_MAX_MS_CONFIG, Long.toString(recordTimeAheadMax.toMillis()));
        }
        return configs;
    }

    private Duration retentionDuration(String topic) {
        try {
            return Duration.parse(retention);
        } catch (DateTimeParseException e) {
            throw new ConfigException(
                    "topics.yaml " + topic + ": retention must be an ISO-8601 duration (P7D) or " + UNLIMITED + ", not "
                            + retention,
                    e);
        }
    }

    private static void requirePositive(String topic, String key, Duration value) {
        if (value != null && (value.isNegative() || value.isZero())) {
            throw new ConfigException("topics.yaml " + topic + ": " + key + " must be positive, not " + value);
        }
    }
}
