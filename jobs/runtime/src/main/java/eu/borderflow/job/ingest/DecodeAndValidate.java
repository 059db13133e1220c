package eu.borderflow.job.ingest;

import eu.borderflow.schema.serde.DecodeException;
import eu.borderflow.schema.serde.SingleObjectSerde;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Kafka bytes to records: what does not decode or validate goes, with its original bytes and source coordinates, to
 * the dead-letter side output and a counter per reason; the job keeps running. Emits a fresh record each time (the
 * serde's buffers are reused, the record is not), so downstream operators may keep what they receive.
 */
public final class DecodeAndValidate<T extends SpecificRecord> extends ProcessFunction<RawRecord, T> {

    private static final long serialVersionUID = 1L;

    private final Class<T> type;
    private final RecordValidator<T> validator;
    private transient SingleObjectSerde<T> serde;
    private transient DeadLetterCounters counters;

    public DecodeAndValidate(Class<T> type, RecordValidator<T> validator) {
        this.type = type;
        this.validator = validator;
    }

    @Override
    public void open(OpenContext context) {
        serde = SingleObjectSerde.of(type);
        counters = new DeadLetterCounters(getRuntimeContext().getMetricGroup());
    }

    @Override
    public void processElement(RawRecord raw, Context ctx, Collector<T> out) {
        T record;
        try {
            record = serde.decode(raw.getValue());
        } catch (DecodeException e) {
            reject(raw, e.reasonCode(), e.getMessage(), ctx);
            return;
        }
        Violation violation = validator.check(record);
        if (violation != null) {
            reject(raw, violation.code(), violation.reason(), ctx);
            return;
        }
        out.collect(record);
    }

    private void reject(RawRecord raw, String code, String reason, Context ctx) {
        counters.inc(code);
        ctx.output(DeadLetters.TAG, DeadLetters.of(raw, code, reason));
    }

    long deadLetterCount(String reasonCode) {
        return counters.count(reasonCode);
    }
}
