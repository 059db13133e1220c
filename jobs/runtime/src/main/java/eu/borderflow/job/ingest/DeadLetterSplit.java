package eu.borderflow.job.ingest;

import eu.borderflow.schema.DeadLetter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.types.Either;
import org.apache.flink.util.Collector;

/** Right after a source: valid records go on, dead letters to the side output {@link DeadLetters#TAG}, counted. */
public final class DeadLetterSplit<T> extends ProcessFunction<Either<T, DeadLetter>, T> {

    private static final long serialVersionUID = 1L;

    private transient DeadLetterCounters counters;

    @Override
    public void open(OpenContext context) {
        counters = new DeadLetterCounters(getRuntimeContext().getMetricGroup());
    }

    @Override
    public void processElement(Either<T, DeadLetter> element, Context ctx, Collector<T> out) {
        if (element.isLeft()) {
            out.collect(element.left());
            return;
        }
        counters.inc(element.right().getReasonCode());
        ctx.output(DeadLetters.TAG, element.right());
    }

    long deadLetterCount(String reasonCode) {
        return counters.count(reasonCode);
    }
}
