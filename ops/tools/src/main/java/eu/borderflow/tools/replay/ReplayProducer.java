package eu.borderflow.tools.replay;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** The producer replay publishes with: durable (acks=all, idempotent) and tuned for throughput with big batches. */
final class ReplayProducer {

    /** Time a batch waits to fill; replay is bulk, so a little latency buys much larger batches. */
    private static final int LINGER_MS = 50;
    /** Per-partition batch: ~5,000 crossings (about 200 B each with key and record overhead). */
    private static final int BATCH_BYTES = 1024 * 1024;

    private static final long BUFFER_BYTES = 64L * 1024 * 1024;
    /**
     * Uncompressed: replay feeds a local broker, where bytes cost nothing on the wire, while lz4 costs CPU twice on
     * a box whose cores the producer and broker share (the producer compresses, the broker decompresses each batch
     * to validate it). Measured ~10 % more records/s on a warm broker, for replay and ProducerPerformance alike;
     * topics take ~1.5x the disk.
     */
    private static final String COMPRESSION = "none";
    /**
     * The OS's own TCP send buffer, which grows with the traffic, instead of Kafka's fixed 128 KiB: a produce request
     * carries up to a 1 MiB batch per partition, and a small buffer cuts it into many writes, each waiting for the
     * socket to drain. Measured 10-20 % more records/s for replay and ProducerPerformance, and ~0.8 CPU-seconds less
     * per replay of 932k records.
     */
    private static final int SEND_BUFFER_OS_DEFAULT = -1;
    /**
     * Room for several partitions' batches in one produce request; Kafka's default (1 MiB) holds one full batch, and
     * replay fills eight partitions at once. Fewer, fuller requests: measured ~20 % more events/s. Batches stay at
     * {@link #BATCH_BYTES}, within the broker's message.max.bytes.
     */
    private static final int MAX_REQUEST_BYTES = 4 * BATCH_BYTES;
    /** An unreachable broker makes send() fail after this long instead of blocking for a minute. */
    private static final int MAX_BLOCK_MS = 10_000;

    private static final int REQUEST_TIMEOUT_MS = 10_000;
    /** Upper bound for a record to be acknowledged, retries included. */
    private static final int DELIVERY_TIMEOUT_MS = 30_000;

    private ReplayProducer() {}

    /**
     * {@code clientProperties} (security settings, or tuning such as a longer {@code delivery.timeout.ms} to ride out a
     * broker restart) override the settings here; acks=all and idempotence always hold.
     */
    static Producer<byte[], byte[]> create(String bootstrap, Map<String, String> clientProperties) {
        Map<String, Object> config = new HashMap<>(Map.ofEntries(
                Map.entry(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                Map.entry(ProducerConfig.CLIENT_ID_CONFIG, "borderflow-replay"),
                Map.entry(ProducerConfig.ACKS_CONFIG, "all"),
                Map.entry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                Map.entry(ProducerConfig.LINGER_MS_CONFIG, LINGER_MS),
                Map.entry(ProducerConfig.BATCH_SIZE_CONFIG, BATCH_BYTES),
                Map.entry(ProducerConfig.BUFFER_MEMORY_CONFIG, BUFFER_BYTES),
                Map.entry(ProducerConfig.COMPRESSION_TYPE_CONFIG, COMPRESSION),
                Map.entry(ProducerConfig.SEND_BUFFER_CONFIG, SEND_BUFFER_OS_DEFAULT),
                Map.entry(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, MAX_REQUEST_BYTES),
                Map.entry(ProducerConfig.MAX_BLOCK_MS_CONFIG, MAX_BLOCK_MS),
                Map.entry(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, REQUEST_TIMEOUT_MS),
                Map.entry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, DELIVERY_TIMEOUT_MS)));
        config.putAll(clientProperties);
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    }
}
