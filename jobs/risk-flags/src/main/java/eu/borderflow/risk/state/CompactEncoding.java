package eu.borderflow.risk.state;

import eu.borderflow.schema.CrossingKind;
import java.io.IOException;
import java.io.InputStream;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;
import org.apache.kafka.common.utils.ByteUtils;

/**
 * The encodings of the compact keyed-state formats (issue 12: at most 200 bytes of state per active traveller).
 * Numbers are zig-zag varints, as in Kafka's record format (an epoch day takes 3 bytes, an epoch millisecond 6);
 * strings are Flink's {@link StringValue}, null included. An id that is a letter and 16 lowercase hex digits (the
 * form of EES event ids here) is kept as the letter and its 8 bytes, 10 bytes instead of 18; any other id as text.
 * A crossing kind is its ordinal in one byte, so {@code CrossingKind}'s symbols may only be appended to
 * (StateFormatTest holds them). Varints are read from an {@link InputStream} over the view ({@code DataInputViewStream}), which does not buffer,
 * so fixed-width reads from the view may follow.
 */
public final class CompactEncoding {

    private static final int NULL_ID = 0;
    private static final int TEXT_ID = 1;
    private static final int HEX_ID = 2;
    private static final int HEX_ID_LENGTH = 17;
    private static final CrossingKind[] KINDS = CrossingKind.values();
    private static final char[] HEX_DIGITS = "0123456789abcdef".toCharArray();

    private CompactEncoding() {}

    public static void writeInt(int value, DataOutputView out) throws IOException {
        ByteUtils.writeVarint(value, out);
    }

    public static int readInt(InputStream in) throws IOException {
        return ByteUtils.readVarint(in);
    }

    public static void writeLong(long value, DataOutputView out) throws IOException {
        ByteUtils.writeVarlong(value, out);
    }

    public static long readLong(InputStream in) throws IOException {
        return ByteUtils.readVarlong(in);
    }

    /** An ascending (or any) int array, null included: its length plus one, the first value, then differences. */
    public static void writeInts(int[] values, DataOutputView out) throws IOException {
        if (values == null) {
            writeInt(0, out);
            return;
        }
        writeInt(values.length + 1, out);
        int previous = 0;
        for (int value : values) {
            writeInt(value - previous, out);
            previous = value;
        }
    }

    public static int[] readInts(InputStream in) throws IOException {
        int length = readInt(in) - 1;
        if (length < 0) {
            return null;
        }
        int[] values = new int[length];
        int previous = 0;
        for (int i = 0; i < length; i++) {
            previous += readInt(in);
            values[i] = previous;
        }
        return values;
    }

    public static void writeString(String value, DataOutputView out) throws IOException {
        StringValue.writeString(value, out);
    }

    public static String readString(DataInputView in) throws IOException {
        return StringValue.readString(in);
    }

    public static void writeKind(CrossingKind kind, DataOutputView out) throws IOException {
        out.writeByte(kind == null ? -1 : kind.ordinal());
    }

    public static CrossingKind readKind(DataInputView in) throws IOException {
        byte kind = in.readByte();
        return kind < 0 ? null : KINDS[kind];
    }

    public static void writeId(String id, DataOutputView out) throws IOException {
        if (id == null) {
            out.writeByte(NULL_ID);
        } else if (isHexId(id)) {
            out.writeByte(HEX_ID);
            out.writeByte(id.charAt(0));
            out.writeLong(Long.parseUnsignedLong(id, 1, HEX_ID_LENGTH, 16));
        } else {
            out.writeByte(TEXT_ID);
            StringValue.writeString(id, out);
        }
    }

    public static String readId(DataInputView in) throws IOException {
        int form = in.readUnsignedByte();
        switch (form) {
            case NULL_ID:
                return null;
            case TEXT_ID:
                return StringValue.readString(in);
            case HEX_ID:
                char[] chars = new char[HEX_ID_LENGTH];
                chars[0] = (char) in.readUnsignedByte();
                long digits = in.readLong();
                for (int i = HEX_ID_LENGTH - 1; i > 0; i--) {
                    chars[i] = HEX_DIGITS[(int) (digits & 0xF)];
                    digits >>>= 4;
                }
                return new String(chars);
            default:
                throw new IOException("unknown id form " + form + " in keyed state");
        }
    }

    private static boolean isHexId(String id) {
        if (id.length() != HEX_ID_LENGTH || id.charAt(0) > 0x7F) {
            return false;
        }
        for (int i = 1; i < HEX_ID_LENGTH; i++) {
            char c = id.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }
}
