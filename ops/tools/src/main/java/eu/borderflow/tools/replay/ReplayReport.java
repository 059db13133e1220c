package eu.borderflow.tools.replay;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Outcome of a finished replay: records acknowledged per topic, records Kafka did not take, time taken, and the alert
 * changelog's heartbeats acknowledged (not records of the dataset, so counted apart).
 */
public record ReplayReport(Map<String, Long> sentPerTopic, long failed, Duration elapsed, long heartbeats) {

    private static final double NANOS_PER_SECOND = 1e9;

    public long sent() {
        return sentPerTopic.values().stream().mapToLong(Long::longValue).sum();
    }

    public double eventsPerSecond() {
        return elapsed.isZero() ? 0 : sent() * NANOS_PER_SECOND / elapsed.toNanos();
    }

    /** One line: sent per topic, failed, elapsed, rate, heartbeats. */
    public String summary() {
        String perTopic = sentPerTopic.entrySet().stream()
                .map(e -> String.format("%s %,d", e.getKey(), e.getValue()))
                .collect(Collectors.joining(", "));
        return String.format(
                "sent %,d (%s), failed %,d, in %.1f s, %,.0f events/s; %,d heartbeats",
                sent(), perTopic, failed, elapsed.toMillis() / 1000.0, eventsPerSecond(), heartbeats);
    }
}
