package eu.borderflow.risk.state;

import java.io.IOException;
import java.io.InputStream;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.api.java.typeutils.runtime.DataInputViewStream;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * A hand-written serializer of a mutable value in the compact encodings ({@link CompactEncoding}), for keyed state and
 * the network. Copies are deep: the heap backend copies a value that changes while an asynchronous snapshot still
 * reads it.
 */
public abstract class CompactSerializer<T> extends TypeSerializerSingleton<T> {

    private static final long serialVersionUID = 1L;

    /** Reads a value; varints from {@code in}, fixed-width fields and strings from {@code source}. */
    protected abstract T read(DataInputView source, InputStream in) throws IOException;

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public T copy(T from, T reuse) {
        return copy(from);
    }

    @Override
    public T deserialize(DataInputView source) throws IOException {
        return read(source, new DataInputViewStream(source));
    }

    @Override
    public T deserialize(T reuse, DataInputView source) throws IOException {
        return deserialize(source);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        serialize(deserialize(source), target);
    }
}
