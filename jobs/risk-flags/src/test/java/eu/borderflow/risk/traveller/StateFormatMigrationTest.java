package eu.borderflow.risk.traveller;

import static org.assertj.core.api.Assertions.assertThat;

import eu.borderflow.risk.RiskSettings;
import eu.borderflow.risk.testing.EveryField;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.KeyedStateBackend;
import org.apache.flink.runtime.state.StateBackend;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.runtime.state.VoidNamespaceSerializer;
import org.apache.flink.runtime.state.hashmap.HashMapStateBackend;
import org.apache.flink.state.rocksdb.EmbeddedRocksDBStateBackend;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.util.Collector;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code upgrade} across the compact state formats: a savepoint of a build that kept the EES file, the document trail
 * and the crossings of both 72 h buffers in Flink's POJO format restores into today's operators, on the heap and on
 * RocksDB, with every field of every key; their next snapshot, in the compact format, restores as well.
 */
class StateFormatMigrationTest {

    private static final RiskSettings SETTINGS = RiskSettings.local(Crossings.CONFIG);
    private static final int KEYS = 20;

    @ParameterizedTest
    @ValueSource(strings = {"hashmap", "rocksdb"})
    void eesFilesAndTheirBufferedCrossingsRestoreIntoTheTravellerFileOperator(String backend) throws Exception {
        List<List<TravellerFile>> files = new ArrayList<>();
        List<List<TravellerCrossing>> crossings = new ArrayList<>();
        for (int i = 0; i < KEYS; i++) {
            TravellerFile file = i % 5 == 4 ? TravellerFile.empty() : EveryField.filled(TravellerFile.class, i * 1000);
            if (i % 3 == 0) {
                file.setOpenStay(null);
            }
            files.add(List.of(file));
            List<TravellerCrossing> buffered = new ArrayList<>();
            for (int j = 0; j <= i % 3; j++) {
                TravellerCrossing crossing = EveryField.filled(TravellerCrossing.class, i * 1000 + j * 100);
                if (j == 1) {
                    crossing.setVisaDigest(null);
                }
                buffered.add(crossing);
            }
            crossings.add(buffered);
        }
        Supplier<KeyedProcessOperator<String, TravellerCrossing, ?>> operator =
                () -> new KeyedProcessOperator<>(new TravellerFileOperator(SETTINGS, Crossings.BCPS));
        IntFunction<String> key = i -> "F" + i;
        check(
                new Migrated<>(
                        backend, "ees-file", false, TravellerFile.class, TravellerFileSerializer.INSTANCE, files),
                key,
                Types.STRING,
                operator,
                TravellerCrossing::getFileId);
        check(
                new Migrated<>(
                        backend,
                        "ees-file-pending",
                        true,
                        TravellerCrossing.class,
                        TravellerCrossingSerializer.INSTANCE,
                        crossings),
                key,
                Types.STRING,
                operator,
                TravellerCrossing::getFileId);
    }

    @ParameterizedTest
    @ValueSource(strings = {"hashmap", "rocksdb"})
    void documentTrailsAndTheirBufferedCrossingsRestoreIntoTheDocumentOperator(String backend) throws Exception {
        List<List<DocumentTrail>> trails = new ArrayList<>();
        List<List<DocumentCrossing>> crossings = new ArrayList<>();
        for (int i = 0; i < KEYS; i++) {
            DocumentTrail trail = EveryField.filled(DocumentTrail.class, i * 1000);
            if (i % 4 == 1) {
                trail.setFingerprintDigest(null);
                trail.setLastMovementEventId(null);
            }
            trails.add(List.of(trail));
            List<DocumentCrossing> buffered = new ArrayList<>();
            for (int j = 0; j <= i % 3; j++) {
                DocumentCrossing crossing = EveryField.filled(DocumentCrossing.class, i * 1000 + j * 100);
                if (j == 1) {
                    crossing.setFingerprintDigest(null);
                }
                buffered.add(crossing);
            }
            crossings.add(buffered);
        }
        Supplier<KeyedProcessOperator<Long, DocumentCrossing, ?>> operator =
                () -> new KeyedProcessOperator<>(new DocumentSequenceOperator(SETTINGS, Crossings.BCPS));
        IntFunction<Long> key = i -> i * 7919L;
        check(
                new Migrated<>(
                        backend,
                        "document-trail",
                        false,
                        DocumentTrail.class,
                        DocumentTrailSerializer.INSTANCE,
                        trails),
                key,
                Types.LONG,
                operator,
                DocumentCrossing::getDocumentDigest);
        check(
                new Migrated<>(
                        backend,
                        "document-pending",
                        true,
                        DocumentCrossing.class,
                        DocumentCrossingSerializer.INSTANCE,
                        crossings),
                key,
                Types.LONG,
                operator,
                DocumentCrossing::getDocumentDigest);
    }

    /** One state of an operator: written in the POJO format, read in the compact one; a value or list per key. */
    private record Migrated<V>(
            String backend,
            String stateName,
            boolean list,
            Class<V> type,
            TypeSerializer<V> compact,
            List<List<V>> perKey) {}

    private static <K, V, IN> void check(
            Migrated<V> state,
            IntFunction<K> key,
            TypeInformation<K> keyType,
            Supplier<KeyedProcessOperator<K, IN, ?>> operator,
            KeySelector<IN, K> operatorKey)
            throws Exception {
        OperatorSubtaskState pojoSavepoint;
        try (var old = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new PojoStateWriter<K, V>(state, key)),
                (KeySelector<K, K>) k -> k,
                keyType)) {
            old.setStateBackend(backend(state.backend()));
            old.open();
            for (int i = 0; i < state.perKey().size(); i++) {
                old.processElement(key.apply(i), 0);
            }
            pojoSavepoint = old.snapshot(1, 1);
        }
        OperatorSubtaskState compactSnapshot;
        try (var restored = new KeyedOneInputStreamOperatorTestHarness<>(operator.get(), operatorKey, keyType)) {
            restored.setStateBackend(backend(state.backend()));
            restored.initializeState(pojoSavepoint);
            restored.open();
            assertStates(restored.getOperator().getKeyedStateBackend(), state, key);
            compactSnapshot = restored.snapshot(2, 2);
        }
        try (var again = new KeyedOneInputStreamOperatorTestHarness<>(operator.get(), operatorKey, keyType)) {
            again.setStateBackend(backend(state.backend()));
            again.initializeState(compactSnapshot);
            again.open();
            assertStates(again.getOperator().getKeyedStateBackend(), state, key);
        }
    }

    private static <K, V> void assertStates(KeyedStateBackend<K> backend, Migrated<V> state, IntFunction<K> key)
            throws Exception {
        for (int i = 0; i < state.perKey().size(); i++) {
            backend.setCurrentKey(key.apply(i));
            List<V> stored = new ArrayList<>();
            if (state.list()) {
                ListState<V> list = backend.getPartitionedState(
                        VoidNamespace.INSTANCE,
                        VoidNamespaceSerializer.INSTANCE,
                        new ListStateDescriptor<>(state.stateName(), state.compact()));
                list.get().forEach(stored::add);
            } else {
                ValueState<V> value = backend.getPartitionedState(
                        VoidNamespace.INSTANCE,
                        VoidNamespaceSerializer.INSTANCE,
                        new ValueStateDescriptor<>(state.stateName(), state.compact()));
                stored.add(value.value());
            }
            assertThat(stored)
                    .as("%s of key %s", state.stateName(), key.apply(i))
                    .hasSize(state.perKey().get(i).size());
            for (int j = 0; j < stored.size(); j++) {
                assertThat(EveryField.sameFields(
                                stored.get(j), state.perKey().get(i).get(j)))
                        .as("%s of key %s, element %d", state.stateName(), key.apply(i), j)
                        .isTrue();
            }
        }
    }

    private static StateBackend backend(String name) {
        return name.equals("rocksdb") ? new EmbeddedRocksDBStateBackend() : new HashMapStateBackend();
    }

    /** The state as a build before the compact formats wrote it: Flink's POJO serializer, under the same name. */
    private static final class PojoStateWriter<K, V> extends KeyedProcessFunction<K, K, Void> {

        private final Migrated<V> state;
        private final List<K> keys = new ArrayList<>();
        private transient ValueState<V> value;
        private transient ListState<V> list;

        PojoStateWriter(Migrated<V> state, IntFunction<K> key) {
            this.state = state;
            for (int i = 0; i < state.perKey().size(); i++) {
                keys.add(key.apply(i));
            }
        }

        @Override
        public void open(OpenContext context) {
            if (state.list()) {
                list = getRuntimeContext()
                        .getListState(new ListStateDescriptor<>(state.stateName(), Types.POJO(state.type())));
            } else {
                value = getRuntimeContext()
                        .getState(new ValueStateDescriptor<>(state.stateName(), Types.POJO(state.type())));
            }
        }

        @Override
        public void processElement(K key, Context ctx, Collector<Void> out) throws Exception {
            List<V> values = state.perKey().get(keys.indexOf(key));
            if (state.list()) {
                list.update(values);
            } else {
                value.update(values.get(0));
            }
        }
    }
}
