package eu.borderflow.risk.traveller;

import static eu.borderflow.risk.state.CompactEncoding.readId;
import static eu.borderflow.risk.state.CompactEncoding.readInt;
import static eu.borderflow.risk.state.CompactEncoding.readKind;
import static eu.borderflow.risk.state.CompactEncoding.readLong;
import static eu.borderflow.risk.state.CompactEncoding.readString;
import static eu.borderflow.risk.state.CompactEncoding.writeId;
import static eu.borderflow.risk.state.CompactEncoding.writeInt;
import static eu.borderflow.risk.state.CompactEncoding.writeKind;
import static eu.borderflow.risk.state.CompactEncoding.writeLong;
import static eu.borderflow.risk.state.CompactEncoding.writeString;

import eu.borderflow.risk.state.CompactSerializer;
import eu.borderflow.risk.state.StateFormatSnapshot;
import java.io.IOException;
import java.io.InputStream;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * The keyed-state format of a {@link DocumentTrail}: about 50 bytes where Flink's POJO serializer took 74.
 */
public final class DocumentTrailSerializer extends CompactSerializer<DocumentTrail> {

    public static final DocumentTrailSerializer INSTANCE = new DocumentTrailSerializer();
    private static final long serialVersionUID = 1L;
    private static final int FACIAL = 1;
    private static final int FINGERPRINT = 2;
    // Which crossings enrolled the templates: none in the state of builds before 2026-12-07, which reads as unknown.
    private static final int FACIAL_BY = 4;
    private static final int FINGERPRINT_BY = 8;
    /** The fingerprints enrolled by the crossing that enrolled the face: its id once. */
    private static final int FINGERPRINT_BY_FACIAL = 16;

    @Override
    public DocumentTrail createInstance() {
        return new DocumentTrail();
    }

    @Override
    public DocumentTrail copy(DocumentTrail from) {
        return from.copy();
    }

    @Override
    public void serialize(DocumentTrail trail, DataOutputView target) throws IOException {
        writeId(trail.getLastEventId(), target);
        writeLong(trail.getLastTime(), target);
        writeString(trail.getLastBcpCode(), target);
        writeKind(trail.getLastMovement(), target);
        writeId(trail.getLastMovementEventId(), target);
        Long facial = trail.getFacialDigest();
        Long fingerprint = trail.getFingerprintDigest();
        String facialBy = trail.getFacialEventId();
        String fingerprintBy = trail.getFingerprintEventId();
        boolean sameBy = fingerprintBy != null && fingerprintBy.equals(facialBy);
        target.writeByte((facial == null ? 0 : FACIAL)
                | (fingerprint == null ? 0 : FINGERPRINT)
                | (facialBy == null ? 0 : FACIAL_BY)
                | (fingerprintBy == null || sameBy ? 0 : FINGERPRINT_BY)
                | (sameBy ? FINGERPRINT_BY_FACIAL : 0));
        if (facial != null) {
            target.writeLong(facial);
        }
        if (fingerprint != null) {
            target.writeLong(fingerprint);
        }
        if (facialBy != null) {
            writeId(facialBy, target);
        }
        if (fingerprintBy != null && !sameBy) {
            writeId(fingerprintBy, target);
        }
        writeInt(trail.getKeepUntil(), target);
        writeInt(trail.getExpiryTimerDay(), target);
    }

    @Override
    protected DocumentTrail read(DataInputView source, InputStream in) throws IOException {
        DocumentTrail trail = new DocumentTrail();
        trail.setLastEventId(readId(source));
        trail.setLastTime(readLong(in));
        trail.setLastBcpCode(readString(source));
        trail.setLastMovement(readKind(source));
        trail.setLastMovementEventId(readId(source));
        int present = source.readUnsignedByte();
        trail.setFacialDigest((present & FACIAL) == 0 ? null : source.readLong());
        trail.setFingerprintDigest((present & FINGERPRINT) == 0 ? null : source.readLong());
        trail.setFacialEventId((present & FACIAL_BY) == 0 ? null : readId(source));
        trail.setFingerprintEventId(
                (present & FINGERPRINT_BY) != 0
                        ? readId(source)
                        : (present & FINGERPRINT_BY_FACIAL) != 0 ? trail.getFacialEventId() : null);
        trail.setKeepUntil(readInt(in));
        trail.setExpiryTimerDay(readInt(in));
        return trail;
    }

    @Override
    public TypeSerializerSnapshot<DocumentTrail> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Format 1; state of earlier builds in the POJO format migrates to it on restore. */
    public static final class Snapshot extends StateFormatSnapshot<DocumentTrail> {
        public Snapshot() {
            super(() -> INSTANCE, DocumentTrail.class);
        }
    }
}
