package eu.borderflow.tools.evaluate;

import eu.borderflow.schema.serde.DecodeException;
import eu.borderflow.schema.serde.SingleObjectSerde;
import eu.borderflow.tools.kafka.CommittedEnd;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * A topic read from the beginning to the committed end found when reading starts ({@link CommittedEnd}: a commit
 * just made is included), committed records only ({@code read_committed}), without a consumer group. Records that do not decode are counted, not returned.
 */
public record TopicSnapshot<T>(List<T> records, int undecodable) {

    private static final Duration POLL = Duration.ofMillis(200);
    /** How long to wait for the broker before telling the user it cannot be reached. */
    private static final Duration BROKER_TIMEOUT = Duration.ofSeconds(15);

    /**
     * Reads {@code topic} as records of {@code type}; {@code clientProperties} (security settings) are applied first,
     * so read_committed and the bounded waits always hold.
     */
    public static <T extends SpecificRecord> TopicSnapshot<T> read(
            String bootstrap, Map<String, String> clientProperties, String topic, Class<T> type) {
        SingleObjectSerde<T> serde = SingleObjectSerde.of(type);
        List<T> records = new ArrayList<>();
        int undecodable = 0;
        Map<String, Object> config = new HashMap<>(clientProperties);
        config.putAll(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed",
                ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                (int) BROKER_TIMEOUT.toMillis(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false));
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            if (partitions.isEmpty()) {
                throw new EvaluationInputException("no topic " + topic + " on " + bootstrap, null);
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = CommittedEnd.of(consumer, config, partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    if (record.offset() >= end.get(new TopicPartition(record.topic(), record.partition()))) {
                        continue;
                    }
                    try {
                        records.add(serde.decode(record.value()));
                    } catch (DecodeException e) {
                        undecodable++;
                    }
                }
            }
        } catch (KafkaException e) {
            throw new EvaluationInputException(
                    "cannot read topic " + topic + " from " + bootstrap + ": " + e.getMessage(), e);
        }
        return new TopicSnapshot<>(records, undecodable);
    }
}
