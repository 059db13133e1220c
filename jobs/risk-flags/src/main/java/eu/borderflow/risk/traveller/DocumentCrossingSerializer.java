package eu.borderflow.risk.traveller;

import eu.borderflow.risk.rules.CrossingFactsSerializer;
import eu.borderflow.risk.state.StateFormatSnapshot;
import java.io.IOException;
import java.io.InputStream;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * The format of a {@link DocumentCrossing} on its way to the document operator and in its 72 h buffer (keyed state).
 */
public final class DocumentCrossingSerializer extends CrossingFactsSerializer<DocumentCrossing> {

    public static final DocumentCrossingSerializer INSTANCE = new DocumentCrossingSerializer();
    private static final long serialVersionUID = 1L;

    @Override
    public DocumentCrossing createInstance() {
        return new DocumentCrossing();
    }

    @Override
    public DocumentCrossing copy(DocumentCrossing from, DocumentCrossing reuse) {
        copyFacts(from, reuse);
        reuse.setDocumentDigest(from.getDocumentDigest());
        reuse.setFacialDigest(from.getFacialDigest());
        reuse.setFingerprintDigest(from.getFingerprintDigest());
        return reuse;
    }

    @Override
    protected void serializeOwn(DocumentCrossing crossing, DataOutputView target) throws IOException {
        target.writeLong(crossing.getDocumentDigest());
        target.writeLong(crossing.getFacialDigest());
        Long fingerprint = crossing.getFingerprintDigest();
        target.writeBoolean(fingerprint != null);
        if (fingerprint != null) {
            target.writeLong(fingerprint);
        }
    }

    @Override
    protected void deserializeOwn(DocumentCrossing crossing, DataInputView source, InputStream in) throws IOException {
        crossing.setDocumentDigest(source.readLong());
        crossing.setFacialDigest(source.readLong());
        crossing.setFingerprintDigest(source.readBoolean() ? source.readLong() : null);
    }

    @Override
    public TypeSerializerSnapshot<DocumentCrossing> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Format 1; buffered crossings of earlier builds in the POJO format migrate to it on restore. */
    public static final class Snapshot extends StateFormatSnapshot<DocumentCrossing> {
        public Snapshot() {
            super(() -> INSTANCE, DocumentCrossing.class);
        }
    }
}
