package eu.borderflow.dashboard.testing;

import eu.borderflow.schema.serde.DecodeException;
import eu.borderflow.schema.serde.SingleObjectSerde;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Writes records to and reads records from the test's topics, Avro single-object encoded as docs/CONTRACTS.md says. */
public final class Topics implements AutoCloseable {

    private final String bootstrap;
    private final KafkaProducer<byte[], byte[]> producer;

    public Topics(String bootstrap) {
        this.bootstrap = bootstrap;
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        this.producer = new KafkaProducer<>(props);
    }

    @SuppressWarnings("unchecked")
    public <T extends SpecificRecord> void send(String topic, int partition, String key, T record, long timestamp)
            throws Exception {
        SingleObjectSerde<T> serde = SingleObjectSerde.of((Class<T>) record.getClass());
        producer.send(new ProducerRecord<>(
                        topic, partition, timestamp, key.getBytes(StandardCharsets.UTF_8), serde.encode(record)))
                .get();
    }

    /**
     * The committed records of a topic (read_committed, from the beginning), waiting up to {@code timeout} until one
     * matches {@code until}.
     */
    public <T extends SpecificRecord> List<T> read(String topic, Class<T> type, Duration timeout, Predicate<T> until)
            throws DecodeException {
        SingleObjectSerde<T> serde = SingleObjectSerde.of(type);
        List<T> out = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = fromTheBeginning(topic)) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    out.add(serde.decode(r.value()));
                }
                if (out.stream().anyMatch(until)) {
                    break;
                }
            }
        }
        return out;
    }

    /** The committed records now there (read until the end offsets found at the start). */
    public <T extends SpecificRecord> List<T> readAll(String topic, Class<T> type) throws DecodeException {
        SingleObjectSerde<T> serde = SingleObjectSerde.of(type);
        List<T> out = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = fromTheBeginning(topic)) {
            Map<TopicPartition, Long> ends = consumer.endOffsets(consumer.assignment());
            while (ends.keySet().stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    out.add(serde.decode(r.value()));
                }
            }
        }
        return out;
    }

    /** A read_committed consumer of every partition of {@code topic}, at their beginning. */
    private KafkaConsumer<byte[], byte[]> fromTheBeginning(String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props);
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }

    @Override
    public void close() {
        producer.close();
    }
}
