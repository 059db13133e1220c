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
        target.writeByte((facial == null ? 0 : FACIAL) | (fingerprint == null ? 0 : FINGERPRINT));
        if (facial != null) {
            target.writeLong(facial);
        }
        if (fingerprint != null) {
            target.writeLong(fingerprint);
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
        int digests = source.readUnsignedByte();
        trail.setFacialDigest((digests & FACIAL) == 0 ? null : source.readLong());
        trail.setFingerprintDigest((digests & FINGERPRINT) == 0 ? null : source.readLong());
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
