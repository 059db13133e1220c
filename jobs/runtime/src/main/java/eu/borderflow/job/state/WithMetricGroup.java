package eu.borderflow.job.state;

import java.util.Collection;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.fs.CloseableRegistry;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.runtime.execution.Environment;
import org.apache.flink.runtime.query.TaskKvStateRegistry;
import org.apache.flink.runtime.state.KeyGroupRange;
import org.apache.flink.runtime.state.KeyedStateHandle;
import org.apache.flink.runtime.state.StateBackend.CustomInitializationMetrics;
import org.apache.flink.runtime.state.StateBackend.KeyedStateBackendParameters;
import org.apache.flink.runtime.state.ttl.TtlTimeProvider;

/** The parameters of a keyed state backend with another metric group, everything else as given. */
final class WithMetricGroup<K> implements KeyedStateBackendParameters<K> {

    private final KeyedStateBackendParameters<K> parameters;
    private final MetricGroup metricGroup;

    WithMetricGroup(KeyedStateBackendParameters<K> parameters, MetricGroup metricGroup) {
        this.parameters = parameters;
        this.metricGroup = metricGroup;
    }

    @Override
    public MetricGroup getMetricGroup() {
        return metricGroup;
    }

    @Override
    public Environment getEnv() {
        return parameters.getEnv();
    }

    @Override
    public JobID getJobID() {
        return parameters.getJobID();
    }

    @Override
    public String getOperatorIdentifier() {
        return parameters.getOperatorIdentifier();
    }

    @Override
    public TypeSerializer<K> getKeySerializer() {
        return parameters.getKeySerializer();
    }

    @Override
    public int getNumberOfKeyGroups() {
        return parameters.getNumberOfKeyGroups();
    }

    @Override
    public KeyGroupRange getKeyGroupRange() {
        return parameters.getKeyGroupRange();
    }

    @Override
    public TaskKvStateRegistry getKvStateRegistry() {
        return parameters.getKvStateRegistry();
    }

    @Override
    public TtlTimeProvider getTtlTimeProvider() {
        return parameters.getTtlTimeProvider();
    }

    @Override
    public Collection<KeyedStateHandle> getStateHandles() {
        return parameters.getStateHandles();
    }

    @Override
    public CloseableRegistry getCancelStreamRegistry() {
        return parameters.getCancelStreamRegistry();
    }

    @Override
    public double getManagedMemoryFraction() {
        return parameters.getManagedMemoryFraction();
    }

    @Override
    public CustomInitializationMetrics getCustomInitializationMetrics() {
        return parameters.getCustomInitializationMetrics();
    }
}
