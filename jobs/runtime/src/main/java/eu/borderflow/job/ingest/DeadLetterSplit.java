package eu.borderflow.job.ingest;

import eu.borderflow.schema.DeadLetter;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.types.Either;
import org.apache.flink.util.Collector;

/**
 * Right after a source: valid records go on, dead letters to the side output {@link DeadLetters#TAG}, counted;
 * heartbeats' stand-ins, which have moved the watermark already, end here, counted ({@code heartbeats}).
 */
public final class DeadLetterSplit<T extends SpecificRecordBase> extends ProcessFunction<Either<T, DeadLetter>, T> {

    private static final long serialVersionUID = 1L;

    private final RecordIngest<T> ingest;
    private transient DeadLetterCounters counters;
    private transient Counter heartbeats;

    public DeadLetterSplit(RecordIngest<T> ingest) {
        this.ingest = ingest;
    }

    /** The uid of the split after the source that reads {@code input}. */
    public static String uid(String input) {
        return "dead-letters-off:" + input;
    }

    @Override
    public void open(OpenContext context) {
        counters = new DeadLetterCounters(getRuntimeContext().getMetricGroup());
        if (ingest.takesHeartbeats()) {
            heartbeats = getRuntimeContext().getMetricGroup().counter("heartbeats");
        }
    }

    @Override
    public void processElement(Either<T, DeadLetter> element, Context ctx, Collector<T> out) {
        if (element.isLeft()) {
            if (ingest.isHeartbeat(element.left())) {
                heartbeats.inc();
                return;
            }
            out.collect(element.left());
            return;
        }
        counters.inc(element.right().getReasonCode());
        ctx.output(DeadLetters.TAG, element.right());
    }
}
