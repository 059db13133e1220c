package eu.borderflow.risk.traveller;

import eu.borderflow.risk.rules.CrossingFactsSerializer;
import eu.borderflow.risk.state.CompactEncoding;
import eu.borderflow.risk.state.StateFormatSnapshot;
import java.io.IOException;
import java.io.InputStream;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/** The format of a {@link TravellerCrossing} in the EES-file operator's 72 h buffer (keyed state). */
public final class TravellerCrossingSerializer extends CrossingFactsSerializer<TravellerCrossing> {

    public static final TravellerCrossingSerializer INSTANCE = new TravellerCrossingSerializer();
    private static final long serialVersionUID = 1L;
    private static final int SHORT_STAY = 1;
    private static final int VISA = 2;

    @Override
    public TravellerCrossing createInstance() {
        return new TravellerCrossing();
    }

    @Override
    public TravellerCrossing copy(TravellerCrossing from, TravellerCrossing reuse) {
        copyFacts(from, reuse);
        reuse.setLocalDate(from.getLocalDate());
        reuse.setShortStay(from.isShortStay());
        reuse.setVisaDigest(from.getVisaDigest());
        reuse.setEntriesAuthorised(from.getEntriesAuthorised());
        reuse.setDurationOfStayDays(from.getDurationOfStayDays());
        reuse.setVisaValidFrom(from.getVisaValidFrom());
        reuse.setVisaValidUntil(from.getVisaValidUntil());
        reuse.setDocumentExpiry(from.getDocumentExpiry());
        return reuse;
    }

    @Override
    protected void serializeOwn(TravellerCrossing crossing, DataOutputView target) throws IOException {
        CompactEncoding.writeInt(crossing.getLocalDate(), target);
        Long visa = crossing.getVisaDigest();
        target.writeByte((crossing.isShortStay() ? SHORT_STAY : 0) | (visa == null ? 0 : VISA));
        if (visa != null) {
            target.writeLong(visa);
        }
        CompactEncoding.writeInt(crossing.getEntriesAuthorised(), target);
        CompactEncoding.writeInt(crossing.getDurationOfStayDays(), target);
        CompactEncoding.writeInt(crossing.getVisaValidFrom(), target);
        CompactEncoding.writeInt(crossing.getVisaValidUntil(), target);
        CompactEncoding.writeInt(crossing.getDocumentExpiry(), target);
    }

    @Override
    protected void deserializeOwn(TravellerCrossing crossing, DataInputView source, InputStream in) throws IOException {
        crossing.setLocalDate(CompactEncoding.readInt(in));
        int flags = source.readUnsignedByte();
        crossing.setShortStay((flags & SHORT_STAY) != 0);
        crossing.setVisaDigest((flags & VISA) == 0 ? null : source.readLong());
        crossing.setEntriesAuthorised(CompactEncoding.readInt(in));
        crossing.setDurationOfStayDays(CompactEncoding.readInt(in));
        crossing.setVisaValidFrom(CompactEncoding.readInt(in));
        crossing.setVisaValidUntil(CompactEncoding.readInt(in));
        crossing.setDocumentExpiry(CompactEncoding.readInt(in));
    }

    @Override
    public TypeSerializerSnapshot<TravellerCrossing> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Format 1; buffered crossings of earlier builds in the POJO format migrate to it on restore. */
    public static final class Snapshot extends StateFormatSnapshot<TravellerCrossing> {
        public Snapshot() {
            super(() -> INSTANCE, TravellerCrossing.class);
        }
    }
}
