package eu.borderflow.tools.replay;

import eu.borderflow.schema.serde.AvroFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.avro.file.DataFileStream;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;

/**
 * The next unsent record of one dataset file, read block by block (files can be larger than memory).
 * <p>
 * Replay is a copy, so it decodes only what it needs ({@link RecordProjection}: key, arrival, event time) and takes
 * the Kafka value from the file's bytes: a container file holds the same binary body a single-object message carries,
 * so only the header is put in front. The first record checks this against the shared single-object serde; a file
 * written with another schema version is decoded and re-encoded record by record instead.
 * Any read or decode failure becomes a {@link ReplayInputException} naming the file and the record number.
 */
final class ArrivalCursor implements RecordSource {

    private final ReplayedFile file;
    private final String topic;
    private final Path path;
    private final DataFileStream<?> stream;
    private final RecordProjection projection;
    private final GenericDatumReader<GenericRecord> reader;
    private final Reencoder<?> reencoder;
    private BinaryDecoder decoder;
    /** The decoder's view of what is left of the block, to find where each record's bytes start and end. */
    private InputStream remaining;

    private byte[] block;
    private int blockEnd;
    private long leftInBlock;
    private GenericRecord head;
    private boolean exhausted;
    private int headStart;
    private int headEnd;
    private long arrivalMillis;
    private long read;
    /** Single-object header to put before the file's bytes; null until checked, or when the file needs re-encoding. */
    private byte[] header;

    private boolean reencode;

    private ArrivalCursor(ReplayedFile file, String topic, Path path, DataFileStream<?> stream) {
        this.file = file;
        this.topic = topic;
        this.path = path;
        this.stream = stream;
        this.projection = new RecordProjection(
                SpecificData.get().getSchema(file.type()), file.keyField(), file.arrivalField(), file.eventTimeField());
        GenericData data = new GenericData();
        // Avro's fast reader resolves the projection once instead of walking a parser per field.
        data.setFastReaderEnabled(true);
        this.reader = new GenericDatumReader<>(stream.getSchema(), projection.schema(), data);
        this.reencoder = Reencoder.of(file.type(), stream.getSchema());
    }

    static ArrivalCursor open(ReplayedFile file, Path dir, String topic) {
        Path path = dir.resolve(file.fileName());
        try {
            return new ArrivalCursor(file, topic, path, AvroFiles.open(file.type(), path));
        } catch (IOException | RuntimeException e) {
            throw new ReplayInputException(
                    path + " is not a readable " + file.type().getSimpleName() + " Avro file (" + DatasetCheck.reason(e)
                            + ")",
                    0,
                    e);
        }
    }

    @Override
    public boolean advance() {
        try {
            if (leftInBlock == 0 && !nextBlock()) {
                exhausted = true;
                return false;
            }
            headStart = blockEnd - remaining.available();
            head = reader.read(head, decoder);
            headEnd = blockEnd - remaining.available();
            leftInBlock--;
            read++;
            arrivalMillis = projection.arrivalMillis(head);
        } catch (IOException | RuntimeException e) {
            throw corrupt(e);
        }
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

    @Override
    public boolean exhausted() {
        return exhausted;
    }

    @Override
    public long arrivalMillis() {
        return arrivalMillis;
    }

    @Override
    public long eventTimeMillis() {
        return projection.eventTimeMillis(head);
    }

    @Override
    public byte[] key() {
        return projection.key(head);
    }

    @Override
    public String topic() {
        return topic;
    }

    @Override
    public byte[] encodedValue() {
        try {
            if (header == null && !reencode) {
                checkFileBytesAreTheEncoding();
            }
            if (reencode) {
                return reencoder.encode(block, headStart, headEnd);
            }
        } catch (IOException | RuntimeException e) {
            throw corrupt(e);
        }
        int body = headEnd - headStart;
        byte[] value = Arrays.copyOf(header, header.length + body);
        System.arraycopy(block, headStart, value, header.length, body);
        return value;
    }

    private void checkFileBytesAreTheEncoding() throws IOException {
        byte[] encoded = reencoder.encode(block, headStart, headEnd);
        int headerLength = encoded.length - (headEnd - headStart);
        reencode =
                headerLength <= 0 || !Arrays.equals(encoded, headerLength, encoded.length, block, headStart, headEnd);
        if (!reencode) {
            header = Arrays.copyOf(encoded, headerLength);
        }
    }

    private ReplayInputException corrupt(Exception e) {
        return new ReplayInputException(
                path + ": record " + (read + 1) + " cannot be read (" + DatasetCheck.reason(e) + ")", 0, e);
    }

    @Override
    public void close() throws IOException {
        stream.close();
    }
}
