package eu.borderflow.tools.replay;

import eu.borderflow.config.TopicNames;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;

/**
 * What to replay and how, and into which topics. {@code status} receives the start line and, when {@code progress} is
 * on, the progress bar; {@code metricsPort} 0 picks a free port.
 */
public record ReplayOptions(
        Path in,
        Pacing pacing,
        String bootstrap,
        TopicNames topics,
        int metricsPort,
        PrintWriter status,
        boolean progress,
        Map<String, String> kafkaProperties) {

    public ReplayOptions {
        kafkaProperties = Map.copyOf(kafkaProperties);
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
