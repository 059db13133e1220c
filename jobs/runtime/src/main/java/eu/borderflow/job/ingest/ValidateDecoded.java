package eu.borderflow.job.ingest;

import eu.borderflow.schema.serde.SingleObjectSerde;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

import java.io.Serializable;

/**
 * Validation of records that arrive decoded (dataset files). A rejected record becomes a dead letter whose value is
 * its single-object encoding and whose source is the input's name, with no partition or offset.
 */
public final class ValidateDecoded<T extends SpecificRecord> extends ProcessFunction<T, T> {

    private static final long serialVersionUID = 1L;

    /** The record's event time in epoch milliseconds: the dead letter's record timestamp. */
    @FunctionalInterface
    public interface EventTime<T> extends Serializable {
        long of(T record);
    }

    private final Class<T> type;
    private final String sourceName;
    private final RecordValidator<T> validator;
    private final EventTime<T> eventTime;
    private transient SingleObjectSerde<T> serde;
    private transient DeadLetterCounters counters;

    public ValidateDecoded(Class<T> type, String sourceName, RecordValidator<T> validator, EventTime<T> eventTime) {
        this.type = type;
        this.sourceName = sourceName;
        this.validator = validator;
        this.eventTime = eventTime;
    }

    @Override
    public void open(OpenContext context) {
        serde = SingleObjectSerde.of(type);
        counters = new DeadLetterCounters(getRuntimeContext().getMetricGroup());
    }

    @Override
    public void processElement(T record, Context ctx, Collector<T> out) {
        Violation violation = validator.check(record);
        if (violation == null) {
            out.collect(record);
            return;
        }
        counters.inc(violation.code());
        ctx.output(DeadLetters.TAG, DeadLetters.of(sourceName, DeadLetters.NO_PARTITION, DeadLetters.NO_OFFSET,
                eventTime.of(record), null, serde.encode(record), violation.code(), violation.reason()));
    }

    long deadLetterCount(String reasonCode) {
        return counters.count(reasonCode);
    }
}
