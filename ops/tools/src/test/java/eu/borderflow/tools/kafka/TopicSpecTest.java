package eu.borderflow.tools.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.borderflow.config.ConfigException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopicSpecTest {

    @Test
    void mapsToKafkaTopicConfigs() {
        TopicSpec spec = new TopicSpec(
                2, 1, "compact", "P1D", 1024L, Duration.ofHours(2), Duration.ofDays(3), Duration.ofHours(1));
        assertEquals(
                Map.of(
                        "cleanup.policy",
                        "compact",
                        "retention.ms",
                        "86400000",
                        "retention.bytes",
                        "1024",
                        "min.compaction.lag.ms",
                        "7200000",
                        "segment.ms",
                        "259200000",
                        "message.timestamp.after.max.ms",
                        "3600000"),
                spec.kafkaConfigs());
        assertEquals(
                "-1",
                new TopicSpec(1, 1, "delete", "unlimited", null, null, null, null)
                        .kafkaConfigs()
                        .get("retention.ms"));
    }

    @Test
    void refusesWhatTheBrokerWould() {
        ConfigException retention = assertThrows(
                ConfigException.class,
                () -> new TopicSpec(1, 1, "delete", "7 days", null, null, null, null).validate("t"));
        assertTrue(retention.getMessage().startsWith("topics.yaml t: retention must be an ISO-8601 duration"));
        assertThrows(
                ConfigException.class, () -> new TopicSpec(0, 1, "delete", null, null, null, null, null).validate("t"));
        assertThrows(
                ConfigException.class, () -> new TopicSpec(1, 1, "shred", null, null, null, null, null).validate("t"));
        assertThrows(
                ConfigException.class,
                () -> new TopicSpec(1, 1, "delete", "PT0S", null, null, null, null).validate("t"));
        assertThrows(
                ConfigException.class, () -> new TopicSpec(1, 1, "delete", null, 0L, null, null, null).validate("t"));
        assertThrows(
                ConfigException.class,
                () -> new TopicSpec(1, 1, "delete", null, null, null, null, Duration.ZERO).validate("t"));
    }
}
