package eu.borderflow.seeds.generate;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable buffer that writes Avro's binary encoding of primitive values, exactly as {@code BinaryEncoder} does, for
 * the generator's hand-written record encoders. One instance is reused for every record.
 */
final class AvroBytes {

    private static final int INITIAL_BYTES = 1024;
    private static final int ASCII_LIMIT = 0x80;
    private static final int MAX_VARLONG_BYTES = 10;

    private byte[] buf = new byte[INITIAL_BYTES];
    /** A view of {@link #buf}, made again only when it grows: a record's view must not cost an object per record. */
    private ByteBuffer view = ByteBuffer.wrap(buf);

    private int pos;
    private char[] chars = new char[INITIAL_BYTES];

    void reset() {
        pos = 0;
    }

    int position() {
        return pos;
    }

    /** The bytes written since the last reset; valid until the next write. */
    ByteBuffer view() {
        return view.limit(pos).position(0);
    }

    /** A copy of the bytes written since the last reset. */
    byte[] copy() {
        return Arrays.copyOf(buf, pos);
    }

    void bool(boolean value) {
        ensure(1);
        buf[pos++] = (byte) (value ? 1 : 0);
    }

    void varint(int value) {
        varlong(value);
    }

    /** Zig-zag variable-length long, as Avro's BinaryEncoder writes it. */
    void varlong(long value) {
        ensure(MAX_VARLONG_BYTES);
        long n = (value << 1) ^ (value >> 63);
        byte[] b = buf;
        int p = pos;
        while ((n & ~0x7FL) != 0) {
            b[p++] = (byte) ((n & 0x7F) | 0x80);
            n >>>= 7;
        }
        b[p++] = (byte) n;
        pos = p;
    }

    void floatLe(float value) {
        ensure(Float.BYTES);
        int bits = Float.floatToRawIntBits(value);
        buf[pos++] = (byte) bits;
        buf[pos++] = (byte) (bits >>> 8);
        buf[pos++] = (byte) (bits >>> 16);
        buf[pos++] = (byte) (bits >>> 24);
    }

    /** Bytes that are already Avro encoding (a cached part of a record). */
    void raw(byte[] bytes, int offset, int length) {
        ensure(length);
        System.arraycopy(bytes, offset, buf, pos, length);
        pos += length;
    }

    /** The array written into; valid until the next write. */
    byte[] array() {
        return buf;
    }

    /** Writes the length of an ASCII string of {@code length} chars and reserves its bytes: returns their offset. */
    int reserveAscii(int length) {
        varlong(length);
        ensure(length);
        int offset = pos;
        pos += length;
        return offset;
    }

    /**
     * Avro string: length, then UTF-8. The chars are copied out in one go (an intrinsic for the JDK's compact strings)
     * and copied and checked in one branch-free loop; only a string with a char above ASCII takes the JDK's encoder.
     */
    void string(String s) {
        int n = s.length();
        if (chars.length < n) {
            chars = new char[Math.max(n, chars.length * 2)];
        }
        s.getChars(0, n, chars, 0);
        int start = pos;
        varlong(n);
        ensure(n);
        char[] cs = chars;
        byte[] b = buf;
        int p = pos;
        int high = 0;
        for (int i = 0; i < n; i++) {
            char ch = cs[i];
            high |= ch;
            b[p + i] = (byte) ch;
        }
        if (high < ASCII_LIMIT) {
            pos = p + n;
            return;
        }
        pos = start;
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        varlong(utf8.length);
        raw(utf8, 0, utf8.length);
    }

    private void ensure(int more) {
        if (pos + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + more));
            view = ByteBuffer.wrap(buf);
        }
    }
}
