package eu.borderflow.job.sink;

import eu.borderflow.schema.serde.SingleObjectSerde;
import java.io.Serializable;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Kafka records of the job's outputs: value single-object encoded (one serde per sink subtask, buffers reused), key
 * chosen per topic (CONTRACTS.md), Kafka timestamp = the record's event time.
 */
public final class AvroKafkaSerializer<T extends SpecificRecord> implements KafkaRecordSerializationSchema<T> {

    private static final long serialVersionUID = 1L;

    /** The Kafka key of a record. */
    @FunctionalInterface
    public interface Key<T> extends Serializable {
        byte[] of(T record);
    }

    /** The Kafka timestamp of a record, epoch milliseconds; null for the producer's clock. */
    @FunctionalInterface
    public interface Timestamp<T> extends Serializable {
        Long of(T record);
    }

    private final Class<T> type;
    private final String topic;
    private final Key<T> key;
    private final Timestamp<T> timestamp;
    private transient SingleObjectSerde<T> serde;

    public AvroKafkaSerializer(Class<T> type, String topic, Key<T> key, Timestamp<T> timestamp) {
        this.type = type;
        this.topic = topic;
        this.key = key;
        this.timestamp = timestamp;
    }

    @Override
    public void open(SerializationSchema.InitializationContext context, KafkaSinkContext sinkContext) {
        serde = SingleObjectSerde.of(type);
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(T record, KafkaSinkContext context, Long ignoredTimestamp) {
        if (serde == null) {
            serde = SingleObjectSerde.of(type);
        }
        return new ProducerRecord<>(topic, null, timestamp.of(record), key.of(record), serde.encode(record));
    }
}
