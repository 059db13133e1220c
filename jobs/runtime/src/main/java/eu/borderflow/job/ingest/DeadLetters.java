package eu.borderflow.job.ingest;

import eu.borderflow.schema.DeadLetter;
import java.nio.ByteBuffer;
import java.time.Instant;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.util.OutputTag;

/**
 * The side output every operator sends rejected input to, the reason codes, and how a dead letter is built. A dead
 * letter keeps what lets a person find and re-process the record: the source coordinates (topic or file, partition,
 * offset), its id when it was decoded, and its bytes.
 */
public final class DeadLetters {

    public static final OutputTag<DeadLetter> TAG =
            new OutputTag<>("dead-letters", new AvroTypeInfo<>(DeadLetter.class));
    /** Partition and offset of input that did not come from Kafka (dataset files), or that are not known. */
    public static final int NO_PARTITION = -1;

    public static final long NO_OFFSET = -1L;
    /** An operator failed on the record: a bug or a value no validation foresaw. */
    public static final String PROCESSING_ERROR = "PROCESSING_ERROR";
    /** The record came later than the allowed lateness: behind the watermark by more than it. */
    public static final String LATE = "LATE";

    private DeadLetters() {}

    /** A dead letter of job {@code job} (its {@code job} field) for a record of {@code source}. */
    public static Builder builder(
            String job, String source, int partition, long offset, long timestamp, byte[] key, byte[] value) {
        return new Builder(DeadLetter.newBuilder()
                .setSourceTopic(source)
                .setSourcePartition(partition)
                .setSourceOffset(offset)
                .setOriginalKey(key == null ? null : ByteBuffer.wrap(key))
                .setOriginalValue(value == null ? null : ByteBuffer.wrap(value))
                .setJob(job)
                .setRecordTimestamp(Instant.ofEpochMilli(timestamp))
                .setOriginalSize((key == null ? 0 : key.length) + (value == null ? 0 : value.length)));
    }

    /** A dead letter under construction. */
    public static final class Builder {
        private final DeadLetter.Builder letter;

        private Builder(DeadLetter.Builder letter) {
            this.letter = letter;
        }

        public Builder reason(String code, String reason) {
            letter.setReasonCode(code).setReason(reason);
            return this;
        }

        public Builder operator(String uid) {
            letter.setOperator(uid);
            return this;
        }

        public Builder eventId(String eventId) {
            letter.setEventId(eventId);
            return this;
        }

        /**
         * {@link #PROCESSING_ERROR} in operator {@code uid}: the exception's class only, never its message, which may
         * quote field values.
         */
        public Builder failure(String uid, Throwable failure) {
            return reason(
                            PROCESSING_ERROR,
                            "operator " + uid + " failed on this record with "
                                    + failure.getClass().getName())
                    .operator(uid)
                    .exceptionClass(failure);
        }

        private Builder exceptionClass(Throwable failure) {
            letter.setExceptionClass(failure.getClass().getName());
            return this;
        }

        public DeadLetter build() {
            return letter.build();
        }
    }
}
