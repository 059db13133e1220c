package eu.borderflow.tools.replay;

import eu.borderflow.config.TopicNames;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * What to replay and how, and into which topics. {@code status} receives the start line and, when {@code progress} is
 * on, the progress bar; {@code metricsPort} 0 picks a free port; {@code heartbeats} is the interval of the alert
 * changelog's heartbeats ({@link AlertHeartbeatSender}), zero for none; {@code keepAlive}, how often a paced replay
 * that waits for its next record repeats its last heartbeat.
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
        Duration heartbeats,
        Duration keepAlive) {

    /**
     * The default heartbeat interval: as often as the jobs emit watermarks (environments' {@code
     * watermark_interval}), so a heartbeat adds no more to a flag's wait than a watermark does.
     */
    public static final long DEFAULT_HEARTBEAT_MILLIS = 20;

    /** The same, as a duration. */
    public static final Duration DEFAULT_HEARTBEATS = Duration.ofMillis(DEFAULT_HEARTBEAT_MILLIS);

    /**
     * A paced replay waiting this long repeats its last heartbeat, so that the jobs never count the alert changelog's
     * partitions idle while it waits: well within rules.yaml /time/source_idleness (a minute by default). A partition
     * back from idle holds its source's watermark for time.source_resume_hold (2 s), which an alert hit would wait for.
     */
    public static final Duration DEFAULT_KEEP_ALIVE = Duration.ofSeconds(10);

    public ReplayOptions {
        kafkaProperties = Map.copyOf(kafkaProperties);
        if (heartbeats.isNegative()) {
            throw new IllegalArgumentException("the heartbeat interval must not be negative, was " + heartbeats);
        }
        if (keepAlive.isNegative() || keepAlive.isZero()) {
            throw new IllegalArgumentException("the keep-alive interval must be positive, was " + keepAlive);
        }
    }

    /** With the default keep-alive. */
    public ReplayOptions(
            Path in,
            Pacing pacing,
            String bootstrap,
            TopicNames topics,
            int metricsPort,
            PrintWriter status,
            boolean progress,
            Map<String, String> kafkaProperties,
            Duration heartbeats) {
        this(
                in,
                pacing,
                bootstrap,
                topics,
                metricsPort,
                status,
                progress,
                kafkaProperties,
                heartbeats,
                DEFAULT_KEEP_ALIVE);
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
