package eu.borderflow.seeds.generate;

import eu.borderflow.schema.CrossingKind;
import eu.borderflow.seeds.reference.Bcp;
import eu.borderflow.seeds.world.BackgroundCrossing;
import eu.borderflow.seeds.world.BackgroundTraffic;
import eu.borderflow.seeds.world.CrossingFactory;
import eu.borderflow.seeds.world.IdFactory;
import eu.borderflow.seeds.world.Traveller;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * Avro binary encoding of a {@link BackgroundCrossing} straight from its values, without making a BorderCrossing
 * record. What belongs to the traveller (identity, the variant spelling, document, visa, stay basis, biometric ids) is
 * encoded once per traveller and kept with it, and a BCP's names once per BCP, so a crossing is a few numbers and a
 * few copies. A record is written in two steps: its {@link #tail} when the crossing is made, the fields that depend on
 * its place in arrival order (event id, ingest time) when it is written. The bytes are exactly those
 * {@code SpecificDatumWriter} writes for the record the crossing describes (a test re-encodes every record of a
 * generated file); a schema change must be mirrored here, as in {@link CrossingEncoder}.
 */
final class BackgroundEncoder {

    /** A traveller's cached bytes start with the lengths of its identity and variant parts; the rest is its tail. */
    private static final int HEADER = 2 * Integer.BYTES;

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
        scratch.varint(CrossingFactory.STAY_BASIS.ordinal());
        CrossingEncoder.biometricIds(scratch, t.facialTemplateId(), t.fingerprintTemplateId(), t.fingerprintStatus());
        byte[] parts = new byte[HEADER + scratch.position()];
        ByteBuffer.wrap(parts).putInt(identity).putInt(variant).put(scratch.array(), 0, scratch.position());
        return parts;
    }

    /**
     * Appends what of crossing {@code c}'s record does not depend on its place in arrival order: every field from
     * bcp_code on. Its traveller bytes are what {@link #prepare} made.
     */
    void tail(BackgroundCrossing c, AvroBytes out) {
        byte[] bcp = bcpParts[c.bcp()];
        out.raw(bcp, 0, bcp.length);
        byte[] parts = c.travellerBytes();
        int start = c.travellerBytesStart();
        int identity = intAt(parts, start);
        int variant = intAt(parts, start + Integer.BYTES);
        if (c.variantSpelling()) {
            out.raw(parts, start + HEADER + identity, variant);
        } else {
            out.raw(parts, start + HEADER, identity);
        }
        int tail = start + HEADER + identity + variant;
        out.raw(parts, tail, c.travellerBytesEnd() - tail);
        out.floatLe(c.verificationScore());
        if (c.refusalReason() != null) {
            out.varlong(1); // an array block of one item
            out.varint(c.refusalReason().ordinal());
        }
        out.varlong(0);
        out.varint((int) c.retentionDay());
    }

    /**
     * The whole record of the {@code counter}-th background crossing, ingested at {@code ingestMillis}, late
     * ({@code fallbackUpload}) or not, whose {@link #tail} is {@code tail[offset, offset + length)}. The buffer is
     * valid until the next call.
     */
    ByteBuffer record(long counter, CrossingKind kind, long eventMillis, long localDay, long ingestMillis,
                      boolean fallbackUpload, byte[] tail, int offset, int length) {
        AvroBytes o = out;
        o.reset();
        ids.eventId(counter, o.array(), o.reserveAscii(IdFactory.ID_LENGTH));
        o.bool(true);
        o.varint(kind.ordinal());
        o.varlong(eventMillis);
        o.varint((int) localDay);
        o.varlong(ingestMillis);
        o.bool(fallbackUpload);
        o.raw(tail, offset, length);
        return o.view();
    }

    /** The big-endian int at {@code offset}, as {@link ByteBuffer#putInt} wrote it. */
    private static int intAt(byte[] bytes, int offset) {
        return (bytes[offset] & 0xFF) << 24 | (bytes[offset + 1] & 0xFF) << 16 | (bytes[offset + 2] & 0xFF) << 8
                | bytes[offset + 3] & 0xFF;
    }
}
