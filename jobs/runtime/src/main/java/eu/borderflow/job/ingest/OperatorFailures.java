package eu.borderflow.job.ingest;

import eu.borderflow.schema.DeadLetter;
import eu.borderflow.schema.serde.SingleObjectSerde;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.metrics.MetricGroup;

/**
 * How an operator turns a failure on one record (or one timer) into a dead letter instead of failing the job:
 * {@link DeadLetters#PROCESSING_ERROR}, the operator's uid and the exception's class, never its message. The dead
 * letter names the record by its id, and carries its single-object encoding when the operator holds the whole record,
 * so a person can find it on its topic and send it again. Counted per reason like every dead letter.
 */
public final class OperatorFailures implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The job, and what the dead letter names as its source when the record left it before the failure. */
    private final JobInput input;

    private final String uid;
    /** The instance whose counters this one shares (one set of counters per operator), or null. */
    private final OperatorFailures counting;

    private transient DeadLetterCounters counters;

    public OperatorFailures(JobInput input, String uid) {
        this(input, uid, null);
    }

    private OperatorFailures(JobInput input, String uid, OperatorFailures counting) {
        this.input = input;
        this.uid = uid;
        this.counting = counting;
    }

    /** The same operator's failures on records of another input (a two-input operator), counted together. */
    public OperatorFailures forInput(JobInput otherInput) {
        return new OperatorFailures(otherInput, uid, this);
    }

    public void open(MetricGroup metrics) {
        if (counting == null) {
            counters = new DeadLetterCounters(metrics, DeadLetters.PROCESSING_ERROR, DeadLetters.LATE);
        }
    }

    private DeadLetterCounters counters() {
        return counting == null ? counters : counting.counters();
    }

    /** A failure on the record {@code eventId} of event time {@code eventTime}, whose bytes are not at hand. */
    public DeadLetter on(Throwable failure, String eventId, long eventTime) {
        return on(failure, eventId, eventTime, null);
    }

    /** A failure on {@code record}, kept whole in the dead letter. */
    public <T extends SpecificRecord> DeadLetter on(
            Throwable failure, String eventId, long eventTime, T record, SingleObjectSerde<T> serde) {
        byte[] bytes;
        try {
            bytes = serde.encode(record);
        } catch (RuntimeException e) {
            bytes = null;
        }
        return on(failure, eventId, eventTime, bytes);
    }

    private DeadLetter on(Throwable failure, String eventId, long eventTime, byte[] value) {
        counters().inc(DeadLetters.PROCESSING_ERROR);
        return letter(eventTime, value).eventId(eventId).failure(uid, failure).build();
    }

    /** A record that came later than the allowed lateness. */
    public DeadLetter late(String eventId, long eventTime, byte[] value, String reason) {
        counters().inc(DeadLetters.LATE);
        return letter(eventTime, value)
                .eventId(eventId)
                .reason(DeadLetters.LATE, reason)
                .operator(uid)
                .build();
    }

    /**
     * A record at {@code eventTime} judged against {@code watermark}, at least {@code lateness} behind it. The reason
     * names both times, so an operator can tell a record that was really late from a watermark that ran ahead.
     */
    public DeadLetter lateBehind(String eventId, long eventTime, long watermark, Duration lateness, byte[] value) {
        return late(
                eventId,
                eventTime,
                value,
                "event_time " + Instant.ofEpochMilli(eventTime) + " is " + Duration.ofMillis(watermark - eventTime)
                        + " behind the watermark " + Instant.ofEpochMilli(watermark)
                        + ", the allowed lateness (" + lateness + ") or more");
    }

    private DeadLetters.Builder letter(long eventTime, byte[] value) {
        return DeadLetters.builder(
                input.job(), input.name(), DeadLetters.NO_PARTITION, DeadLetters.NO_OFFSET, eventTime, null, value);
    }

    public String uid() {
        return uid;
    }

    long count(String reasonCode) {
        return counters().count(reasonCode);
    }
}
