package eu.borderflow.picture.ingest;

import eu.borderflow.job.ingest.DeadLetters;
import eu.borderflow.job.ingest.DecodeAndValidate;
import eu.borderflow.job.ingest.RawRecord;
import eu.borderflow.job.ingest.RecordValidator;
import eu.borderflow.job.ingest.ValidateDecoded;
import eu.borderflow.picture.PictureSettings;
import eu.borderflow.schema.DeadLetter;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.flink.api.common.eventtime.SerializableTimestampAssigner;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.util.ArrayList;
import java.util.List;

/**
 * The picture job's inputs read, decoded and validated with jobs/runtime's ingest operators, with event-time
 * watermarks generated in each source per Kafka partition or file split; what does not decode or validate becomes a
 * dead letter.
 */
public final class PictureIngest {

    /** How the watermark of an input's decoded (file) sources is made. */
    public enum FileWatermarks {
        /** From each record's event time: the file is in arrival order. */
        EVENT_TIME,
        /**
         * None until the file ends: a file not in arrival order (the flags of an earlier run, sorted by id) is read
         * whole before any window is published, so none of its records is late.
         */
        AT_END
    }

    private final StreamExecutionEnvironment env;
    private final PictureSettings settings;
    private final List<DataStream<DeadLetter>> deadLetters = new ArrayList<>();

    public PictureIngest(StreamExecutionEnvironment env, PictureSettings settings) {
        this.env = env;
        this.settings = settings;
    }

    /** The valid records of {@code inputs}, timestamped with their event time. */
    public <T extends SpecificRecordBase> DataStream<T> valid(List<PictureInput<T>> inputs, Class<T> type,
            RecordValidator<T> validator, ValidateDecoded.EventTime<T> eventTime, FileWatermarks fileWatermarks) {
        AvroTypeInfo<T> typeInfo = new AvroTypeInfo<>(type);
        DataStream<T> union = null;
        for (PictureInput<T> input : inputs) {
            SingleOutputStreamOperator<T> valid;
            if (input.raw() != null) {
                valid = env.fromSource(input.raw(), watermarks((r, ts) -> r.getTimestamp()),
                                "read " + input.name(), Types.POJO(RawRecord.class))
                        .uid("source:" + input.name())
                        .process(new DecodeAndValidate<>(type, validator), typeInfo)
                        .uid("decode:" + input.name()).name("decode and validate " + input.name());
            } else {
                WatermarkStrategy<T> strategy = fileWatermarks == FileWatermarks.AT_END
                        ? WatermarkStrategy.<T>noWatermarks().withTimestampAssigner((r, ts) -> eventTime.of(r))
                        : watermarks((r, ts) -> eventTime.of(r));
                valid = env.fromSource(input.decoded(), strategy, "read " + input.name(), typeInfo)
                        .uid("source:" + input.name())
                        .process(new ValidateDecoded<>(type, input.name(), validator, eventTime), typeInfo)
                        .uid("validate:" + input.name()).name("validate " + input.name());
            }
            deadLetters.add(valid.getSideOutput(DeadLetters.TAG));
            union = union == null ? valid : union.union(valid);
        }
        return union;
    }

    /** Another operator's dead letters, sent with the inputs'. */
    public void addDeadLetters(DataStream<DeadLetter> more) {
        deadLetters.add(more);
    }

    /** Every dead letter so far, or null when no input was read. */
    public DataStream<DeadLetter> deadLetters() {
        DataStream<DeadLetter> all = null;
        for (DataStream<DeadLetter> stream : deadLetters) {
            all = all == null ? stream : all.union(stream);
        }
        return all;
    }

    private <T> WatermarkStrategy<T> watermarks(SerializableTimestampAssigner<T> eventTime) {
        return WatermarkStrategy.<T>forBoundedOutOfOrderness(settings.outOfOrderness())
                .withTimestampAssigner(eventTime)
                .withIdleness(settings.sourceIdleness());
    }
}
