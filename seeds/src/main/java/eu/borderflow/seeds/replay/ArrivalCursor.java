package eu.borderflow.seeds.replay;

import eu.borderflow.schema.serde.AvroFiles;
import eu.borderflow.schema.serde.SingleObjectSerde;
import org.apache.avro.file.DataFileStream;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The next unsent record of one dataset file, read block by block (files can be larger than memory) into a reused
 * record. The Kafka value reuses the record's bytes from the file: a container file holds the same binary body a
 * single-object message carries, so only the header is added, with no re-encoding. This is checked on the first record
 * against {@link SingleObjectSerde}; a file written with another schema version is re-encoded record by record.
 * Any read or decode failure becomes a {@link ReplayInputException} naming the file and the record number.
 */
final class ArrivalCursor<T extends SpecificRecord> implements Closeable {

    private final ReplayedFile<T> file;
    private final Path path;
    private final DataFileStream<T> stream;
    private final SpecificDatumReader<T> reader;
    private final SingleObjectSerde<T> serde;
    private BinaryDecoder decoder;
    /** The decoder's view of what is left of the block, to find where each record's bytes start and end. */
    private InputStream remaining;
    private byte[] block;
    private int blockEnd;
    private long leftInBlock;
    private T head;
    private int headStart;
    private int headEnd;
    private long arrivalMillis;
    private long read;
    /** Single-object header to put before the file's bytes; null until checked, or when the file needs re-encoding. */
    private byte[] header;
    private boolean reencode;

    private ArrivalCursor(ReplayedFile<T> file, Path path, DataFileStream<T> stream) {
        this.file = file;
        this.path = path;
        this.stream = stream;
        SpecificData model = SpecificData.getForClass(file.type());
        // Avro's fast reader decodes the same records without a resolving parser per field (about twice as fast).
        model.setFastReaderEnabled(true);
        this.reader = new SpecificDatumReader<>(stream.getSchema(), model.getSchema(file.type()), model);
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
            if (leftInBlock == 0 && !nextBlock()) {
                head = null;
                return false;
            }
            headStart = blockEnd - remaining.available();
            head = reader.read(head, decoder);
            headEnd = blockEnd - remaining.available();
            leftInBlock--;
        } catch (IOException | RuntimeException e) {
            throw new ReplayInputException(path + ": record " + (read + 1) + " cannot be read ("
                    + DatasetCheck.reason(e) + ")", 0, e);
        }
        read++;
        arrivalMillis = file.arrivalMillis().applyAsLong(head);
        return true;
    }

    private boolean nextBlock() throws IOException {
        if (decoder != null && !decoder.isEnd()) {
            throw new IOException("block holds more bytes than its records");
        }
        if (!stream.hasNext()) {
            return false;
        }
        leftInBlock = stream.getBlockCount();
        ByteBuffer bytes = stream.nextBlock();
        block = bytes.array();
        int start = bytes.arrayOffset() + bytes.position();
        blockEnd = start + bytes.remaining();
        decoder = DecoderFactory.get().binaryDecoder(block, start, bytes.remaining(), decoder);
        remaining = decoder.inputStream();
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

    /** The head record, Avro single-object encoded. */
    byte[] encodedValue() {
        if (header == null && !reencode) {
            checkFileBytesAreTheEncoding();
        }
        if (reencode) {
            return serde.encode(head);
        }
        int body = headEnd - headStart;
        byte[] value = Arrays.copyOf(header, header.length + body);
        System.arraycopy(block, headStart, value, header.length, body);
        return value;
    }

    private void checkFileBytesAreTheEncoding() {
        byte[] encoded = serde.encode(head);
        int headerLength = encoded.length - (headEnd - headStart);
        reencode = headerLength <= 0 || !Arrays.equals(encoded, headerLength, encoded.length,
                block, headStart, headEnd);
        if (!reencode) {
            header = Arrays.copyOf(encoded, headerLength);
        }
    }

    String topic() {
        return file.topic();
    }

    @Override
    public void close() throws IOException {
        stream.close();
    }
}
