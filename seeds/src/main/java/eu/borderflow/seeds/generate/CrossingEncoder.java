package eu.borderflow.seeds.generate;

import eu.borderflow.schema.Biometrics;
import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.FingerprintStatus;
import eu.borderflow.schema.RefusalReason;
import eu.borderflow.schema.TravelDocument;
import eu.borderflow.schema.TravellerIdentity;
import eu.borderflow.schema.Visa;
import eu.borderflow.seeds.world.Traveller;

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

    /** Parts of a traveller's shared bytes, in schema order, and their header. */
    private static final int IDENTITY = 0;
    private static final int VARIANT = 1;
    private static final int DOCUMENT_AND_VISA = 2;
    private static final int BIOMETRIC_IDS = 3;
    private static final int PARTS = 4;
    private static final int HEADER = 2 * PARTS;
    private static final int MAX_PART = 0xFFFF;

    private byte[] buf = new byte[INITIAL_BYTES];
    private int pos;
    private char[] chars = new char[INITIAL_BYTES];

    /** Encodes {@code c}; the returned buffer is valid until the next call. */
    ByteBuffer encode(BorderCrossing c) {
        return encode(c, null);
    }

    /**
     * Encodes {@code c}, a crossing of background traveller {@code t} (or null when it is not one): the parts of the
     * record that are the traveller's own shared objects (identity, document and visa, biometric ids) are encoded once
     * per traveller and copied afterwards. Each part is only taken from the cache when the record holds the very
     * objects the cache was made from, so a record that differs (a re-sent copy, a scenario record) is encoded field
     * by field and the bytes are always those of {@code SpecificDatumWriter}.
     */
    ByteBuffer encode(BorderCrossing c, Traveller t) {
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
        byte[] shared = t == null ? null : shared(t);
        TravellerIdentity identity = c.getTraveller();
        if (shared != null && identity == t.identity()) {
            copy(shared, IDENTITY);
        } else if (shared != null && identity == t.variantIdentity() && identity != null) {
            copy(shared, VARIANT);
        } else {
            identity(identity);
        }
        if (shared != null && c.getDocument() == t.document() && c.getVisa() == t.visa()) {
            copy(shared, DOCUMENT_AND_VISA);
        } else {
            documentAndVisa(c.getDocument(), c.getVisa());
        }
        varint(c.getStayBasis().ordinal());
        Biometrics b = c.getBiometrics();
        if (shared != null && b.getFacialTemplateId() == t.facialTemplateId()
                && b.getFingerprintTemplateId() == t.fingerprintTemplateId()
                && b.getFingerprintStatus() == t.fingerprintStatus()) {
            copy(shared, BIOMETRIC_IDS);
        } else {
            biometricIds(b.getFacialTemplateId(), b.getFingerprintTemplateId(), b.getFingerprintStatus());
        }
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

    /**
     * Encodes the shared parts of background traveller {@code t} now, best right after the traveller is made: its
     * strings are still in the CPU cache then, while at its first crossing they would be fetched from memory.
     */
    void prepare(Traveller t) {
        shared(t);
    }

    /**
     * The traveller's shared parts as one array kept on the traveller (one memory access from the traveller, which the
     * generator has just touched): a header of {@link #PARTS} two-byte lengths, then identity, variant identity (empty
     * when there is none), document and visa, biometric ids. Null when a part is too long for the header.
     */
    private byte[] shared(Traveller t) {
        byte[] shared = t.encoded();
        if (shared != null) {
            return shared;
        }
        int start = pos;
        int[] lengths = new int[PARTS];
        identity(t.identity());
        lengths[IDENTITY] = pos - start;
        if (t.variantIdentity() != null) {
            identity(t.variantIdentity());
        }
        lengths[VARIANT] = pos - start - lengths[IDENTITY];
        documentAndVisa(t.document(), t.visa());
        lengths[DOCUMENT_AND_VISA] = pos - start - lengths[IDENTITY] - lengths[VARIANT];
        biometricIds(t.facialTemplateId(), t.fingerprintTemplateId(), t.fingerprintStatus());
        lengths[BIOMETRIC_IDS] = pos - start - lengths[IDENTITY] - lengths[VARIANT] - lengths[DOCUMENT_AND_VISA];
        int body = pos - start;
        pos = start;
        for (int length : lengths) {
            if (length > MAX_PART) {
                return null;
            }
        }
        shared = new byte[HEADER + body];
        for (int i = 0; i < PARTS; i++) {
            shared[2 * i] = (byte) (lengths[i] >>> 8);
            shared[2 * i + 1] = (byte) lengths[i];
        }
        System.arraycopy(buf, start, shared, HEADER, body);
        t.encoded(shared);
        return shared;
    }

    /** Copies part {@code part} of a traveller's shared bytes. */
    private void copy(byte[] shared, int part) {
        int offset = HEADER;
        for (int i = 0; i < part; i++) {
            offset += partLength(shared, i);
        }
        int length = partLength(shared, part);
        ensure(length);
        System.arraycopy(shared, offset, buf, pos, length);
        pos += length;
    }

    private static int partLength(byte[] shared, int part) {
        return (shared[2 * part] & 0xFF) << 8 | shared[2 * part + 1] & 0xFF;
    }

    private void identity(TravellerIdentity t) {
        string(t.getFileId());
        string(t.getSurname());
        string(t.getGivenNames());
        varint((int) t.getDateOfBirth().toEpochDay());
        string(t.getNationality());
        varint(t.getSex().ordinal());
    }

    private void documentAndVisa(TravelDocument d, Visa v) {
        varint(d.getType().ordinal());
        string(d.getNumber());
        string(d.getIssuingCountry());
        varint((int) d.getExpiryDate().toEpochDay());
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
    }

    /** The biometrics record up to (not including) the verification score. */
    private void biometricIds(String facialTemplateId, String fingerprintTemplateId, FingerprintStatus status) {
        string(facialTemplateId);
        if (fingerprintTemplateId == null) {
            varint(NULL_BRANCH);
        } else {
            varint(VALUE_BRANCH);
            string(fingerprintTemplateId);
        }
        varint(status.ordinal());
    }

    private void copy(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buf, pos, bytes.length);
        pos += bytes.length;
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
        byte[] b = buf;
        int p = pos;
        while ((n & ~0x7FL) != 0) {
            b[p++] = (byte) ((n & 0x7F) | 0x80);
            n >>>= 7;
        }
        b[p++] = (byte) n;
        pos = p;
    }

    private void floatLe(float value) {
        ensure(4);
        int bits = Float.floatToRawIntBits(value);
        buf[pos++] = (byte) bits;
        buf[pos++] = (byte) (bits >>> 8);
        buf[pos++] = (byte) (bits >>> 16);
        buf[pos++] = (byte) (bits >>> 24);
    }

    /**
     * Avro string: length, then UTF-8. The chars are copied out in one go (an intrinsic for the JDK's compact strings)
     * and copied and checked in one branch-free loop; only a string with a char above ASCII takes the JDK's encoder.
     */
    private void string(String s) {
        int n = s.length();
        if (chars.length < n) {
            chars = new char[Math.max(n, chars.length * 2)];
        }
        s.getChars(0, n, chars, 0);
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
        pos -= varlongSize(n);
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        varlong(utf8.length);
        ensure(utf8.length);
        System.arraycopy(utf8, 0, buf, pos, utf8.length);
        pos += utf8.length;
    }

    private static int varlongSize(long value) {
        long n = (value << 1) ^ (value >> 63);
        int size = 1;
        while ((n & ~0x7FL) != 0) {
            size++;
            n >>>= 7;
        }
        return size;
    }
}
