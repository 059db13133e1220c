package eu.borderflow.risk.rules;

import eu.borderflow.schema.CrossingKind;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

/**
 * A hand-written serializer of a {@link CrossingFacts} projection for the network ({@link WireType}): the facts, then
 * the subclass's own fields. Strings go as Flink's {@link StringValue} does them, null included; the kind as its
 * ordinal, as both ends run the same build.
 */
public abstract class CrossingFactsSerializer<T extends CrossingFacts> extends TypeSerializerSingleton<T> {

    private static final long serialVersionUID = 1L;
    private static final CrossingKind[] KINDS = CrossingKind.values();

    /** Writes the fields the subclass adds to the facts. */
    protected abstract void serializeOwn(T record, DataOutputView target) throws IOException;

    /** Reads into {@code record} the fields the subclass adds to the facts. */
    protected abstract void deserializeOwn(T record, DataInputView source) throws IOException;

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public T copy(T from) {
        return copy(from, createInstance());
    }

    @Override
    public void serialize(T record, DataOutputView target) throws IOException {
        StringValue.writeString(record.getFileId(), target);
        StringValue.writeString(record.getEventId(), target);
        target.writeByte(record.getKind() == null ? -1 : record.getKind().ordinal());
        target.writeLong(record.getEventTime());
        StringValue.writeString(record.getBcpCode(), target);
        StringValue.writeString(record.getSectionId(), target);
        target.writeInt(record.getRetentionUntil());
        serializeOwn(record, target);
    }

    @Override
    public T deserialize(DataInputView source) throws IOException {
        return deserialize(createInstance(), source);
    }

    @Override
    public T deserialize(T reuse, DataInputView source) throws IOException {
        reuse.setFileId(StringValue.readString(source));
        reuse.setEventId(StringValue.readString(source));
        byte kind = source.readByte();
        reuse.setKind(kind < 0 ? null : KINDS[kind]);
        reuse.setEventTime(source.readLong());
        reuse.setBcpCode(StringValue.readString(source));
        reuse.setSectionId(StringValue.readString(source));
        reuse.setRetentionUntil(source.readInt());
        deserializeOwn(reuse, source);
        return reuse;
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        serialize(deserialize(source), target);
    }

    /** Copies the facts of {@code from} into {@code to}. */
    protected static void copyFacts(CrossingFacts from, CrossingFacts to) {
        to.copyFacts(from);
    }
}
