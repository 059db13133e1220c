package eu.borderflow.risk;

import eu.borderflow.job.ingest.DeadLetterStreams;
import eu.borderflow.schema.AlertChange;
import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.RiskFlag;
import eu.borderflow.schema.serde.SingleObjectSerde;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * The baseline of {@code bench job}: the job with no rules. Built by the same {@link RiskFlagJob.Builder} with the
 * same sources, decoding, validation, watermarks, admission and sinks, it only re-encodes every admitted crossing and
 * alert change (what a sink does with a record) and raises no flag, so the difference to the risk job is the rules.
 */
public final class PassthroughStage implements RuleStage {

    public static final String UID = "passthrough-reencode";

    @Override
    public DataStream<RiskFlag> apply(
            DataStream<BorderCrossing> crossings,
            DataStream<AlertChange> alerts,
            RiskSettings settings,
            DeadLetterStreams deadLetters) {
        AvroTypeInfo<RiskFlag> flags = new AvroTypeInfo<>(RiskFlag.class);
        return crossings
                .process(new Reencode<>(BorderCrossing.class), flags)
                .uid(UID + "-crossings")
                .name("passthrough: re-encode crossings, no rules")
                .union(alerts.process(new Reencode<>(AlertChange.class), flags)
                        .uid(UID + "-alerts")
                        .name("passthrough: re-encode alert changes, no rules"));
    }

    /** Encodes each record as it would go to Kafka, counts its bytes, emits nothing. */
    private static final class Reencode<T extends SpecificRecord> extends ProcessFunction<T, RiskFlag> {

        private static final long serialVersionUID = 1L;
        private final Class<T> type;
        private transient SingleObjectSerde<T> serde;
        private transient Counter bytes;

        Reencode(Class<T> type) {
            this.type = type;
        }

        @Override
        public void open(OpenContext context) {
            serde = SingleObjectSerde.of(type);
            bytes = getRuntimeContext().getMetricGroup().counter("passthroughBytes");
        }

        @Override
        public void processElement(T record, Context ctx, Collector<RiskFlag> out) {
            bytes.inc(serde.encode(record).length);
        }
    }
}
