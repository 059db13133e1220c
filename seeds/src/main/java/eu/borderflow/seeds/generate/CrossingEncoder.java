package eu.borderflow.seeds.generate;

import eu.borderflow.schema.Biometrics;
import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.RefusalReason;
import eu.borderflow.schema.TravelDocument;
import eu.borderflow.schema.TravellerIdentity;
import eu.borderflow.schema.Visa;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Avro binary encoding of {@link BorderCrossing}, written field by field in schema order into one reused buffer: the
 * generic writer's per-field schema walk and logical-type conversions cost more than generating the crossing. The
 * bytes are identical to {@code SpecificDatumWriter}'s (a test compares them), so files stay readable by any Avro
 * reader; a schema change must be mirrored here and that test fails until it is.
 */
final class CrossingEncoder {

    private static final int INITIAL_BYTES = 1024;
    private static final int ASCII_LIMIT = 0x80;
    private static final int NULL_BRANCH = 0;
    private static final int VALUE_BRANCH = 1;

    private byte[] buf = new byte[INITIAL_BYTES];
    private int pos;

    /** Encodes {@code c}; the returned buffer is valid until the next call. */
    ByteBuffer encode(BorderCrossing c) {
        pos = 0;
        string(c.getEventId());
        bool(c.getSynthetic());
        varint(c.getKind().ordinal());
        varlong(c.getEventTime().toEpochMilli());
        varint((int) c.getLocalDate().toEpochDay());
        varlong(c.getIngestTime().toEpochMilli());
        bool(c.getFallbackUpload());
        string(c.getBcpCode());
        string(c.getSectionId());
        varint(c.getBorderType().ordinal());
        string(c.getAuthority());
        TravellerIdentity t = c.getTraveller();
        string(t.getFileId());
        string(t.getSurname());
        string(t.getGivenNames());
        varint((int) t.getDateOfBirth().toEpochDay());
        string(t.getNationality());
        varint(t.getSex().ordinal());
        TravelDocument d = c.getDocument();
        varint(d.getType().ordinal());
        string(d.getNumber());
        string(d.getIssuingCountry());
        varint((int) d.getExpiryDate().toEpochDay());
        Visa v = c.getVisa();
        if (v == null) {
            varint(NULL_BRANCH);
        } else {
            varint(VALUE_BRANCH);
            string(v.getStickerNumber());
            string(v.getVisaType());
            varint(v.getEntriesAuthorised());
            varint(v.getDurationOfStayDays());
            varint((int) v.getValidFrom().toEpochDay());
            varint((int) v.getValidUntil().toEpochDay());
        }
        varint(c.getStayBasis().ordinal());
        Biometrics b = c.getBiometrics();
        string(b.getFacialTemplateId());
        if (b.getFingerprintTemplateId() == null) {
            varint(NULL_BRANCH);
        } else {
            varint(VALUE_BRANCH);
            string(b.getFingerprintTemplateId());
        }
        varint(b.getFingerprintStatus().ordinal());
        floatLe(b.getVerificationScore());
        List<RefusalReason> reasons = c.getRefusalReasons();
        if (!reasons.isEmpty()) {
            varlong(reasons.size());
            for (RefusalReason r : reasons) {
                varint(r.ordinal());
            }
        }
        varlong(0);
        varint((int) c.getRetentionUntil().toEpochDay());
        return ByteBuffer.wrap(buf, 0, pos);
    }

    private void ensure(int more) {
        if (pos + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + more));
        }
    }

    private void bool(boolean value) {
        ensure(1);
        buf[pos++] = (byte) (value ? 1 : 0);
    }

    private void varint(int value) {
        varlong(value);
    }

    /** Zig-zag variable-length long, as Avro's BinaryEncoder writes it. */
    private void varlong(long value) {
        ensure(10);
        long n = (value << 1) ^ (value >> 63);
        while ((n & ~0x7FL) != 0) {
            buf[pos++] = (byte) ((n & 0x7F) | 0x80);
            n >>>= 7;
        }
        buf[pos++] = (byte) n;
    }

    private void floatLe(float value) {
        ensure(4);
        int bits = Float.floatToRawIntBits(value);
        buf[pos++] = (byte) bits;
        buf[pos++] = (byte) (bits >>> 8);
        buf[pos++] = (byte) (bits >>> 16);
        buf[pos++] = (byte) (bits >>> 24);
    }

    private void string(String s) {
        int n = s.length();
        boolean ascii = true;
        for (int i = 0; i < n && ascii; i++) {
            ascii = s.charAt(i) < ASCII_LIMIT;
        }
        if (ascii) {
            varlong(n);
            ensure(n);
            for (int i = 0; i < n; i++) {
                buf[pos++] = (byte) s.charAt(i);
            }
            return;
        }
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        varlong(utf8.length);
        ensure(utf8.length);
        System.arraycopy(utf8, 0, buf, pos, utf8.length);
        pos += utf8.length;
    }
}
