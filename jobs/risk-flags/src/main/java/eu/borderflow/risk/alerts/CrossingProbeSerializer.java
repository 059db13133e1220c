package eu.borderflow.risk.alerts;

import eu.borderflow.risk.rules.CrossingFactsSerializer;
import java.io.IOException;
import java.io.InputStream;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

/** The wire format of a {@link CrossingProbe} on its way to an alert join. */
public final class CrossingProbeSerializer extends CrossingFactsSerializer<CrossingProbe> {

    public static final CrossingProbeSerializer INSTANCE = new CrossingProbeSerializer();
    private static final long serialVersionUID = 1L;

    @Override
    public CrossingProbe createInstance() {
        return new CrossingProbe();
    }

    @Override
    public CrossingProbe copy(CrossingProbe from) {
        return from.forKey(from.getKey());
    }

    @Override
    public CrossingProbe copy(CrossingProbe from, CrossingProbe reuse) {
        return copy(from);
    }

    @Override
    protected void serializeOwn(CrossingProbe probe, DataOutputView target) throws IOException {
        StringValue.writeString(probe.getKey(), target);
        String[] keys = probe.getKeys();
        target.writeInt(keys == null ? -1 : keys.length);
        if (keys != null) {
            for (String key : keys) {
                StringValue.writeString(key, target);
            }
        }
        StringValue.writeString(probe.getOrderedName(), target);
        StringValue.writeString(probe.getSortedName(), target);
        target.writeInt(probe.getBirthYear());
        target.writeInt(probe.getBirthMonth());
        target.writeInt(probe.getBirthDay());
        target.writeLong(probe.getProbedAfter());
    }

    @Override
    protected void deserializeOwn(CrossingProbe probe, DataInputView source, InputStream in) throws IOException {
        probe.setKey(StringValue.readString(source));
        int count = source.readInt();
        String[] keys = count < 0 ? null : new String[count];
        for (int i = 0; i < count; i++) {
            keys[i] = StringValue.readString(source);
        }
        probe.setKeys(keys);
        probe.setOrderedName(StringValue.readString(source));
        probe.setSortedName(StringValue.readString(source));
        probe.setBirthYear(source.readInt());
        probe.setBirthMonth(source.readInt());
        probe.setBirthDay(source.readInt());
        probe.setProbedAfter(source.readLong());
    }

    @Override
    public TypeSerializerSnapshot<CrossingProbe> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Restores the same serializer; the format has one version. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<CrossingProbe> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
