package eu.borderflow.job.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.IllegalConfigurationException;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.runtime.state.StateBackend;
import org.apache.flink.runtime.state.StateBackendLoader;
import org.apache.flink.runtime.state.hashmap.HashMapStateBackend;
import org.junit.jupiter.api.Test;

/** Flink's own loader, given the job's configuration, builds the counting backend around the configured one. */
class EntryCountingStateBackendFactoryTest {

    @Test
    void flinkLoadsTheCountingBackendAroundTheHeapBackend() throws Exception {
        Configuration config = EntryCountingStateBackendFactory.configure(
                new Configuration(), StateBackendLoader.HASHMAP_STATE_BACKEND_NAME);
        assertEquals(EntryCountingStateBackendFactory.class.getName(), config.get(StateBackendOptions.STATE_BACKEND));
        StateBackend loaded =
                StateBackendLoader.loadStateBackendFromConfig(config, getClass().getClassLoader(), null);
        EntryCountingStateBackend counting = assertInstanceOf(EntryCountingStateBackend.class, loaded);
        assertInstanceOf(HashMapStateBackend.class, counting.delegate());
        assertEquals(new HashMapStateBackend().getName(), counting.getName());
    }

    @Test
    void rocksDbSwitchesOnItsKeyEstimate() {
        Configuration config = EntryCountingStateBackendFactory.configure(
                new Configuration(), StateBackendLoader.ROCKSDB_STATE_BACKEND_NAME);
        assertEquals("true", config.toMap().get("state.backend.rocksdb.metrics.estimate-num-keys"));
    }

    @Test
    void theFactoryCannotWrapItself() {
        Configuration config = new Configuration();
        config.set(EntryCountingStateBackendFactory.DELEGATE, EntryCountingStateBackendFactory.class.getName());
        assertThrows(
                IllegalConfigurationException.class,
                () -> new EntryCountingStateBackendFactory()
                        .createFromConfig(config, getClass().getClassLoader()));
    }
}
