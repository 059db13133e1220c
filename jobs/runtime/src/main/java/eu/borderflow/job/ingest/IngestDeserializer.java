package eu.borderflow.job.ingest;

import eu.borderflow.schema.DeadLetter;
import eu.borderflow.schema.serde.ChangelogHeartbeat;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.types.Either;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Decodes and validates each Kafka record inside the source reader, so the per-partition watermark generator only
 * ever sees the event time of a valid record; a rejected record leaves the source as a dead letter. A heartbeat
 * ({@link ChangelogHeartbeat}) on an input that takes them becomes its stand-in, so it moves the partition's watermark.
 */
public final class IngestDeserializer<T extends SpecificRecordBase>
        implements KafkaRecordDeserializationSchema<Either<T, DeadLetter>> {

    private static final long serialVersionUID = 1L;

    private final RecordIngest<T> ingest;

    public IngestDeserializer(RecordIngest<T> ingest) {
        this.ingest = ingest;
    }

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<Either<T, DeadLetter>> out) {
        if (ingest.takesHeartbeats() && record.headers().lastHeader(ChangelogHeartbeat.HEADER) != null) {
            out.collect(ingest.ofHeartbeat(
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    record.timestamp(),
                    record.key(),
                    record.value()));
            return;
        }
        out.collect(ingest.ofBytes(
                record.topic(), record.partition(), record.offset(), record.timestamp(), record.key(), record.value()));
    }

    @Override
    public TypeInformation<Either<T, DeadLetter>> getProducedType() {
        return ingest.producedType();
    }
}
