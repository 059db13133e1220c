package eu.borderflow.job.ingest;

import eu.borderflow.job.environment.SparseOutput;
import eu.borderflow.schema.DeadLetter;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.DataStreamSink;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/** Collects the dead-letter side output of every operator of a job, for one dead-letter sink. */
public final class DeadLetterStreams {

    private final List<DataStream<DeadLetter>> streams = new ArrayList<>();

    /** Registers {@code operator}'s side output {@link DeadLetters#TAG}; returns the operator for chaining. */
    public <T> SingleOutputStreamOperator<T> from(SingleOutputStreamOperator<T> operator) {
        streams.add(operator.getSideOutput(DeadLetters.TAG));
        return operator;
    }

    /**
     * All dead letters registered so far, each cut to at most {@code maxBytes} ({@link DeadLetterSizeLimit}), into
     * {@code sink}: the job's dead-letter topic or file. They are few, so each is sent on as it comes.
     */
    public DataStreamSink<DeadLetter> sinkTo(Sink<DeadLetter> sink, int maxBytes) {
        return SparseOutput.flushEachRecord(
                        union().map(new DeadLetterSizeLimit(maxBytes), new AvroTypeInfo<>(DeadLetter.class))
                                .uid(DeadLetterSizeLimit.UID)
                                .name("dead letters: fit to size"))
                .sinkTo(sink)
                .uid("deadletters-sink")
                .name("dead letters");
    }

    /** All dead letters registered so far. */
    public DataStream<DeadLetter> union() {
        DataStream<DeadLetter> all = streams.get(0);
        for (DataStream<DeadLetter> more : streams.subList(1, streams.size())) {
            all = all.union(more);
        }
        return all;
    }
}
