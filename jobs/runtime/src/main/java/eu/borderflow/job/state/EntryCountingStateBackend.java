package eu.borderflow.job.state;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.runtime.state.AsyncKeyedStateBackend;
import org.apache.flink.runtime.state.CheckpointableKeyedStateBackend;
import org.apache.flink.runtime.state.OperatorStateBackend;
import org.apache.flink.runtime.state.StateBackend;
import org.apache.flink.runtime.state.heap.HeapKeyedStateBackend;

/**
 * A state backend that is another one (heap or RocksDB) and in addition gives every keyed operator the gauge
 * {@code stateEntries}: in the heap backend the exact number of keyed state entries (key and namespace, over all of
 * the operator's states); in RocksDB, which keeps no exact count, the sum of its own estimates per state
 * ({@code rocksdb.estimate-num-keys}, switched on by {@link EntryCountingStateBackendFactory}; it counts overwritten
 * entries not yet compacted away, so it reads high). Snapshots, restores and savepoints are the delegate's, unchanged.
 */
public final class EntryCountingStateBackend implements StateBackend {

    public static final String STATE_ENTRIES = "stateEntries";
    /** The gauge RocksDB registers per state when its estimate of the keys is switched on. */
    static final String ROCKSDB_ESTIMATE_KEYS = "rocksdb.estimate-num-keys";

    private static final long serialVersionUID = 1L;

    private final StateBackend delegate;

    public EntryCountingStateBackend(StateBackend delegate) {
        this.delegate = delegate;
    }

    @Override
    public String getName() {
        return delegate.getName();
    }

    @Override
    public <K> CheckpointableKeyedStateBackend<K> createKeyedStateBackend(KeyedStateBackendParameters<K> parameters)
            throws Exception {
        List<Gauge<?>> estimates = new CopyOnWriteArrayList<>();
        CheckpointableKeyedStateBackend<K> backend = delegate.createKeyedStateBackend(new WithMetricGroup<>(
                parameters,
                new GaugeCollectingMetricGroup(parameters.getMetricGroup(), ROCKSDB_ESTIMATE_KEYS, estimates)));
        if (backend instanceof HeapKeyedStateBackend<K> heap) {
            parameters.getMetricGroup().gauge(STATE_ENTRIES, (Gauge<Integer>) heap::numKeyValueStateEntries);
        } else {
            parameters.getMetricGroup().gauge(STATE_ENTRIES, (Gauge<Long>) () -> sum(estimates));
        }
        return backend;
    }

    /** The sum of RocksDB's estimates, one per state (column family), 0 before the first state is created. */
    private static long sum(List<Gauge<?>> estimates) {
        long total = 0;
        for (Gauge<?> estimate : estimates) {
            if (estimate.getValue() instanceof Number n) {
                total += n.longValue();
            }
        }
        return total;
    }

    @Override
    public <K> AsyncKeyedStateBackend<K> createAsyncKeyedStateBackend(KeyedStateBackendParameters<K> parameters)
            throws Exception {
        return delegate.createAsyncKeyedStateBackend(parameters);
    }

    @Override
    public boolean supportsAsyncKeyedStateBackend() {
        return delegate.supportsAsyncKeyedStateBackend();
    }

    @Override
    public OperatorStateBackend createOperatorStateBackend(OperatorStateBackendParameters parameters) throws Exception {
        return delegate.createOperatorStateBackend(parameters);
    }

    @Override
    public boolean useManagedMemory() {
        return delegate.useManagedMemory();
    }

    @Override
    public boolean supportsNoClaimRestoreMode() {
        return delegate.supportsNoClaimRestoreMode();
    }

    @Override
    public boolean supportsSavepointFormat(SavepointFormatType formatType) {
        return delegate.supportsSavepointFormat(formatType);
    }

    StateBackend delegate() {
        return delegate;
    }
}
