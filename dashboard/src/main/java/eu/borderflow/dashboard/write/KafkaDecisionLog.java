package eu.borderflow.dashboard.write;

import eu.borderflow.config.TopicNames;
import eu.borderflow.schema.AuditRecord;
import eu.borderflow.schema.FlagReview;
import eu.borderflow.schema.SectionLevelChange;
import eu.borderflow.schema.serde.SingleObjectSerde;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reviews, level changes and audit records into Kafka, one transaction per decision, so a read_committed reader sees a
 * review together with its audit record or neither. Keys and timestamps follow docs/CONTRACTS.md. The producer is made
 * on first use, so the dashboard starts while the broker is still down; after a fatal error it is made again.
 */
public final class KafkaDecisionLog implements DecisionLog {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaDecisionLog.class);

    private final Properties props = new Properties();
    private final TopicNames topics;
    private final Duration timeout;
    private final SingleObjectSerde<FlagReview> reviews = SingleObjectSerde.of(FlagReview.class);
    private final SingleObjectSerde<SectionLevelChange> levels = SingleObjectSerde.of(SectionLevelChange.class);
    private final SingleObjectSerde<AuditRecord> audits = SingleObjectSerde.of(AuditRecord.class);
    private KafkaProducer<byte[], byte[]> producer;

    public KafkaDecisionLog(String bootstrap, String transactionalId, TopicNames topics, Duration timeout) {
        this.topics = topics;
        this.timeout = timeout;
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "borderflow-dashboard");
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, String.valueOf(timeout.toMillis()));
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(timeout.toMillis()));
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, String.valueOf(timeout.toMillis() * 2));
        props.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, String.valueOf(Math.max(60_000, timeout.toMillis() * 3)));
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    }

    @Override
    public synchronized void review(FlagReview review, AuditRecord audit) throws WriteRefusedException {
        write(
                List.of(
                        record(
                                topics.getReviews(),
                                review.getFlagId(),
                                review.getDecidedAt().toEpochMilli(),
                                reviews.encode(review)),
                        auditRecord(audit)),
                "review");
    }

    @Override
    public synchronized void levelChange(SectionLevelChange change, AuditRecord audit) throws WriteRefusedException {
        write(
                List.of(
                        record(
                                topics.getSectionLevels(),
                                change.getSectionId(),
                                change.getChangedAt().toEpochMilli(),
                                levels.encode(change)),
                        auditRecord(audit)),
                "level change");
    }

    @Override
    public synchronized void audit(AuditRecord audit) throws WriteRefusedException {
        write(List.of(auditRecord(audit)), "audit record");
    }

    @Override
    public boolean takesDecisions() {
        return true;
    }

    private ProducerRecord<byte[], byte[]> auditRecord(AuditRecord audit) {
        return record(topics.getAudit(), audit.getAuditId(), audit.getAt().toEpochMilli(), audits.encode(audit));
    }

    private static ProducerRecord<byte[], byte[]> record(String topic, String key, long timestamp, byte[] value) {
        return new ProducerRecord<>(topic, null, timestamp, key.getBytes(StandardCharsets.UTF_8), value);
    }

    private void write(List<ProducerRecord<byte[], byte[]>> records, String what) throws WriteRefusedException {
        KafkaProducer<byte[], byte[]> p;
        try {
            p = producer();
        } catch (KafkaException e) {
            discard();
            throw refused(what, e);
        }
        try {
            p.beginTransaction();
            for (ProducerRecord<byte[], byte[]> r : records) {
                p.send(r);
            }
            p.commitTransaction();
        } catch (ProducerFencedException | OutOfOrderSequenceException | AuthorizationException e) {
            discard();
            throw refused(what, e);
        } catch (KafkaException e) {
            try {
                p.abortTransaction();
            } catch (KafkaException abortFailed) {
                discard();
            }
            throw refused(what, e);
        }
    }

    private KafkaProducer<byte[], byte[]> producer() {
        if (producer == null) {
            KafkaProducer<byte[], byte[]> p = new KafkaProducer<>(props);
            try {
                p.initTransactions();
            } catch (KafkaException e) {
                p.close(Duration.ZERO);
                throw e;
            }
            producer = p;
        }
        return producer;
    }

    private void discard() {
        if (producer != null) {
            producer.close(Duration.ZERO);
            producer = null;
        }
    }

    private WriteRefusedException refused(String what, KafkaException e) {
        LOG.warn("dashboard: {} not written: {}", what, e.toString());
        return new WriteRefusedException(
                "the " + what + " was not written: Kafka did not take it within " + timeout.toSeconds() + " s ("
                        + e.getClass().getSimpleName() + "); nothing was recorded, try again",
                false,
                e);
    }

    @Override
    public synchronized void close() {
        if (producer != null) {
            producer.close(timeout);
            producer = null;
        }
    }
}
