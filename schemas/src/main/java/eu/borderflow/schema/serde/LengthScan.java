package eu.borderflow.schema.serde;

import org.apache.avro.Schema;

/**
 * Walks an Avro binary body with its writer schema before it is decoded, checking every length prefix against the
 * {@link DecodeLimits} and against the bytes left, without allocating anything. The decoder that follows then never
 * sizes a buffer or a list from an unchecked prefix.
 */
final class LengthScan {

    private final byte[] bytes;
    private final DecodeLimits limits;
    private int position;

    private LengthScan(byte[] bytes, int offset, DecodeLimits limits) {
        this.bytes = bytes;
        this.position = offset;
        this.limits = limits;
    }

    /** Throws {@link DecodeException} ({@link DecodeException#LENGTH_LIMIT}) on the first length out of bounds. */
    static void check(byte[] bytes, int offset, Schema writer, DecodeLimits limits) throws DecodeException {
        new LengthScan(bytes, offset, limits).value(writer);
    }

    private void value(Schema schema) throws DecodeException {
        switch (schema.getType()) {
            case RECORD -> {
                for (Schema.Field field : schema.getFields()) {
                    value(field.schema());
                }
            }
            case UNION -> {
                long branch = varint();
                if (branch < 0 || branch >= schema.getTypes().size()) {
                    throw fail("a union branch index out of range");
                }
                value(schema.getTypes().get((int) branch));
            }
            case ARRAY -> blocks(schema.getElementType(), null);
            case MAP -> blocks(schema.getValueType(), Schema.create(Schema.Type.STRING));
            case STRING, BYTES -> skip(length(limits.maxStringBytes(), "a string or bytes value"));
            case FIXED -> skip(schema.getFixedSize());
            case INT, LONG, ENUM -> varint();
            case FLOAT -> skip(Float.BYTES);
            case DOUBLE -> skip(Double.BYTES);
            case BOOLEAN -> skip(1);
            case NULL -> {
                // Nothing is written for null.
            }
        }
    }

    /** Array or map blocks: a count (negative: followed by the block's size in bytes), items, until a zero count. */
    private void blocks(Schema item, Schema key) throws DecodeException {
        long total = 0;
        for (long count = varint(); count != 0; count = varint()) {
            if (count < 0) {
                count = -count;
                length(Integer.MAX_VALUE, "an array block");
            }
            total += count;
            // Every item takes at least one byte in our schemas; a count beyond the bytes left is a lie.
            if (count > bytes.length - position || total > limits.maxArrayItems()) {
                throw fail("an array or map of " + total + " items (at most " + limits.maxArrayItems() + ")");
            }
            for (long i = 0; i < count; i++) {
                if (key != null) {
                    value(key);
                }
                value(item);
            }
        }
    }

    private int length(int cap, String what) throws DecodeException {
        long length = varint();
        if (length < 0 || length > cap || length > bytes.length - position) {
            throw fail(what + " claims " + length + " bytes (at most " + Math.min(cap, bytes.length - position) + ")");
        }
        return (int) length;
    }

    private void skip(int n) throws DecodeException {
        if (n > bytes.length - position) {
            throw fail("the message ends inside a value");
        }
        position += n;
    }

    /** A zig-zag varint of at most 10 bytes. */
    private long varint() throws DecodeException {
        long raw = 0;
        for (int shift = 0; shift < Long.SIZE + 7; shift += 7) {
            if (position >= bytes.length) {
                throw fail("the message ends inside a number");
            }
            int b = bytes[position++] & 0xff;
            raw |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return (raw >>> 1) ^ -(raw & 1);
            }
        }
        throw fail("a number longer than 10 bytes");
    }

    private static DecodeException fail(String what) {
        return new DecodeException(DecodeException.LENGTH_LIMIT, "length limit: " + what, null);
    }
}
