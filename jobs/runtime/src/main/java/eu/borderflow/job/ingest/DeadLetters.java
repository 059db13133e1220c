package eu.borderflow.job.ingest;

import eu.borderflow.schema.DeadLetter;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.util.OutputTag;

import java.nio.ByteBuffer;
import java.time.Instant;

/** The side output every ingest operator sends rejected input to, and how a dead letter is built. */
public final class DeadLetters {

    /** Written into every dead letter's {@code job} field. */
    public static final String JOB = "risk-flag-job";
    public static final OutputTag<DeadLetter> TAG = new OutputTag<>("dead-letters", new AvroTypeInfo<>(DeadLetter.class));
    /** Partition and offset of input that did not come from Kafka (dataset files). */
    public static final int NO_PARTITION = -1;
    public static final long NO_OFFSET = -1L;

    private DeadLetters() {
    }

    public static DeadLetter of(RawRecord raw, String reasonCode, String reason) {
        return of(raw.getTopic(), raw.getPartition(), raw.getOffset(), raw.getTimestamp(), raw.getKey(), raw.getValue(),
                reasonCode, reason);
    }

    public static DeadLetter of(String topic, int partition, long offset, long timestamp, byte[] key, byte[] value,
                                String reasonCode, String reason) {
        return DeadLetter.newBuilder()
                .setSourceTopic(topic)
                .setSourcePartition(partition)
                .setSourceOffset(offset)
                .setOriginalKey(key == null ? null : ByteBuffer.wrap(key))
                .setOriginalValue(value == null ? null : ByteBuffer.wrap(value))
                .setReasonCode(reasonCode)
                .setReason(reason)
                .setJob(JOB)
                .setRecordTimestamp(Instant.ofEpochMilli(timestamp))
                .build();
    }
}
