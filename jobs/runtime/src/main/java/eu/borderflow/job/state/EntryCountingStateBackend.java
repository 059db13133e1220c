package eu.borderflow.job.state;

import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.runtime.state.AsyncKeyedStateBackend;
import org.apache.flink.runtime.state.CheckpointableKeyedStateBackend;
import org.apache.flink.runtime.state.OperatorStateBackend;
import org.apache.flink.runtime.state.StateBackend;
import org.apache.flink.runtime.state.heap.HeapKeyedStateBackend;

/**
 * A state backend that is another one (heap or RocksDB) and in addition gives every keyed operator the gauge
 * {@code stateEntries}: the exact number of keyed state entries (key and namespace, over all of the operator's states)
 * in the heap backend. RocksDB keeps no exact count; its own estimate per state
 * ({@code state.backend.rocksdb.metrics.estimate-num-keys}) is switched on instead, see
 * {@link EntryCountingStateBackendFactory}. Snapshots, restores and savepoints are the delegate's, unchanged.
 */
public final class EntryCountingStateBackend implements StateBackend {

    public static final String STATE_ENTRIES = "stateEntries";
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
        CheckpointableKeyedStateBackend<K> backend = delegate.createKeyedStateBackend(parameters);
        if (backend instanceof HeapKeyedStateBackend<K> heap) {
            parameters.getMetricGroup().gauge(STATE_ENTRIES, (Gauge<Integer>) heap::numKeyValueStateEntries);
        }
        return backend;
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
