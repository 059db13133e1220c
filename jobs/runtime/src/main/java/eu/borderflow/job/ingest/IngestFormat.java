package eu.borderflow.job.ingest;

import eu.borderflow.schema.DeadLetter;
import eu.borderflow.schema.serde.DecodeException;
import java.io.IOException;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.reader.StreamFormat;
import org.apache.flink.core.fs.FSDataInputStream;
import org.apache.flink.formats.avro.utils.FSDataInputStreamWrapper;
import org.apache.flink.types.Either;

/**
 * Reads an Avro object container file (a dataset file) for a {@code FileSource} and validates each record inside the
 * reader, like {@link IngestDeserializer} for Kafka. One file is one split; a restore re-reads it and skips what was
 * already emitted (no checkpointed position: the reader is deterministic). A dead letter's offset is the record's
 * position in the file.
 * <p>
 * A block that does not decode (a damaged or truncated file) becomes one UNDECODABLE dead letter that names the
 * block's byte position, and reading resumes at the next block, found by the file's sync marker: one damaged block
 * loses its own records, not the rest of the file.
 */
public final class IngestFormat<T extends SpecificRecordBase> implements StreamFormat<Either<T, DeadLetter>> {

    private static final long serialVersionUID = 1L;

    private final RecordIngest<T> ingest;
    private final String name;

    public IngestFormat(RecordIngest<T> ingest, String name) {
        this.ingest = ingest;
        this.name = name;
    }

    @Override
    public Reader<Either<T, DeadLetter>> createReader(
            Configuration config, FSDataInputStream stream, long fileLen, long splitEnd) throws IOException {
        return new ContainerReader(
                new DataFileReader<>(new FSDataInputStreamWrapper(stream, fileLen), ingest.fileReader()), fileLen);
    }

    @Override
    public Reader<Either<T, DeadLetter>> restoreReader(
            Configuration config, FSDataInputStream stream, long restoredOffset, long fileLen, long splitEnd)
            throws IOException {
        // The reader reports no position, so a restore starts at the file's start and the source skips the records
        // it had emitted.
        return createReader(config, stream, fileLen, splitEnd);
    }

    @Override
    public boolean isSplittable() {
        return false;
    }

    @Override
    public TypeInformation<Either<T, DeadLetter>> getProducedType() {
        return ingest.producedType();
    }

    private final class ContainerReader implements Reader<Either<T, DeadLetter>> {

        private final DataFileReader<T> records;
        private final long fileLen;
        private long position;
        private boolean ended;

        ContainerReader(DataFileReader<T> records, long fileLen) {
            this.records = records;
            this.fileLen = fileLen;
        }

        @Override
        public Either<T, DeadLetter> read() throws IOException {
            if (ended) {
                return null;
            }
            long at = position++;
            T record;
            try {
                if (!records.hasNext()) {
                    return cutShort(at);
                }
                record = records.next();
            } catch (RuntimeException e) {
                return Either.Right(skipBlock(at, e));
            }
            return ingest.ofDecoded(name, at, record);
        }

        /**
         * Avro ends a file that stops inside a block as if it ended there: the block's start, not the file's end,
         * then shows the cut.
         */
        private Either<T, DeadLetter> cutShort(long at) {
            long block = records.previousSync();
            ended = true;
            if (block >= fileLen) {
                return null;
            }
            return Either.Right(letter(
                    at, "the file ends inside the block at byte " + block + ", which is not read (a truncated file?)"));
        }

        /** Moves past the block that failed to the next sync marker, or to the end of the file. */
        private DeadLetter skipBlock(long at, RuntimeException e) throws IOException {
            long block = records.previousSync();
            records.sync(block + 1);
            long resumed = records.previousSync();
            ended = resumed >= fileLen;
            return letter(
                    at,
                    "the block at byte " + block + " does not decode ("
                            + e.getClass().getSimpleName()
                            + "): its records not read yet are skipped and "
                            + (ended
                                    ? "no block follows (a truncated file?)"
                                    : "reading resumes at the next block, byte " + resumed));
        }

        private DeadLetter letter(long at, String what) {
            return DeadLetters.builder(
                            ingest.job(), name, DeadLetters.NO_PARTITION, at, DeadLetters.NO_OFFSET, null, null)
                    .reason(DecodeException.UNDECODABLE, name + ": " + what)
                    .operator(RecordIngest.operator(name))
                    .build();
        }

        @Override
        public void close() throws IOException {
            records.close();
        }
    }
}
