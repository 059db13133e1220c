package eu.borderflow.job.ingest;

import eu.borderflow.schema.DeadLetter;
import eu.borderflow.schema.serde.ChangelogHeartbeat;
import eu.borderflow.schema.serde.DecodeException;
import eu.borderflow.schema.serde.DecodeLimits;
import eu.borderflow.schema.serde.SingleObjectSerde;
import java.io.Serializable;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.EitherTypeInfo;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.types.Either;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a job accepts from one input, applied inside its source (the Kafka deserializer or the file format) so that
 * only valid records reach the watermark generator: bounded decoding, then the validator. Each record becomes either
 * the valid record (left) or its dead letter (right), which carries the source coordinates and the bytes as read.
 * Not thread-safe (the serde's buffers are reused); each source reader deserialises its own copy.
 */
public final class RecordIngest<T extends SpecificRecordBase> implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(RecordIngest.class);
    private static final AtomicBoolean SLOW_READER_WARNED = new AtomicBoolean();
    /** The dead-letter reason of a Kafka record whose event time lies ahead of its record timestamp. */
    public static final String RECORD_TIME = "VALIDATION_RECORD_TIME";

    /** The record's event time, epoch milliseconds. */
    @FunctionalInterface
    public interface EventTime<T> extends Serializable {
        long of(T record);
    }

    /** The record's own id (event_id, change_id), which a dead letter names. */
    @FunctionalInterface
    public interface RecordId<T> extends Serializable {
        String of(T record);
    }

    private final String job;
    private final Class<T> type;
    private final RecordValidator<T> validator;
    private final EventTime<T> eventTime;
    private final RecordId<T> recordId;
    private final DecodeLimits limits;
    /** Null for an input that takes no heartbeats. */
    private final Heartbeats<T> heartbeats;
    /** How far a Kafka record's event time may lie after its record timestamp; negative: not checked. */
    private final long maxAheadOfRecordTime;

    private transient SingleObjectSerde<T> serde;

    /** The ingest of job {@code job}, whose name its dead letters carry. */
    public RecordIngest(
            String job,
            Class<T> type,
            RecordValidator<T> validator,
            EventTime<T> eventTime,
            RecordId<T> recordId,
            DecodeLimits limits) {
        this(job, type, validator, eventTime, recordId, limits, null, -1);
    }

    private RecordIngest(
            String job,
            Class<T> type,
            RecordValidator<T> validator,
            EventTime<T> eventTime,
            RecordId<T> recordId,
            DecodeLimits limits,
            Heartbeats<T> heartbeats,
            long maxAheadOfRecordTime) {
        this.job = job;
        this.type = type;
        this.validator = validator;
        this.eventTime = eventTime;
        this.recordId = recordId;
        this.limits = limits;
        this.heartbeats = heartbeats;
        this.maxAheadOfRecordTime = maxAheadOfRecordTime;
    }

    /** This ingest, for an input whose producer also writes heartbeats ({@link ChangelogHeartbeat}). */
    public RecordIngest<T> withHeartbeats(Heartbeats<T> heartbeats) {
        return new RecordIngest<>(job, type, validator, eventTime, recordId, limits, heartbeats, maxAheadOfRecordTime);
    }

    /**
     * This ingest, for a Kafka input whose producer stamps each record with its event time (docs/CONTRACTS.md): a
     * record or heartbeat whose time lies more than {@code maxClockSkew} after its record timestamp is a dead letter.
     * The broker refuses record timestamps ahead of its own clock, so this keeps a value from the future (a clock a
     * year ahead, within the ingest window) from moving a partition's watermark past every timer of the job.
     */
    public RecordIngest<T> withRecordTimeBound(Duration maxClockSkew) {
        return new RecordIngest<>(
                job, type, validator, eventTime, recordId, limits, heartbeats, maxClockSkew.toMillis());
    }

    public boolean takesHeartbeats() {
        return heartbeats != null;
    }

    /**
     * A Kafka heartbeat of an input that takes them: its stand-in (left), which carries the heartbeat's time to the
     * watermark generator, or a dead letter when its value holds no time or one that cannot be believed.
     */
    public Either<T, DeadLetter> ofHeartbeat(
            String topic, int partition, long offset, long timestamp, byte[] key, byte[] value) {
        String code;
        String reason;
        try {
            long at = ChangelogHeartbeat.time(value);
            Violation violation = aheadOfRecordTime(at, timestamp)
                    ? Violation.of(Heartbeats.TIME, "the heartbeat's time is " + aheadReason())
                    : heartbeats.check(at);
            if (violation == null) {
                return Either.Left(heartbeats.standIn(at));
            }
            code = violation.code();
            reason = violation.reason();
        } catch (DecodeException e) {
            code = e.reasonCode();
            reason = e.getMessage();
        }
        return Either.Right(DeadLetters.builder(job, topic, partition, offset, timestamp, key, value)
                .reason(code, reason)
                .operator(operator(topic))
                .build());
    }

    /** Whether {@code record}, valid in the source's output, is a heartbeat's stand-in. */
    public boolean isHeartbeat(T record) {
        return heartbeats != null && heartbeats.isStandIn(record);
    }

    /** A Kafka record's bytes: decoded with bounds, then validated. */
    public Either<T, DeadLetter> ofBytes(
            String topic, int partition, long offset, long timestamp, byte[] key, byte[] value) {
        T record;
        try {
            record = serde().decode(value, null, limits);
        } catch (DecodeException e) {
            return Either.Right(DeadLetters.builder(job, topic, partition, offset, timestamp, key, value)
                    .reason(e.reasonCode(), e.getMessage())
                    .operator(operator(topic))
                    .build());
        } catch (RuntimeException | StackOverflowError e) {
            return Either.Right(DeadLetters.builder(job, topic, partition, offset, timestamp, key, value)
                    .failure(operator(topic), e)
                    .build());
        }
        Either<T, DeadLetter> checked = checked(record, topic, partition, offset, key, value);
        if (checked.isLeft() && aheadOfRecordTime(eventTime.of(record), timestamp)) {
            return Either.Right(letter(record, topic, partition, offset, key, value)
                    .reason(RECORD_TIME, "event_time is " + aheadReason())
                    .operator(operator(topic))
                    .build());
        }
        return checked;
    }

    private boolean aheadOfRecordTime(long at, long recordTimestamp) {
        return maxAheadOfRecordTime >= 0 && recordTimestamp >= 0 && at - recordTimestamp > maxAheadOfRecordTime;
    }

    private String aheadReason() {
        return "more than " + Duration.ofMillis(maxAheadOfRecordTime) + " after the Kafka record's timestamp, which the"
                + " producer sets to it and the broker keeps from running ahead of its clock: a time from the future";
    }

    /**
     * A record a file format decoded; a rejected one's dead letter holds its single-object encoding and its
     * position in the file as offset.
     */
    public Either<T, DeadLetter> ofDecoded(String file, long position, T record) {
        return checked(record, file, DeadLetters.NO_PARTITION, position, null, null);
    }

    private Either<T, DeadLetter> checked(
            T record, String source, int partition, long offset, byte[] key, byte[] value) {
        Violation violation;
        try {
            violation = validator.check(record);
        } catch (RuntimeException e) {
            return Either.Right(letter(record, source, partition, offset, key, value)
                    .failure(operator(source), e)
                    .build());
        }
        if (violation == null) {
            return Either.Left(record);
        }
        return Either.Right(letter(record, source, partition, offset, key, value)
                .reason(violation.code(), violation.reason())
                .operator(operator(source))
                .build());
    }

    private DeadLetters.Builder letter(T record, String source, int partition, long offset, byte[] key, byte[] value) {
        long timestamp = safely(() -> eventTime.of(record), DeadLetters.NO_OFFSET);
        return DeadLetters.builder(
                        job, source, partition, offset, timestamp, key, value != null ? value : serde().encode(record))
                .eventId(safely(() -> recordId.of(record), null));
    }

    /** Reading the time or id of a record that failed validation may itself fail (a missing part). */
    private static <V> V safely(Supplier<V> read, V otherwise) {
        try {
            return read.get();
        } catch (RuntimeException e) {
            return otherwise;
        }
    }

    /** The uid of the source that reads {@code input}, which its dead letters name. */
    public static String operator(String input) {
        return "source:" + input;
    }

    /** The job whose ingest this is, as its dead letters name it. */
    public String job() {
        return job;
    }

    public long eventTime(T record) {
        return eventTime.of(record);
    }

    public TypeInformation<Either<T, DeadLetter>> producedType() {
        return new EitherTypeInfo<>(new AvroTypeInfo<>(type), new AvroTypeInfo<>(DeadLetter.class));
    }

    public Class<T> type() {
        return type;
    }

    private SingleObjectSerde<T> serde() {
        if (serde == null) {
            serde = SingleObjectSerde.of(type);
            warnIfSlowReader();
        }
        return serde;
    }

    /** A reader of this input's records in Avro data files. */
    public SpecificDatumReader<T> fileReader() {
        warnIfSlowReader();
        return new SpecificDatumReader<>(type);
    }

    /** Once per JVM: the jobs' figures assume Avro's fast reader, which Avro 1.12 leaves off unless asked. */
    private void warnIfSlowReader() {
        if (!SpecificData.getForClass(type).isFastReaderEnabled() && SLOW_READER_WARNED.compareAndSet(false, true)) {
            LOG.warn("Avro's fast reader is off in this JVM, so decoding costs about a fifth more CPU: start it with"
                    + " -Dorg.apache.avro.fastread=true (README, Deploying to a Flink cluster)");
        }
    }
}
