package eu.borderflow.seeds.generate;

import eu.borderflow.schema.Biometrics;
import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.FingerprintStatus;
import eu.borderflow.schema.RefusalReason;
import eu.borderflow.schema.TravelDocument;
import eu.borderflow.schema.TravellerIdentity;
import eu.borderflow.schema.Visa;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Avro binary encoding of a {@link BorderCrossing} record (the scenarios' scripted crossings), written field by field
 * in schema order: the generic writer's per-field schema walk and logical-type conversions cost more than making the
 * crossing. The bytes are identical to {@code SpecificDatumWriter}'s (a test compares them), so files stay readable by
 * any Avro reader; a schema change must be mirrored here and in {@link BackgroundEncoder}, and the tests fail until it
 * is. The parts a traveller keeps for all its crossings are static so that {@link BackgroundEncoder} caches them.
 */
final class CrossingEncoder {

    private static final int NULL_BRANCH = 0;
    private static final int VALUE_BRANCH = 1;

    private final AvroBytes out = new AvroBytes();

    /** Encodes {@code c}; the buffer is valid until the next call. */
    ByteBuffer encode(BorderCrossing c) {
        out.reset();
        out.string(c.getEventId());
        out.bool(c.getSynthetic());
        out.varint(c.getKind().ordinal());
        out.varlong(c.getEventTime().toEpochMilli());
        out.varint((int) c.getLocalDate().toEpochDay());
        out.varlong(c.getIngestTime().toEpochMilli());
        out.bool(c.getFallbackUpload());
        out.string(c.getBcpCode());
        out.string(c.getSectionId());
        out.varint(c.getBorderType().ordinal());
        out.string(c.getAuthority());
        identity(out, c.getTraveller());
        documentAndVisa(out, c.getDocument(), c.getVisa());
        out.varint(c.getStayBasis().ordinal());
        Biometrics b = c.getBiometrics();
        biometricIds(out, b.getFacialTemplateId(), b.getFingerprintTemplateId(), b.getFingerprintStatus());
        out.floatLe(b.getVerificationScore());
        refusalReasons(out, c.getRefusalReasons());
        out.varint((int) c.getRetentionUntil().toEpochDay());
        return out.view();
    }

    static void identity(AvroBytes out, TravellerIdentity t) {
        out.string(t.getFileId());
        out.string(t.getSurname());
        out.string(t.getGivenNames());
        out.varint((int) t.getDateOfBirth().toEpochDay());
        out.string(t.getNationality());
        out.varint(t.getSex().ordinal());
    }

    static void documentAndVisa(AvroBytes out, TravelDocument d, Visa v) {
        out.varint(d.getType().ordinal());
        out.string(d.getNumber());
        out.string(d.getIssuingCountry());
        out.varint((int) d.getExpiryDate().toEpochDay());
        if (v == null) {
            out.varint(NULL_BRANCH);
        } else {
            out.varint(VALUE_BRANCH);
            out.string(v.getStickerNumber());
            out.string(v.getVisaType());
            out.varint(v.getEntriesAuthorised());
            out.varint(v.getDurationOfStayDays());
            out.varint((int) v.getValidFrom().toEpochDay());
            out.varint((int) v.getValidUntil().toEpochDay());
        }
    }

    /** The biometrics record up to (not including) the verification score. */
    static void biometricIds(
            AvroBytes out, String facialTemplateId, String fingerprintTemplateId, FingerprintStatus status) {
        out.string(facialTemplateId);
        if (fingerprintTemplateId == null) {
            out.varint(NULL_BRANCH);
        } else {
            out.varint(VALUE_BRANCH);
            out.string(fingerprintTemplateId);
        }
        out.varint(status.ordinal());
    }

    /** An Avro array: one block with the count, then the end marker (an empty array is the end marker alone). */
    static void refusalReasons(AvroBytes out, List<RefusalReason> reasons) {
        if (!reasons.isEmpty()) {
            out.varlong(reasons.size());
            for (RefusalReason r : reasons) {
                out.varint(r.ordinal());
            }
        }
        out.varlong(0);
    }
}
