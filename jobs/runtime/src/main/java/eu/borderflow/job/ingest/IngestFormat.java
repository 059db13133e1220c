package eu.borderflow.job.ingest;

import eu.borderflow.schema.DeadLetter;
import eu.borderflow.schema.serde.DecodeException;
import java.io.IOException;
import org.apache.avro.file.DataFileStream;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.reader.SimpleStreamFormat;
import org.apache.flink.core.fs.FSDataInputStream;
import org.apache.flink.types.Either;

/**
 * Reads an Avro object container file (a dataset file) for a {@code FileSource} and validates each record inside the
 * reader, like {@link IngestDeserializer} for Kafka. One file is one split; a restore re-reads it and skips what was
 * already emitted. A dead letter's offset is the record's position in the file. A block that does not decode ends
 * the file with one UNDECODABLE dead letter (a container file cannot be resynchronised mid-block).
 */
public final class IngestFormat<T extends SpecificRecordBase> extends SimpleStreamFormat<Either<T, DeadLetter>> {

    private static final long serialVersionUID = 1L;

    private final RecordIngest<T> ingest;
    private final String name;

    public IngestFormat(RecordIngest<T> ingest, String name) {
        this.ingest = ingest;
        this.name = name;
    }

    @Override
    public Reader<Either<T, DeadLetter>> createReader(Configuration config, FSDataInputStream stream)
            throws IOException {
        DataFileStream<T> records = new DataFileStream<>(stream, ingest.fileReader());
        return new Reader<>() {
            private long position;
            private boolean broken;

            @Override
            public Either<T, DeadLetter> read() {
                if (broken) {
                    return null;
                }
                long at = position++;
                try {
                    if (!records.hasNext()) {
                        return null;
                    }
                    return ingest.ofDecoded(name, at, records.next());
                } catch (RuntimeException e) {
                    broken = true;
                    return Either.Right(DeadLetters.builder(
                                    ingest.job(), name, DeadLetters.NO_PARTITION, at, DeadLetters.NO_OFFSET, null, null)
                            .reason(
                                    DecodeException.UNDECODABLE,
                                    "a block of " + name + " does not decode ("
                                            + e.getClass().getSimpleName() + "); the rest of the file is not read")
                            .operator(RecordIngest.operator(name))
                            .build());
                }
            }

            @Override
            public void close() throws IOException {
                records.close();
            }
        };
    }

    @Override
    public TypeInformation<Either<T, DeadLetter>> getProducedType() {
        return ingest.producedType();
    }
}
