package eu.borderflow.schema.serde;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.message.BadHeaderException;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.message.MissingSchemaException;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * Avro single-object encoding (marker, 8-byte schema fingerprint, binary body): any Avro client decodes a Kafka message
 * without a schema registry. Decoding resolves every released version of the record, so old producers keep working.
 * Not thread-safe (encoder and decoder buffers are reused); one instance per thread or operator.
 */
public final class SingleObjectSerde<T extends SpecificRecord> implements Serializable {

    private static final long serialVersionUID = 1L;
    /** The single-object encoding's marker, followed by the 8-byte little-endian schema fingerprint. */
    private static final byte[] MARKER = {(byte) 0xC3, (byte) 0x01};

    private static final int HEADER_BYTES = MARKER.length + Long.BYTES;

    private final Class<T> type;
    private transient BinaryMessageEncoder<T> encoder;
    private transient BinaryMessageDecoder<T> decoder;
    /** Writer schemas by fingerprint, for the length scan of bounded decoding. */
    private transient Map<Long, Schema> writers;

    private SingleObjectSerde(Class<T> type) {
        this.type = type;
    }

    public static <T extends SpecificRecord> SingleObjectSerde<T> of(Class<T> type) {
        return new SingleObjectSerde<>(type);
    }

    public Class<T> type() {
        return type;
    }

    public Schema schema() {
        return SpecificData.get().getSchema(type);
    }

    public byte[] encode(T record) {
        try {
            ByteBuffer buffer = encoder().encode(record);
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode " + type.getSimpleName(), e);
        }
    }

    /** Decodes {@code bytes}, reusing {@code reuse} when not null. */
    public T decode(byte[] bytes, T reuse) throws DecodeException {
        if (bytes == null) {
            throw new DecodeException(DecodeException.UNDECODABLE, "empty message (null value)", null);
        }
        try {
            return decoder().decode(bytes, reuse);
        } catch (MissingSchemaException e) {
            throw new DecodeException(
                    DecodeException.UNKNOWN_FINGERPRINT,
                    "no released " + type.getSimpleName() + " schema has this fingerprint",
                    e);
        } catch (BadHeaderException e) {
            throw new DecodeException(
                    DecodeException.UNDECODABLE, "not an Avro single-object message: " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            throw new DecodeException(
                    DecodeException.UNDECODABLE,
                    "corrupt " + type.getSimpleName() + " body: " + e.getClass().getSimpleName(),
                    e);
        }
    }

    public T decode(byte[] bytes) throws DecodeException {
        return decode(bytes, null);
    }

    /**
     * Bounded decoding: the message and every length prefix in it are checked against {@code limits} (and against the
     * bytes left) before anything is allocated for them.
     */
    public T decode(byte[] bytes, T reuse, DecodeLimits limits) throws DecodeException {
        if (bytes != null && bytes.length > limits.maxMessageBytes()) {
            throw new DecodeException(
                    DecodeException.TOO_LARGE,
                    "a message of " + bytes.length + " bytes (at most " + limits.maxMessageBytes() + ")",
                    null);
        }
        if (bytes != null && bytes.length >= HEADER_BYTES && bytes[0] == MARKER[0] && bytes[1] == MARKER[1]) {
            Schema writer = writers()
                    .get(ByteBuffer.wrap(bytes, MARKER.length, Long.BYTES)
                            .order(ByteOrder.LITTLE_ENDIAN)
                            .getLong());
            if (writer != null) {
                LengthScan.check(bytes, HEADER_BYTES, writer, limits);
            }
        }
        return decode(bytes, reuse);
    }

    private Map<Long, Schema> writers() {
        if (writers == null) {
            writers = new HashMap<>();
            writers.put(SchemaNormalization.parsingFingerprint64(schema()), schema());
            for (Schema released : SchemaHistory.versionsOf(type.getSimpleName())) {
                writers.put(SchemaNormalization.parsingFingerprint64(released), released);
            }
        }
        return writers;
    }

    private BinaryMessageEncoder<T> encoder() {
        if (encoder == null) {
            encoder = new BinaryMessageEncoder<>(SpecificData.getForClass(type), schema());
        }
        return encoder;
    }

    private BinaryMessageDecoder<T> decoder() {
        if (decoder == null) {
            decoder = new BinaryMessageDecoder<>(SpecificData.getForClass(type), schema());
            for (Schema released : SchemaHistory.versionsOf(type.getSimpleName())) {
                decoder.addSchema(released);
            }
        }
        return decoder;
    }
}
