package eu.borderflow.risk.rules;

import eu.borderflow.risk.state.CompactEncoding;
import eu.borderflow.risk.state.CompactSerializer;
import java.io.IOException;
import java.io.InputStream;
import org.apache.flink.api.java.typeutils.runtime.DataInputViewStream;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * A hand-written serializer of a {@link CrossingFacts} projection, for the network ({@link WireType}) and for the
 * crossings the rules buffer in keyed state (its subclasses' snapshots say which): the facts, then the subclass's own
 * fields, in the compact encodings of keyed state ({@link CompactEncoding}).
 */
public abstract class CrossingFactsSerializer<T extends CrossingFacts> extends CompactSerializer<T> {

    private static final long serialVersionUID = 1L;

    /** Writes the fields the subclass adds to the facts. */
    protected abstract void serializeOwn(T record, DataOutputView target) throws IOException;

    /** Reads into {@code record} the fields the subclass adds to the facts; varints from {@code in}. */
    protected abstract void deserializeOwn(T record, DataInputView source, InputStream in) throws IOException;

    @Override
    public T copy(T from) {
        return copy(from, createInstance());
    }

    /** Copies every field of {@code from} into {@code reuse} (the facts with {@link #copyFacts}). */
    @Override
    public abstract T copy(T from, T reuse);

    @Override
    public void serialize(T record, DataOutputView target) throws IOException {
        CompactEncoding.writeId(record.getFileId(), target);
        CompactEncoding.writeId(record.getEventId(), target);
        CompactEncoding.writeKind(record.getKind(), target);
        CompactEncoding.writeLong(record.getEventTime(), target);
        CompactEncoding.writeString(record.getBcpCode(), target);
        CompactEncoding.writeString(record.getSectionId(), target);
        CompactEncoding.writeInt(record.getRetentionUntil(), target);
        serializeOwn(record, target);
    }

    @Override
    protected T read(DataInputView source, InputStream in) throws IOException {
        return read(createInstance(), source, in);
    }

    @Override
    public T deserialize(T reuse, DataInputView source) throws IOException {
        return read(reuse, source, new DataInputViewStream(source));
    }

    private T read(T reuse, DataInputView source, InputStream in) throws IOException {
        reuse.setFileId(CompactEncoding.readId(source));
        reuse.setEventId(CompactEncoding.readId(source));
        reuse.setKind(CompactEncoding.readKind(source));
        reuse.setEventTime(CompactEncoding.readLong(in));
        reuse.setBcpCode(CompactEncoding.readString(source));
        reuse.setSectionId(CompactEncoding.readString(source));
        reuse.setRetentionUntil(CompactEncoding.readInt(in));
        deserializeOwn(reuse, source, in);
        return reuse;
    }

    /** Copies the facts of {@code from} into {@code to}. */
    protected static void copyFacts(CrossingFacts from, CrossingFacts to) {
        to.copyFacts(from);
    }
}
