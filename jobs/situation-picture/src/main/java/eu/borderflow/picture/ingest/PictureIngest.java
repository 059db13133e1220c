package eu.borderflow.picture.ingest;

import eu.borderflow.job.ingest.DeadLetterSplit;
import eu.borderflow.job.ingest.DeadLetterStreams;
import eu.borderflow.job.ingest.IngestTimestamps;
import eu.borderflow.job.ingest.RecordIngest;
import eu.borderflow.picture.PictureSettings;
import eu.borderflow.schema.DeadLetter;
import java.util.List;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.types.Either;

/**
 * The picture job's inputs read with jobs/runtime's ingest, as the risk job reads its own: decoding and validation
 * inside each source (bounded decoding, then the validator), watermarks generated there from valid records only, per
 * Kafka partition or file split, and dead letters split off right after the source.
 */
public final class PictureIngest {

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
    private final PictureSettings settings;
    private final DeadLetterStreams deadLetters;

    public PictureIngest(StreamExecutionEnvironment env, PictureSettings settings, DeadLetterStreams deadLetters) {
        this.env = env;
        this.settings = settings;
        this.deadLetters = deadLetters;
    }

    /** The valid records of {@code inputs}, timestamped with their event time. */
    public <T extends SpecificRecordBase> DataStream<T> valid(
            List<PictureInput<T>> inputs, RecordIngest<T> ingest, Watermarks watermarks) {
        AvroTypeInfo<T> typeInfo = new AvroTypeInfo<>(ingest.type());
        DataStream<T> union = null;
        for (PictureInput<T> input : inputs) {
            DataStream<T> valid = deadLetters.from(env.fromSource(
                            input.source().create(ingest),
                            strategy(ingest, watermarks),
                            "read " + input.name(),
                            ingest.producedType())
                    .uid(RecordIngest.operator(input.name()))
                    .process(new DeadLetterSplit<>(ingest), typeInfo)
                    .uid("dead-letters-off:" + input.name())
                    .name("dead letters off " + input.name()));
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
        return WatermarkStrategy.<Either<T, DeadLetter>>forBoundedOutOfOrderness(settings.outOfOrderness())
                .withTimestampAssigner(new IngestTimestamps<>(ingest))
                .withIdleness(settings.sourceIdleness());
    }
}
