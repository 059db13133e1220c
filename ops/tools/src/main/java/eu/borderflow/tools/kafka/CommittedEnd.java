package eu.borderflow.tools.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Where committed records end, for a reader that reads a topic up to its end. A broker writes a transaction's commit
 * markers after the commit has returned to the producer, so just after a job has committed, its last transaction can
 * still lie beyond the committed end (the last stable offset). This waits, for a bounded time, until the committed
 * end has reached everything written when it started; a transaction still open by then (a running job's) is left out.
 */
public final class CommittedEnd {

    /** Markers follow a commit within milliseconds; a transaction open longer than this is not being committed now. */
    public static final Duration SETTLE = Duration.ofSeconds(10);

    private static final Duration RETRY = Duration.ofMillis(50);

    private CommittedEnd() {}

    /**
     * The committed end offsets of {@code partitions}; {@code committed} reads with {@code read_committed}, and
     * {@code config} is its configuration (bootstrap and security settings).
     */
    public static Map<TopicPartition, Long> of(
            KafkaConsumer<?, ?> committed, Map<String, Object> config, List<TopicPartition> partitions) {
        Map<String, Object> uncommitted = new HashMap<>(config);
        uncommitted.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
        Map<TopicPartition, Long> written;
        try (KafkaConsumer<byte[], byte[]> all =
                new KafkaConsumer<>(uncommitted, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            written = all.endOffsets(partitions);
        }
        long deadline = System.nanoTime() + SETTLE.toNanos();
        Map<TopicPartition, Long> end = committed.endOffsets(partitions);
        while (behind(end, written) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(RETRY.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            end = committed.endOffsets(partitions);
        }
        return end;
    }

    private static boolean behind(Map<TopicPartition, Long> end, Map<TopicPartition, Long> written) {
        return written.entrySet().stream().anyMatch(w -> end.getOrDefault(w.getKey(), 0L) < w.getValue());
    }
}
