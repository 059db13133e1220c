package eu.borderflow.seeds.replay;

import eu.borderflow.schema.serde.AvroFiles;
import eu.borderflow.schema.serde.SingleObjectSerde;
import org.apache.avro.file.DataFileStream;
import org.apache.avro.specific.SpecificRecord;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The next unsent record of one dataset file, read one at a time (the files can be larger than memory) into a reused
 * record. Any read or decode failure becomes a {@link ReplayInputException} naming the file and the record number.
 */
final class ArrivalCursor<T extends SpecificRecord> implements Closeable {

    private final ReplayedFile<T> file;
    private final Path path;
    private final DataFileStream<T> stream;
    private final SingleObjectSerde<T> serde;
    private T head;
    private long arrivalMillis;
    private long read;

    private ArrivalCursor(ReplayedFile<T> file, Path path, DataFileStream<T> stream) {
        this.file = file;
        this.path = path;
        this.stream = stream;
        this.serde = SingleObjectSerde.of(file.type());
    }

    static <T extends SpecificRecord> ArrivalCursor<T> open(ReplayedFile<T> file, Path dir) {
        Path path = dir.resolve(file.fileName());
        try {
            return new ArrivalCursor<>(file, path, AvroFiles.open(file.type(), path));
        } catch (IOException | RuntimeException e) {
            throw new ReplayInputException(path + " is not a readable " + file.type().getSimpleName()
                    + " Avro file (" + DatasetCheck.reason(e) + ")", 0, e);
        }
    }

    /** Moves to the next record; false at the end of the file. */
    boolean advance() {
        try {
            if (!stream.hasNext()) {
                head = null;
                return false;
            }
            head = stream.next(head);
        } catch (IOException | RuntimeException e) {
            throw new ReplayInputException(path + ": record " + (read + 1) + " cannot be read ("
                    + DatasetCheck.reason(e) + ")", 0, e);
        }
        read++;
        arrivalMillis = file.arrivalMillis().applyAsLong(head);
        return true;
    }

    boolean exhausted() {
        return head == null;
    }

    long arrivalMillis() {
        return arrivalMillis;
    }

    long eventTimeMillis() {
        return file.eventTimeMillis().applyAsLong(head);
    }

    String key() {
        return file.key().apply(head);
    }

    byte[] encodedValue() {
        return serde.encode(head);
    }

    String topic() {
        return file.topic();
    }

    @Override
    public void close() throws IOException {
        stream.close();
    }
}
