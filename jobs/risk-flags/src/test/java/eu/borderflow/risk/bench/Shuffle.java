package eu.borderflow.risk.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;

/**
 * What a keyBy costs a record besides the keyed operator: it is serialised by its type's Flink serializer on one side
 * and read back on the other (the job's types, Kryo forbidden). The benchmark sends every record that crosses a keyBy
 * in the job through one of these, so the figures include the serialisation the job pays.
 */
final class Shuffle<T> {

    private final TypeSerializer<T> serializer;
    private final DataOutputSerializer out = new DataOutputSerializer(1024);
    private final DataInputDeserializer in = new DataInputDeserializer();

    Shuffle(TypeInformation<T> type) {
        SerializerConfigImpl config = new SerializerConfigImpl();
        config.setGenericTypes(false);
        this.serializer = type.createSerializer(config);
    }

    T through(T value) {
        try {
            out.clear();
            serializer.serialize(value, out);
            in.setBuffer(out.getSharedBuffer(), 0, out.length());
            return serializer.deserialize(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
