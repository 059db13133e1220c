package eu.borderflow.risk.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.borderflow.risk.traveller.TravellerFile;
import eu.borderflow.risk.traveller.TravellerFileSerializer;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.runtime.state.KeyedStateBackend;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.runtime.state.VoidNamespaceSerializer;
import org.apache.flink.streaming.util.AbstractStreamOperatorTestHarness;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The job's budget: at most 200 bytes of state per active traveller. Replays the benchmark world (seed 11, 3,000
 * travellers, 45 days) through the keyed operators and, at points through the data, measures the serialised size of
 * their keyed state (a full heap-backend snapshot, timers included, less the snapshot of the same operators when
 * empty) per active traveller: one with a traveller file or crossings waiting at the traveller-file operator. The
 * EES file itself (the value state) must fit the budget; the figures for the 72 h lateness buffer and the alert
 * joins are printed.
 */
class KeyedStateFootprintTest {

    private static final int BUDGET_BYTES = 200;
    private static BenchWorld world;

    @BeforeAll
    static void generate() throws Exception {
        world = BenchWorld.generate(11, 3000, 45);
    }

    @Test
    void theEesFileFitsTheBudgetAndTheOtherStateIsMeasured() throws Exception {
        try (Pipeline file = Pipeline.travellerFile(world.config);
                Pipeline persons = Pipeline.persons(world.config);
                Pipeline documents = Pipeline.documents(world.config);
                Pipeline trails = Pipeline.documentSequence(world.config);
                Pipeline dedup = Pipeline.deduplicator(world.config)) {
            long emptyFile = file.keyedStateBytes();
            long emptyPersons = persons.keyedStateBytes();
            long emptyDocuments = documents.keyedStateBytes();
            long emptyTrails = trails.keyedStateBytes();
            long emptyDedup = dedup.keyedStateBytes();
            int steps = world.steps.size();
            int from = 0;
            double worstFile = 0;
            for (int quarter = 1; quarter <= 4; quarter++) {
                int to = steps * quarter / 4;
                for (Pipeline pipeline : List.of(file, persons, documents, trails, dedup)) {
                    pipeline.replay(world.steps, from, to);
                }
                from = to;
                AbstractStreamOperatorTestHarness<?> harness = file.harnesses().get(0);
                KeyedStateBackend<String> backend = harness.getOperator().getKeyedStateBackend();
                Set<String> withFile = keys(backend, "ees-file");
                Set<String> active = new HashSet<>(withFile);
                active.addAll(keys(backend, "ees-file-pending"));
                long fileBytes = valueBytes(backend, withFile);
                double perFile = withFile.isEmpty() ? 0 : (double) fileBytes / withFile.size();
                worstFile = Math.max(worstFile, perFile);
                long fileTotal = file.keyedStateBytes() - emptyFile;
                long personTotal = persons.keyedStateBytes() - emptyPersons;
                long documentTotal = documents.keyedStateBytes() - emptyDocuments;
                long trailTotal = trails.keyedStateBytes() - emptyTrails;
                long dedupTotal = dedup.keyedStateBytes() - emptyDedup;
                long all = fileTotal + personTotal + documentTotal + trailTotal + dedupTotal;
                System.out.printf(
                        Locale.ROOT,
                        "state after %d%% of the data: %d active travellers (%d with a file, "
                                + "%d event-time timers); EES file value %.0f B per file; traveller-file operator "
                                + "%.0f B per active traveller (file, 72 h buffer, R4 flag, timers); person alert "
                                + "join %.0f B and document alert join %.0f B per active traveller (%d and %d B in all); "
                                + "document trail %.0f B, deduplication %.0f B; all these keyed operators %.0f B per "
                                + "active traveller%n",
                        quarter * 25,
                        active.size(),
                        withFile.size(),
                        harness.numEventTimeTimers(),
                        perFile,
                        per(fileTotal, active.size()),
                        per(personTotal, active.size()),
                        per(documentTotal, active.size()),
                        personTotal,
                        documentTotal,
                        per(trailTotal, active.size()),
                        per(dedupTotal, active.size()),
                        per(all, active.size()));
            }
            assertTrue(worstFile <= BUDGET_BYTES, worstFile + " bytes per EES file");
        }
    }

    private static double per(long bytes, int travellers) {
        return travellers == 0 ? 0 : (double) bytes / travellers;
    }

    private static Set<String> keys(KeyedStateBackend<String> backend, String state) {
        try (Stream<String> keys = backend.getKeys(state, VoidNamespace.INSTANCE)) {
            return keys.collect(Collectors.toSet());
        }
    }

    /** Serialised bytes of the EES file value state over {@code keys}. */
    private static long valueBytes(KeyedStateBackend<String> backend, Set<String> keys) throws Exception {
        TypeSerializer<TravellerFile> serializer = TravellerFileSerializer.INSTANCE;
        ValueState<TravellerFile> state = backend.getPartitionedState(
                VoidNamespace.INSTANCE,
                VoidNamespaceSerializer.INSTANCE,
                new ValueStateDescriptor<>("ees-file", serializer));
        DataOutputSerializer out = new DataOutputSerializer(256);
        String current = backend.getCurrentKey();
        long bytes = 0;
        for (String key : keys) {
            backend.setCurrentKey(key);
            out.clear();
            serializer.serialize(state.value(), out);
            bytes += out.length();
        }
        if (current != null) {
            backend.setCurrentKey(current);
        }
        return bytes;
    }
}
