package eu.borderflow.schema.serde;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import org.apache.avro.file.CodecFactory;
import org.apache.avro.file.DataFileConstants;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.file.DataFileStream;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

/** Avro object container files: the format of every dataset and bounded job output. */
public final class AvroFiles {

    private static final int BUFFER_BYTES = 1 << 16;

    private AvroFiles() {}

    /**
     * Opens a container-file writer whose sync marker is derived from {@code syncSeed}: Avro picks a random marker by
     * default, and the same seed must give byte-identical files.
     */
    public static <T extends SpecificRecord> DataFileWriter<T> create(Class<T> type, Path file, String syncSeed)
            throws IOException {
        return create(type, new BufferedOutputStream(Files.newOutputStream(file), BUFFER_BYTES), syncSeed);
    }

    /** The same into {@code out}, which the writer closes. */
    public static <T extends SpecificRecord> DataFileWriter<T> create(Class<T> type, OutputStream out, String syncSeed)
            throws IOException {
        DataFileWriter<T> writer = new DataFileWriter<>(new SpecificDatumWriter<>(type));
        writer.setCodec(CodecFactory.nullCodec());
        return writer.create(SpecificData.get().getSchema(type), out, syncMarker(syncSeed));
    }

    /** Opens a container file for reading; resolves the writer's schema against the current one. */
    public static <T extends SpecificRecord> DataFileStream<T> open(Class<T> type, Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), BUFFER_BYTES);
        try {
            return new DataFileStream<>(in, new SpecificDatumReader<>(type));
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /** Random-access reader, for callers that need to seek or count. */
    public static <T extends SpecificRecord> DataFileReader<T> openSeekable(Class<T> type, Path file)
            throws IOException {
        return new DataFileReader<>(file.toFile(), new SpecificDatumReader<>(type));
    }

    /**
     * Bytes of {@code file} after the last whole block {@code reader} has read: Avro ends a file that stops inside a
     * block as if it ended there, so once every record is read, anything but 0 means the file was cut short.
     */
    public static long bytesAfterLastBlock(DataFileReader<?> reader, Path file) throws IOException {
        return Files.size(file) - reader.previousSync();
    }

    static byte[] syncMarker(String seed) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
            return Arrays.copyOf(digest, DataFileConstants.SYNC_SIZE);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
