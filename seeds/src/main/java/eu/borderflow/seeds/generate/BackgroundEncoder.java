package eu.borderflow.seeds.generate;

import eu.borderflow.schema.CrossingKind;
import eu.borderflow.schema.RefusalReason;
import eu.borderflow.seeds.reference.Bcp;
import eu.borderflow.seeds.world.BackgroundCrossing;
import eu.borderflow.seeds.world.BackgroundTraffic;
import eu.borderflow.seeds.world.IdFactory;
import eu.borderflow.seeds.world.Traveller;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * Avro binary encoding of a {@link BackgroundCrossing} straight from its values, without making a BorderCrossing
 * record. What belongs to the traveller (identity, the variant spelling, document, visa, stay basis, biometric ids) is
 * encoded once per traveller and kept with it, and a BCP's names once per BCP, so a crossing is a few numbers and a
 * few copies. A record is written when the crossing takes its place in arrival order, in two steps: {@link #start}
 * writes the fields up to the ingest time, {@link #finish} the crossing's own from bcp_code on. The bytes are exactly
 * those {@code SpecificDatumWriter} writes for the record the crossing describes (a test re-encodes every record of a
 * generated file); a schema change must be mirrored here, as in {@link CrossingEncoder}.
 */
final class BackgroundEncoder {

    /** A traveller's kept bytes start with the lengths of its identity, variant and remaining parts. */
    private static final int HEADER = 3 * Integer.BYTES;
    /** Reads the header's ints as {@link ByteBuffer#putInt} wrote them. */
    private static final VarHandle BIG_ENDIAN_INT =
            MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

    private final AvroBytes out = new AvroBytes();
    private final AvroBytes scratch = new AvroBytes();
    private final IdFactory ids;
    /** Per BCP: bcp_code, section_id, border_type and authority, which follow each other in the schema. */
    private final byte[][] bcpParts;

    BackgroundEncoder(List<Bcp> bcps, IdFactory ids) {
        this.ids = ids;
        this.bcpParts = new byte[bcps.size()][];
        for (int i = 0; i < bcps.size(); i++) {
            Bcp bcp = bcps.get(i);
            scratch.reset();
            scratch.string(bcp.code());
            scratch.string(bcp.sectionId());
            scratch.varint(bcp.type().ordinal());
            scratch.string(bcp.authority());
            bcpParts[i] = scratch.copy();
        }
    }

    /** The number of BCPs. */
    int bcps() {
        return bcpParts.length;
    }

    /**
     * The parts of traveller {@code t} shared by all its crossings, encoded, for {@link BackgroundTraffic} to keep;
     * best called right after the traveller is made, while its strings are still in the CPU cache.
     */
    byte[] prepare(Traveller t) {
        scratch.reset();
        CrossingEncoder.identity(scratch, t.identity());
        int identity = scratch.position();
        if (t.variantIdentity() != null) {
            CrossingEncoder.identity(scratch, t.variantIdentity());
        }
        int variant = scratch.position() - identity;
        CrossingEncoder.documentAndVisa(scratch, t.document(), t.visa());
        scratch.varint(t.stayBasis().ordinal());
        CrossingEncoder.biometricIds(scratch, t.facialTemplateId(), t.fingerprintTemplateId(), t.fingerprintStatus());
        int rest = scratch.position() - identity - variant;
        byte[] parts = new byte[HEADER + scratch.position()];
        ByteBuffer.wrap(parts)
                .putInt(identity)
                .putInt(variant)
                .putInt(rest)
                .put(scratch.array(), 0, scratch.position());
        return parts;
    }

    /**
     * Starts the record of the {@code counter}-th background crossing, ingested at {@code ingestMillis}, late
     * ({@code fallbackUpload}) or not: every field before bcp_code. {@link #finish} writes the rest.
     */
    void start(
            long counter,
            CrossingKind kind,
            long eventMillis,
            long localDay,
            long ingestMillis,
            boolean fallbackUpload) {
        AvroBytes o = out;
        o.reset();
        ids.eventId(counter, o.array(), o.reserveAscii(IdFactory.ID_LENGTH));
        o.bool(true);
        o.varint(kind.ordinal());
        o.varlong(eventMillis);
        o.varint((int) localDay);
        o.varlong(ingestMillis);
        o.bool(fallbackUpload);
    }

    /**
     * Ends the record {@link #start} began: every field from bcp_code on, for a crossing at BCP {@code bcp} of the
     * traveller whose {@link #prepare}d bytes begin at {@code traveller[travellerStart]}. The buffer is valid until
     * the next record.
     */
    ByteBuffer finish(
            int bcp,
            byte[] traveller,
            int travellerStart,
            boolean variantSpelling,
            float verificationScore,
            RefusalReason refusalReason,
            long retentionDay) {
        AvroBytes o = out;
        byte[] names = bcpParts[bcp];
        o.raw(names, 0, names.length);
        int identity = intAt(traveller, travellerStart);
        int variant = intAt(traveller, travellerStart + Integer.BYTES);
        int rest = intAt(traveller, travellerStart + 2 * Integer.BYTES);
        int parts = travellerStart + HEADER;
        if (variantSpelling) {
            o.raw(traveller, parts + identity, variant);
        } else {
            o.raw(traveller, parts, identity);
        }
        o.raw(traveller, parts + identity + variant, rest);
        o.floatLe(verificationScore);
        CrossingEncoder.refusalReasons(o, refusalReason == null ? List.of() : List.of(refusalReason));
        o.varint((int) retentionDay);
        return o.view();
    }

    private static int intAt(byte[] bytes, int offset) {
        return (int) BIG_ENDIAN_INT.get(bytes, offset);
    }
}
