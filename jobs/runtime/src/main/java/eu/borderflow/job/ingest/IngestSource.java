package eu.borderflow.job.ingest;

import eu.borderflow.schema.DeadLetter;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.types.Either;

/**
 * One input of a job (a Kafka topic, a dataset file, a test's records), given the job's {@link RecordIngest} so that
 * decoding and validation happen inside the source: valid records (left) and dead letters (right).
 */
@FunctionalInterface
public interface IngestSource<T extends SpecificRecordBase> {

    Source<Either<T, DeadLetter>, ?, ?> create(RecordIngest<T> ingest);
}
