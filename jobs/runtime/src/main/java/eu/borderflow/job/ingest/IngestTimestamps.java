package eu.borderflow.job.ingest;

import eu.borderflow.schema.DeadLetter;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.flink.api.common.eventtime.SerializableTimestampAssigner;
import org.apache.flink.types.Either;

/**
 * Event time of what a source emits: a valid record's own, and for a dead letter {@link Long#MIN_VALUE}, which never
 * advances a watermark (a watermark generator keeps the largest timestamp it has seen).
 */
public final class IngestTimestamps<T extends SpecificRecordBase>
        implements SerializableTimestampAssigner<Either<T, DeadLetter>> {

    private static final long serialVersionUID = 1L;

    private final RecordIngest<T> ingest;

    public IngestTimestamps(RecordIngest<T> ingest) {
        this.ingest = ingest;
    }

    @Override
    public long extractTimestamp(Either<T, DeadLetter> element, long recordTimestamp) {
        return element.isLeft() ? ingest.eventTime(element.left()) : Long.MIN_VALUE;
    }
}
