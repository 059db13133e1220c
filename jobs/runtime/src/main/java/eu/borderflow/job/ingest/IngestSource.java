package eu.borderflow.job.ingest;

import eu.borderflow.schema.DeadLetter;
import java.util.OptionalInt;
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

    /**
     * How many parallel readers can have work, if the input says (a Kafka topic's partitions); none if any number can.
     */
    default OptionalInt readers() {
        return OptionalInt.empty();
    }

    /**
     * The parallelism this input is read with in a job of {@code jobParallelism}: no more than {@link #readers()}. A
     * reader without a partition has no split whose idleness it could report (README "Readers per input").
     */
    default int parallelism(int jobParallelism) {
        return readers().isPresent() && readers().getAsInt() < jobParallelism
                ? readers().getAsInt()
                : jobParallelism;
    }
}
