package eu.borderflow.job.testing;

import eu.borderflow.job.ingest.IngestSource;
import eu.borderflow.job.ingest.RecordIngest;
import eu.borderflow.schema.DeadLetter;
import java.util.List;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.types.Either;

/** Kafka records as read, from memory: an {@link IngestSource} for tests, one reader, in the given order. */
public final class RawSources {

    private RawSources() {}

    public static <T extends SpecificRecordBase> IngestSource<T> of(List<RawRecord> records) {
        RawRecord[] all = records.toArray(new RawRecord[0]);
        return ingest -> new DataGeneratorSource<>(
                new Generator<>(all, ingest), all.length, RateLimiterStrategy.noOp(), ingest.producedType());
    }

    /** The index-th record, through the job's ingest. */
    private static final class Generator<T extends SpecificRecordBase>
            implements GeneratorFunction<Long, Either<T, DeadLetter>> {

        private static final long serialVersionUID = 1L;

        private final RawRecord[] records;
        private final RecordIngest<T> ingest;

        Generator(RawRecord[] records, RecordIngest<T> ingest) {
            this.records = records;
            this.ingest = ingest;
        }

        @Override
        public Either<T, DeadLetter> map(Long index) {
            RawRecord r = records[index.intValue()];
            return ingest.ofBytes(
                    r.getTopic(), r.getPartition(), r.getOffset(), r.getTimestamp(), r.getKey(), r.getValue());
        }
    }
}
