package eu.borderflow.picture.testing;

import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.runtime.state.VoidNamespaceSerializer;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.util.AbstractStreamOperatorTestHarness;

/** Reads an operator's keyed state in a test harness, by the operator's own descriptor. */
public final class KeyedState {

    private KeyedState() {}

    /** The entries of {@code descriptor}'s map state for {@code key}, sorted by map key. */
    public static <K, V> TreeMap<K, V> map(
            AbstractStreamOperatorTestHarness<?> harness, String key, MapStateDescriptor<K, V> descriptor)
            throws Exception {
        AbstractStreamOperator<?> operator = harness.getOperator();
        operator.setCurrentKey(key);
        MapState<K, V> state = operator.getKeyedStateBackend()
                .getPartitionedState(VoidNamespace.INSTANCE, VoidNamespaceSerializer.INSTANCE, descriptor);
        TreeMap<K, V> entries = new TreeMap<>();
        for (Map.Entry<K, V> entry : state.entries()) {
            entries.put(entry.getKey(), entry.getValue());
        }
        return entries;
    }

    /** {@code descriptor}'s value for {@code key}, or null. */
    public static <V> V value(
            AbstractStreamOperatorTestHarness<?> harness, String key, ValueStateDescriptor<V> descriptor)
            throws Exception {
        AbstractStreamOperator<?> operator = harness.getOperator();
        operator.setCurrentKey(key);
        return operator.getKeyedStateBackend()
                .getPartitionedState(VoidNamespace.INSTANCE, VoidNamespaceSerializer.INSTANCE, descriptor)
                .value();
    }
}
