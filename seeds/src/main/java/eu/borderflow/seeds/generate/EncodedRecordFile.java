package eu.borderflow.seeds.generate;

import eu.borderflow.schema.serde.AvroFiles;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.apache.avro.file.DataFileConstants;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.specific.SpecificRecord;

/**
 * An Avro container file of records already encoded: exactly the bytes {@link DataFileWriter#appendEncoded} writes
 * (the header of {@link AvroFiles#create}, a block closed as soon as it holds the default sync interval, the same sync
 * marker), without that writer's buffer, a {@code ByteArrayOutputStream} whose synchronised methods cost a few percent
 * of generating ninety million records.
 */
final class EncodedRecordFile implements Closeable {

    private final OutputStream out;
    private final byte[] sync;
    private final AvroBytes block = new AvroBytes();
    private final AvroBytes blockHeader = new AvroBytes();
    private long records;

    private EncodedRecordFile(OutputStream out, byte[] sync) {
        this.out = out;
        this.sync = sync;
    }

    /** A file of {@code type} records written into {@code out} (closed with the file), marked as from {@code syncSeed}. */
    static EncodedRecordFile create(Class<? extends SpecificRecord> type, OutputStream out, String syncSeed)
            throws IOException {
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        AvroFiles.create(type, header, syncSeed).close();
        byte[] bytes = header.toByteArray();
        out.write(bytes);
        // A container file's header ends with its sync marker.
        return new EncodedRecordFile(
                out, Arrays.copyOfRange(bytes, bytes.length - DataFileConstants.SYNC_SIZE, bytes.length));
    }

    /** Appends one record's encoding (from the buffer's position to its limit). */
    void appendEncoded(ByteBuffer record) throws IOException {
        block.raw(record.array(), record.arrayOffset() + record.position(), record.remaining());
        records++;
        if (block.position() >= DataFileConstants.DEFAULT_SYNC_INTERVAL) {
            writeBlock();
        }
    }

    private void writeBlock() throws IOException {
        if (records == 0) {
            return;
        }
        blockHeader.reset();
        blockHeader.varlong(records);
        blockHeader.varlong(block.position());
        out.write(blockHeader.array(), 0, blockHeader.position());
        out.write(block.array(), 0, block.position());
        out.write(sync);
        block.reset();
        records = 0;
    }

    @Override
    public void close() throws IOException {
        try (out) {
            writeBlock();
        }
    }
}
