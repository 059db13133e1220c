package eu.borderflow.tools.replay;

import eu.borderflow.config.TopicNames;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * What to replay and how, and into which topics. {@code status} receives the start line and, when {@code progress} is
 * on, the progress bar; {@code metricsPort} 0 picks a free port; {@code heartbeats} is the interval of the alert
 * changelog's heartbeats ({@link AlertHeartbeatSender}), zero for none.
 */
public record ReplayOptions(
        Path in,
        Pacing pacing,
        String bootstrap,
        TopicNames topics,
        int metricsPort,
        PrintWriter status,
        boolean progress,
        Map<String, String> kafkaProperties,
        Duration heartbeats) {

    /**
     * The default heartbeat interval: as often as the jobs emit watermarks (environments' {@code
     * watermark_interval}), so a heartbeat adds no more to a flag's wait than a watermark does.
     */
    public static final long DEFAULT_HEARTBEAT_MILLIS = 20;

    /** The same, as a duration. */
    public static final Duration DEFAULT_HEARTBEATS = Duration.ofMillis(DEFAULT_HEARTBEAT_MILLIS);

    public ReplayOptions {
        kafkaProperties = Map.copyOf(kafkaProperties);
        if (heartbeats.isNegative()) {
            throw new IllegalArgumentException("the heartbeat interval must not be negative, was " + heartbeats);
        }
    }

    /** With the default heartbeats. */
    public ReplayOptions(
            Path in,
            Pacing pacing,
            String bootstrap,
            TopicNames topics,
            int metricsPort,
            PrintWriter status,
            boolean progress,
            Map<String, String> kafkaProperties) {
        this(in, pacing, bootstrap, topics, metricsPort, status, progress, kafkaProperties, DEFAULT_HEARTBEATS);
    }

    /** Without Kafka client properties: a plaintext broker. */
    public ReplayOptions(
            Path in,
            Pacing pacing,
            String bootstrap,
            TopicNames topics,
            int metricsPort,
            PrintWriter status,
            boolean progress) {
        this(in, pacing, bootstrap, topics, metricsPort, status, progress, Map.of());
    }
}
