package eu.borderflow.job.ingest;

import eu.borderflow.job.environment.SparseOutput;
import eu.borderflow.schema.DeadLetter;
import java.util.List;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.types.Either;

/**
 * A job's inputs as streams of valid records. Decoding and validation happen inside each source ({@link
 * RecordIngest}), and watermarks are generated there too, per Kafka partition or file split: one reader interleaves
 * several partitions, each in arrival order, and a watermark taken after the reader would run ahead of the slowest
 * partition and make its records late. Only a valid record's event time (or a heartbeat's) reaches the watermark
 * generator: a dead letter has the timestamp Long.MIN_VALUE, which never advances one, and is split off right after
 * the source ({@link DeadLetterSplit}).
 */
public final class IngestStreams {

    /** How the watermark of an input is made. */
    public enum Watermarks {
        /** From each record's event time, the input being in arrival order (topics, dataset files). */
        EVENT_TIME,
        /**
         * None until the input ends: a bounded file not in arrival order (the flags of an earlier run, sorted by id)
         * is read whole before any window is published, so none of its records is late.
         */
        AT_END
    }

    private final StreamExecutionEnvironment env;
    private final DeadLetterStreams deadLetters;
    private final SourceTiming timing;
    private final boolean sparse;

    /** {@code timing}: how each split's watermark is made ({@link ResumingWatermarks}). */
    public IngestStreams(StreamExecutionEnvironment env, DeadLetterStreams deadLetters, SourceTiming timing) {
        this(env, deadLetters, timing, false);
    }

    private IngestStreams(
            StreamExecutionEnvironment env, DeadLetterStreams deadLetters, SourceTiming timing, boolean sparse) {
        this.env = env;
        this.deadLetters = deadLetters;
        this.timing = timing;
        this.sparse = sparse;
    }

    /** The same streams with sources whose watermarks are made by {@code other}. */
    public IngestStreams withTiming(SourceTiming other) {
        return new IngestStreams(env, deadLetters, other, sparse);
    }

    /**
     * The same streams for inputs whose records are few (alert changes, incidents, flags, level changes): the
     * operator after each source flushes every record it sends on and starts no output flusher ({@link
     * SparseOutput}). An operator the caller chains after it and that sends the records on must flush each too.
     */
    public IngestStreams sparse() {
        return new IngestStreams(env, deadLetters, timing, true);
    }

    /** The valid records of {@code inputs}, in arrival order, timestamped with their event time. */
    public <T extends SpecificRecordBase> DataStream<T> valid(List<NamedSource<T>> inputs, RecordIngest<T> ingest) {
        return valid(inputs, ingest, Watermarks.EVENT_TIME);
    }

    /** The valid records of {@code inputs}, timestamped with their event time. */
    public <T extends SpecificRecordBase> DataStream<T> valid(
            List<NamedSource<T>> inputs, RecordIngest<T> ingest, Watermarks watermarks) {
        AvroTypeInfo<T> typeInfo = new AvroTypeInfo<>(ingest.type());
        DataStream<T> union = null;
        for (NamedSource<T> input : inputs) {
            SingleOutputStreamOperator<T> valid = deadLetters.from(env.fromSource(
                            input.source().create(ingest),
                            strategy(ingest, watermarks),
                            "read " + input.name(),
                            ingest.producedType())
                    .uid(RecordIngest.operator(input.name()))
                    .process(new DeadLetterSplit<>(ingest), typeInfo)
                    .uid(DeadLetterSplit.uid(input.name()))
                    .name("dead letters off " + input.name()));
            if (sparse) {
                SparseOutput.flushEachRecord(valid);
            }
            union = union == null ? valid : union.union(valid);
        }
        return union;
    }

    private <T extends SpecificRecordBase> WatermarkStrategy<Either<T, DeadLetter>> strategy(
            RecordIngest<T> ingest, Watermarks watermarks) {
        if (watermarks == Watermarks.AT_END) {
            return WatermarkStrategy.<Either<T, DeadLetter>>noWatermarks()
                    .withTimestampAssigner(new IngestTimestamps<>(ingest));
        }
        // The supplier is serialised with the job: it takes the timing, not this.
        SourceTiming timing = this.timing;
        return WatermarkStrategy.<Either<T, DeadLetter>>forGenerator(
                        context -> ResumingWatermarks.forIngest(ingest, timing, context.getInputActivityClock()))
                .withTimestampAssigner(new IngestTimestamps<>(ingest));
    }
}
