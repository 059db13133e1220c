package eu.borderflow.risk.state;

import java.util.function.Supplier;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.java.typeutils.runtime.PojoSerializerSnapshot;

/**
 * The snapshot of a compact keyed-state format that replaced Flink's POJO serializer for the same class. A savepoint
 * of a build before it holds that state in the POJO format: Flink reads it with the POJO serializer the savepoint
 * describes and writes it again in the compact one (compatible after migration, on the heap and on RocksDB), so
 * {@code upgrade} keeps working across the change. A later change of format needs a new snapshot class that accepts
 * this one the same way.
 */
public abstract class StateFormatSnapshot<T> extends SimpleTypeSerializerSnapshot<T> {

    private final Class<T> type;

    protected StateFormatSnapshot(Supplier<? extends TypeSerializer<T>> serializer, Class<T> type) {
        super(serializer);
        this.type = type;
    }

    @Override
    public TypeSerializerSchemaCompatibility<T> resolveSchemaCompatibility(TypeSerializerSnapshot<T> old) {
        if (old instanceof PojoSerializerSnapshot<T> pojo
                && type.isInstance(pojo.restoreSerializer().createInstance())) {
            return TypeSerializerSchemaCompatibility.compatibleAfterMigration();
        }
        return super.resolveSchemaCompatibility(old);
    }
}
