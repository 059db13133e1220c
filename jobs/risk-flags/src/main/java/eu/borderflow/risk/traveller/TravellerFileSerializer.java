package eu.borderflow.risk.traveller;

import static eu.borderflow.risk.state.CompactEncoding.readId;
import static eu.borderflow.risk.state.CompactEncoding.readInt;
import static eu.borderflow.risk.state.CompactEncoding.readInts;
import static eu.borderflow.risk.state.CompactEncoding.readLong;
import static eu.borderflow.risk.state.CompactEncoding.readString;
import static eu.borderflow.risk.state.CompactEncoding.writeId;
import static eu.borderflow.risk.state.CompactEncoding.writeInt;
import static eu.borderflow.risk.state.CompactEncoding.writeInts;
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
 * The keyed-state format of a {@link TravellerFile} and its {@link OpenStay}: epoch days as varints, the stays as
 * differences, a third to a half of what Flink's POJO serializer wrote. The visa arrays are parallel and go as one
 * count and a slot each.
 */
public final class TravellerFileSerializer extends CompactSerializer<TravellerFile> {

    public static final TravellerFileSerializer INSTANCE = new TravellerFileSerializer();
    private static final long serialVersionUID = 1L;
    private static final int RAISED = 1;
    private static final int VISA = 2;

    @Override
    public TravellerFile createInstance() {
        return new TravellerFile();
    }

    @Override
    public TravellerFile copy(TravellerFile from) {
        return from.copy();
    }

    @Override
    public void serialize(TravellerFile file, DataOutputView target) throws IOException {
        writeInts(file.getStays(), target);
        writeInt(file.getLastMovementDay(), target);
        writeVisas(file, target);
        writeInt(file.getExpiryTimerDay(), target);
        OpenStay stay = file.getOpenStay();
        target.writeBoolean(stay != null);
        if (stay != null) {
            writeStay(stay, target);
        }
    }

    @Override
    protected TravellerFile read(DataInputView source, InputStream in) throws IOException {
        TravellerFile file = new TravellerFile();
        file.setStays(readInts(in));
        file.setLastMovementDay(readInt(in));
        readVisas(file, source, in);
        file.setExpiryTimerDay(readInt(in));
        if (source.readBoolean()) {
            file.setOpenStay(readStay(source, in));
        }
        return file;
    }

    private static void writeVisas(TravellerFile file, DataOutputView target) throws IOException {
        long[] digests = file.getVisaDigests();
        if (digests == null) {
            writeInt(0, target);
            return;
        }
        int[][] columns = {
            file.getVisaEntries(), file.getVisaDaysUsed(), file.getVisaLastDays(), file.getVisaKeepUntil()
        };
        for (int[] column : columns) {
            if (column == null || column.length != digests.length) {
                throw new IllegalStateException("the visa arrays of an EES file differ in length");
            }
        }
        writeInt(digests.length + 1, target);
        for (int i = 0; i < digests.length; i++) {
            target.writeLong(digests[i]);
            for (int[] column : columns) {
                writeInt(column[i], target);
            }
        }
    }

    private static void readVisas(TravellerFile file, DataInputView source, InputStream in) throws IOException {
        int count = readInt(in) - 1;
        if (count < 0) {
            return;
        }
        long[] digests = new long[count];
        int[][] columns = new int[4][count];
        for (int i = 0; i < count; i++) {
            digests[i] = source.readLong();
            for (int[] column : columns) {
                column[i] = readInt(in);
            }
        }
        file.setVisaDigests(digests);
        file.setVisaEntries(columns[0]);
        file.setVisaDaysUsed(columns[1]);
        file.setVisaLastDays(columns[2]);
        file.setVisaKeepUntil(columns[3]);
    }

    private static void writeStay(OpenStay stay, DataOutputView target) throws IOException {
        writeId(stay.getEntryEventId(), target);
        writeLong(stay.getEntryTime(), target);
        writeInt(stay.getEntryDay(), target);
        writeString(stay.getBcpCode(), target);
        writeString(stay.getSectionId(), target);
        writeInt(stay.getRetentionUntil(), target);
        writeInt(stay.getLastDayAllowed(), target);
        writeInt(stay.getLatestLawfulExit(), target);
        writeLong(stay.getMissingExitDeadline(), target);
        Long visa = stay.getVisaDigest();
        target.writeByte((stay.isMissingExitRaised() ? RAISED : 0) | (visa == null ? 0 : VISA));
        if (visa != null) {
            target.writeLong(visa);
        }
    }

    private static OpenStay readStay(DataInputView source, InputStream in) throws IOException {
        OpenStay stay = new OpenStay();
        stay.setEntryEventId(readId(source));
        stay.setEntryTime(readLong(in));
        stay.setEntryDay(readInt(in));
        stay.setBcpCode(readString(source));
        stay.setSectionId(readString(source));
        stay.setRetentionUntil(readInt(in));
        stay.setLastDayAllowed(readInt(in));
        stay.setLatestLawfulExit(readInt(in));
        stay.setMissingExitDeadline(readLong(in));
        int flags = source.readUnsignedByte();
        stay.setMissingExitRaised((flags & RAISED) != 0);
        stay.setVisaDigest((flags & VISA) == 0 ? null : source.readLong());
        return stay;
    }

    @Override
    public TypeSerializerSnapshot<TravellerFile> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Format 1; state of earlier builds in the POJO format migrates to it on restore. */
    public static final class Snapshot extends StateFormatSnapshot<TravellerFile> {
        public Snapshot() {
            super(() -> INSTANCE, TravellerFile.class);
        }
    }
}
