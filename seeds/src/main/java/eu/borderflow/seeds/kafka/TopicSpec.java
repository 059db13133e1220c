package eu.borderflow.seeds.kafka;

import eu.borderflow.config.ConfigException;
import org.apache.kafka.common.config.TopicConfig;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One topic of {@code config/topics.yaml}: partitions, replication and the topic-level settings borderflow cares about.
 * Durations are optional; a setting left out keeps the broker's default.
 */
public record TopicSpec(int partitions,
                        int replicationFactor,
                        String cleanupPolicy,
                        Duration retention,
                        Duration minCompactionLag) {

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
            throw new ConfigException("topics.yaml " + topic + ": replication_factor must be at least 1, not "
                    + replicationFactor);
        }
        if (cleanupPolicy == null || !CLEANUP_POLICIES.contains(cleanupPolicy)) {
            throw new ConfigException("topics.yaml " + topic + ": cleanup_policy must be one of " + CLEANUP_POLICIES
                    + ", not " + cleanupPolicy);
        }
        requirePositive(topic, "retention", retention);
        requirePositive(topic, "min_compaction_lag", minCompactionLag);
    }

    /** The topic-level Kafka settings this spec fixes, by Kafka's own names. */
    public Map<String, String> kafkaConfigs() {
        Map<String, String> configs = new LinkedHashMap<>();
        configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, cleanupPolicy);
        if (retention != null) {
            configs.put(TopicConfig.RETENTION_MS_CONFIG, Long.toString(retention.toMillis()));
        }
        if (minCompactionLag != null) {
            configs.put(TopicConfig.MIN_COMPACTION_LAG_MS_CONFIG, Long.toString(minCompactionLag.toMillis()));
        }
        return configs;
    }

    private static void requirePositive(String topic, String key, Duration value) {
        if (value != null && (value.isNegative() || value.isZero())) {
            throw new ConfigException("topics.yaml " + topic + ": " + key + " must be positive, not " + value);
        }
    }
}
