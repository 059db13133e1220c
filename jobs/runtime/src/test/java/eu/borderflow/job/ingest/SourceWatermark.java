package eu.borderflow.job.ingest;

import eu.borderflow.schema.DeadLetter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.types.Either;
import org.apache.flink.util.clock.ManualClock;

/** The watermark a source's generator emits after what {@link RecordIngest} made of some records, as the jobs set it up. */
final class SourceWatermark {

    private SourceWatermark() {}

    /** Long.MIN_VALUE when nothing moved it. */
    static <T extends SpecificRecordBase> long after(
            RecordIngest<T> ingest, Duration outOfOrderness, List<Either<T, DeadLetter>> elements) {
        WatermarkGenerator<Either<T, DeadLetter>> generator = ResumingWatermarks.forIngest(
                ingest,
                new SourceTiming(outOfOrderness, Duration.ofMinutes(1), Duration.ofSeconds(2)),
                new ManualClock(1));
        IngestTimestamps<T> timestamps = new IngestTimestamps<>(ingest);
        for (Either<T, DeadLetter> element : elements) {
            generator.onEvent(element, timestamps.extractTimestamp(element, 0L), null);
        }
        List<Long> emitted = new ArrayList<>();
        generator.onPeriodicEmit(new WatermarkOutput() {
            @Override
            public void emitWatermark(Watermark watermark) {
                emitted.add(watermark.getTimestamp());
            }

            @Override
            public void markIdle() {}

            @Override
            public void markActive() {}
        });
        return emitted.get(0);
    }
}
