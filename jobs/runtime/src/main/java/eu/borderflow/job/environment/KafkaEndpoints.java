package eu.borderflow.job.environment;

import eu.borderflow.config.TopicNames;
import eu.borderflow.job.ingest.IngestDeserializer;
import eu.borderflow.job.ingest.IngestSource;
import eu.borderflow.job.ingest.RecordIngest;
import eu.borderflow.job.sink.AvroKafkaSerializer;
import eu.borderflow.schema.AlertChange;
import eu.borderflow.schema.AuditRecord;
import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.DeadLetter;
import eu.borderflow.schema.RiskFlag;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.types.Either;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * A job's Kafka sources (read_committed, decoded and validated inside the source) and exactly-once sinks for one
 * environment. Keys follow docs/CONTRACTS.md: flags by flag_id, dead letters by their source key, audit by audit_id;
 * a job adds its own inputs and outputs through {@link #input} and {@link #sink}.
 */
public final class KafkaEndpoints {

    private final KafkaSettings kafka;
    private final TopicNames topics;
    private final boolean stopAtStartupEnd;
    private final DeliveryGuarantee guarantee;

    private KafkaEndpoints(
            KafkaSettings kafka, TopicNames topics, boolean stopAtStartupEnd, DeliveryGuarantee guarantee) {
        this.kafka = kafka;
        this.topics = topics;
        this.stopAtStartupEnd = stopAtStartupEnd;
        this.guarantee = guarantee;
    }

    /** Streams until cancelled. */
    public static KafkaEndpoints streaming(JobEnvironment environment) {
        return streaming(environment.getKafka(), environment.getTopics());
    }

    /** Streams until cancelled, with the group and transactional ids of {@code kafka}. */
    public static KafkaEndpoints streaming(KafkaSettings kafka, TopicNames topics) {
        return new KafkaEndpoints(kafka, topics, false, DeliveryGuarantee.EXACTLY_ONCE);
    }

    /** Reads up to the end offsets found at start and then finishes (tests, one-off catch-up runs). */
    public static KafkaEndpoints untilEndAtStart(JobEnvironment environment) {
        return untilEndAtStart(environment.getKafka(), environment.getTopics());
    }

    public static KafkaEndpoints untilEndAtStart(KafkaSettings kafka, TopicNames topics) {
        return new KafkaEndpoints(kafka, topics, true, DeliveryGuarantee.EXACTLY_ONCE);
    }

    /**
     * The same endpoints with at-least-once sinks: flags visible as soon as they are written, not at the next
     * checkpoint, and possibly twice after a restart (the latency benchmark's other mode).
     */
    public KafkaEndpoints atLeastOnce() {
        return new KafkaEndpoints(kafka, topics, stopAtStartupEnd, DeliveryGuarantee.AT_LEAST_ONCE);
    }

    public TopicNames topics() {
        return topics;
    }

    public IngestSource<BorderCrossing> crossings() {
        return input(topics.getCrossings());
    }

    public IngestSource<AlertChange> alerts() {
        return input(topics.getAlerts());
    }

    /** Records of any topic, read_committed, from the environment's starting offsets. */
    public <T extends SpecificRecordBase> IngestSource<T> input(String topic) {
        return ingest -> source(topic, ingest);
    }

    public KafkaSink<RiskFlag> flags() {
        return sink(
                new AvroKafkaSerializer<>(
                        RiskFlag.class,
                        topics.getFlags(),
                        f -> utf8(f.getFlagId()),
                        f -> f.getEventTime().toEpochMilli()),
                "flags");
    }

    public KafkaSink<DeadLetter> deadLetters() {
        return sink(
                new AvroKafkaSerializer<>(
                        DeadLetter.class,
                        topics.getDeadLetters(),
                        // The time of the rejection, not the record's own: a rejected record's event time may be one no
                        // broker accepts (year 9999), and the dead letter must never fail its sink.
                        d -> d.getOriginalKey() == null ? null : bytes(d),
                        d -> null),
                "deadletters");
    }

    public KafkaSink<AuditRecord> audit() {
        return sink(
                new AvroKafkaSerializer<>(
                        AuditRecord.class,
                        topics.getAudit(),
                        a -> utf8(a.getAuditId()),
                        a -> a.getAt().toEpochMilli()),
                "audit");
    }

    private <T extends SpecificRecordBase> KafkaSource<Either<T, DeadLetter>> source(
            String topic, RecordIngest<T> ingest) {
        KafkaSourceBuilder<Either<T, DeadLetter>> builder = KafkaSource.<Either<T, DeadLetter>>builder()
                .setProperties(clientProperties())
                .setBootstrapServers(kafka.getBootstrapServers())
                .setGroupId(kafka.getGroupId())
                .setTopics(topic)
                .setStartingOffsets(startingOffsets())
                .setDeserializer(new IngestDeserializer<>(ingest))
                .setProperty(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        if (stopAtStartupEnd) {
            builder.setBounded(OffsetsInitializer.latest());
        }
        return builder.build();
    }

    private OffsetsInitializer startingOffsets() {
        return switch (kafka.getStartingOffsets()) {
            case EARLIEST -> OffsetsInitializer.earliest();
            case LATEST -> OffsetsInitializer.latest();
            case COMMITTED -> OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST);
        };
    }

    /**
     * An exactly-once sink; its transactional ids are the environment's prefix, a dash and {@code output}, which must
     * be unique among the job's sinks.
     */
    public <T extends SpecificRecordBase> KafkaSink<T> sink(AvroKafkaSerializer<T> serializer, String output) {
        return KafkaSink.<T>builder()
                .setKafkaProducerConfig(clientProperties())
                .setBootstrapServers(kafka.getBootstrapServers())
                .setRecordSerializer(serializer)
                .setDeliveryGuarantee(guarantee)
                .setTransactionalIdPrefix(kafka.getTransactionalIdPrefix() + "-" + output)
                .setProperty(
                        ProducerConfig.TRANSACTION_TIMEOUT_CONFIG,
                        String.valueOf(kafka.getTransactionTimeout().toMillis()))
                .build();
    }

    /** The environment's client properties (security settings); the settings set after them win. */
    private Properties clientProperties() {
        Properties properties = new Properties();
        properties.putAll(kafka.getProperties());
        return properties;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] bytes(DeadLetter d) {
        byte[] key = new byte[d.getOriginalKey().remaining()];
        d.getOriginalKey().duplicate().get(key);
        return key;
    }
}
