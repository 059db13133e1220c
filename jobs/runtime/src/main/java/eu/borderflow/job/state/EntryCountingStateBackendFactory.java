package eu.borderflow.job.state;

import java.io.IOException;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.IllegalConfigurationException;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.runtime.state.StateBackend;
import org.apache.flink.runtime.state.StateBackendFactory;
import org.apache.flink.runtime.state.StateBackendLoader;
import org.apache.flink.util.DynamicCodeLoadingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Flink loads this factory when {@code state.backend.type} names it; it builds the backend named by
 * {@link #DELEGATE} ({@code hashmap} or {@code rocksdb}, configured as usual) and wraps it in an
 * {@link EntryCountingStateBackend}. {@link #configure(Configuration, String)} sets both keys, and for RocksDB its
 * estimate of the keys per state.
 */
public final class EntryCountingStateBackendFactory implements StateBackendFactory<StateBackend> {

    /** The backend that holds the state: {@code hashmap} (default) or {@code rocksdb}. */
    public static final ConfigOption<String> DELEGATE = ConfigOptions.key("borderflow.state.backend")
            .stringType()
            .defaultValue(StateBackendLoader.HASHMAP_STATE_BACKEND_NAME);

    private static final String ROCKSDB_ESTIMATE_KEYS = "state.backend.rocksdb.metrics.estimate-num-keys";
    private static final Logger LOG = LoggerFactory.getLogger(EntryCountingStateBackendFactory.class);

    /** Makes the job use {@code backend} ({@code hashmap} or {@code rocksdb}) with state entry metrics. */
    public static Configuration configure(Configuration configuration, String backend) {
        configuration.set(StateBackendOptions.STATE_BACKEND, EntryCountingStateBackendFactory.class.getName());
        configuration.set(DELEGATE, backend);
        if (StateBackendLoader.ROCKSDB_STATE_BACKEND_NAME.equals(backend)) {
            configuration.setString(ROCKSDB_ESTIMATE_KEYS, "true");
        }
        return configuration;
    }

    /**
     * Routes the backend {@code configuration} names ({@code state.backend.type}: hashmap or rocksdb) through this
     * factory, so the same state lives in it with state entry metrics; returns {@code configuration}.
     */
    public static Configuration wrap(Configuration configuration) {
        String backend = configuration.get(StateBackendOptions.STATE_BACKEND);
        if (EntryCountingStateBackendFactory.class.getName().equals(backend)) {
            return configuration;
        }
        return configure(configuration, backend);
    }

    @Override
    public StateBackend createFromConfig(ReadableConfig config, ClassLoader classLoader)
            throws IllegalConfigurationException, IOException {
        String delegate = config.get(DELEGATE);
        if (delegate.equals(EntryCountingStateBackendFactory.class.getName())) {
            throw new IllegalConfigurationException(DELEGATE.key() + " must name the backend that holds the state");
        }
        Configuration delegateConfig = new Configuration();
        config.toMap().forEach(delegateConfig::setString);
        delegateConfig.set(StateBackendOptions.STATE_BACKEND, delegate);
        try {
            return new EntryCountingStateBackend(
                    StateBackendLoader.loadStateBackendFromConfig(delegateConfig, classLoader, LOG));
        } catch (DynamicCodeLoadingException e) {
            throw new IllegalConfigurationException("cannot load the state backend " + delegate, e);
        }
    }
}
