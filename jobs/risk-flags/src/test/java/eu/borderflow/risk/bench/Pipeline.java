package eu.borderflow.risk.bench;

import eu.borderflow.config.ConfigLoader;
import eu.borderflow.job.config.TimeConfig;
import eu.borderflow.job.ingest.CrossingAdmission;
import eu.borderflow.privacy.Pseudonymiser;
import eu.borderflow.privacy.PseudonymiserFactory;
import eu.borderflow.risk.RiskFlagJob;
import eu.borderflow.risk.RiskSettings;
import eu.borderflow.risk.alerts.AlertAsOfJoin;
import eu.borderflow.risk.alerts.AlertVersion;
import eu.borderflow.risk.alerts.AlertVersionRouter;
import eu.borderflow.risk.alerts.CrossingProbe;
import eu.borderflow.risk.alerts.CrossingProbes;
import eu.borderflow.risk.alerts.DocumentAlertJoin;
import eu.borderflow.risk.alerts.PersonAlertMatcher;
import eu.borderflow.risk.alerts.PersonFlagAssembler;
import eu.borderflow.risk.alerts.PersonMatch;
import eu.borderflow.risk.traveller.ClasspathBcpLocations;
import eu.borderflow.risk.traveller.DocumentCrossing;
import eu.borderflow.risk.traveller.DocumentSequenceOperator;
import eu.borderflow.risk.traveller.TravellerCrossing;
import eu.borderflow.risk.traveller.TravellerFileOperator;
import eu.borderflow.schema.AlertChange;
import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.RiskFlag;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.AbstractStreamOperatorTestHarness;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.apache.flink.util.Collector;

/**
 * The hot keyed operators of the risk-flag job, each in Flink's operator test harness with heap state, fed the way
 * {@code AlertRules} and {@code TravellerRules} wire them (the stateless projection in front of each keyed operator
 * included, since the job pays for it per crossing too). Every record that crosses a keyBy in the job goes through its
 * Flink serializer and back ({@link Shuffle}). What an operator emits is handed on (or counted) and dropped from the
 * harness, so a long replay does not pile up output.
 */
public abstract class Pipeline implements AutoCloseable {

    /** The flags (or, for the baseline, the records) that left the last operator. */
    protected long emitted;
    /** Where finished flags go; null to only count them. */
    protected Consumer<RiskFlag> flags;

    public abstract void crossing(BorderCrossing crossing) throws Exception;

    public abstract void alert(AlertChange alert) throws Exception;

    public abstract void watermark(long time) throws Exception;

    /** The keyed operators, for state measurements. */
    public abstract List<AbstractStreamOperatorTestHarness<?>> harnesses();

    public long emitted() {
        return emitted;
    }

    public Pipeline onFlag(Consumer<RiskFlag> consumer) {
        this.flags = consumer;
        return this;
    }

    /** Replays every step of {@code world}. */
    public void replay(BenchWorld world) throws Exception {
        replay(world.steps, 0, world.steps.size());
    }

    public void replay(List<BenchWorld.Step> steps, int from, int to) throws Exception {
        for (int i = from; i < to; i++) {
            BenchWorld.Step step = steps.get(i);
            if (step.crossing() != null) {
                crossing(step.crossing());
            } else if (step.alert() != null) {
                alert(step.alert());
            } else {
                watermark(step.watermark());
            }
        }
    }

    /** Bytes of a full snapshot of every operator's keyed state (heap backend), timers included. */
    public long keyedStateBytes() throws Exception {
        long bytes = 0;
        long checkpoint = 1;
        for (AbstractStreamOperatorTestHarness<?> harness : harnesses()) {
            OperatorSubtaskState snapshot = harness.snapshot(checkpoint++, 0L);
            bytes += snapshot.getManagedKeyedState().stream()
                    .mapToLong(h -> h.getStateSize())
                    .sum();
        }
        return bytes;
    }

    @Override
    public void close() throws Exception {
        for (AbstractStreamOperatorTestHarness<?> harness : harnesses()) {
            harness.close();
        }
    }

    static <H extends AbstractStreamOperatorTestHarness<?>> H open(H harness) throws Exception {
        // The job forbids Kryo: a state type that falls back to it fails here too.
        ((SerializerConfigImpl) harness.getExecutionConfig().getSerializerConfig()).setGenericTypes(false);
        harness.open();
        return harness;
    }

    /** Takes the records a harness emitted so far out of it. */
    @SuppressWarnings("unchecked")
    static <T> void drain(AbstractStreamOperatorTestHarness<?> harness, Consumer<StreamRecord<T>> to) {
        Queue<Object> output = harness.getOutput();
        Object next;
        while ((next = output.poll()) != null) {
            if (next instanceof StreamRecord<?> record) {
                to.accept((StreamRecord<T>) record);
            }
        }
    }

    void flag(RiskFlag flag) {
        emitted++;
        if (flags != null) {
            flags.accept(flag);
        }
    }

    /** R2/R9: name blocking keys → person alert matcher (as-of join) → one flag per crossing. */
    public static Pipeline persons(ConfigLoader config) throws Exception {
        return new AlertJoin(config, AlertVersionRouter.Target.PERSON);
    }

    /** R1: document token → document alert as-of join. */
    public static Pipeline documents(ConfigLoader config) throws Exception {
        return new AlertJoin(config, AlertVersionRouter.Target.DOCUMENT);
    }

    /** R3/R4/R5: crossing projection → the traveller's EES file. */
    public static Pipeline travellerFile(ConfigLoader config) throws Exception {
        return new ProjectedPipeline<>(
                config,
                TravellerCrossing.class,
                TravellerCrossing::of,
                new TravellerFileOperator(RiskSettings.local(config), ClasspathBcpLocations.reference()),
                TravellerCrossing::getFileId,
                Types.STRING);
    }

    /** R7/R8: document projection → the document's crossing trail. */
    public static Pipeline documentSequence(ConfigLoader config) throws Exception {
        return new ProjectedPipeline<>(
                config,
                DocumentCrossing.class,
                DocumentCrossing::of,
                new DocumentSequenceOperator(RiskSettings.local(config), ClasspathBcpLocations.reference()),
                DocumentCrossing::getDocumentDigest,
                Types.LONG);
    }

    /** The job's first keyed operator: admits each crossing once, keyed by file id (counts what passes). */
    public static Pipeline deduplicator(ConfigLoader config) throws Exception {
        return new CrossingCount(
                new CrossingAdmission(TimeConfig.load(config).getAllowedLateness(), RiskFlagJob.CROSSINGS),
                (BorderCrossing c) -> c.getTraveller().getFileId());
    }

    /**
     * The same kind of keyed harness, keyed by file id, with an operator that only emits what it gets: the cost of a
     * keyBy of the whole crossing (its Avro serialisation included) and a keyed operator, with no work of its own.
     */
    public static Pipeline passThrough() throws Exception {
        return new CrossingCount(
                new Emit(), (BorderCrossing c) -> c.getTraveller().getFileId());
    }

    private static final class AlertJoin extends Pipeline {
        private final AlertVersionRouter.Target target;
        private final Pseudonymiser pseudonymiser;
        private final KeyedOneInputStreamOperatorTestHarness<String, AlertChange, AlertVersion> router;
        private final KeyedTwoInputStreamOperatorTestHarness<String, CrossingProbe, AlertVersion, Object> join;
        private final KeyedOneInputStreamOperatorTestHarness<String, PersonMatch, RiskFlag> assembler;
        private final Shuffle<AlertChange> alertShuffle = new Shuffle<>(new AvroTypeInfo<>(AlertChange.class));
        private final Shuffle<AlertVersion> versionShuffle = new Shuffle<>(AlertVersion.TYPE);
        private final Shuffle<CrossingProbe> probeShuffle = new Shuffle<>(CrossingProbe.TYPE);
        private final Shuffle<PersonMatch> matchShuffle = new Shuffle<>(PersonMatch.TYPE);

        @SuppressWarnings({"unchecked", "rawtypes"})
        AlertJoin(ConfigLoader config, AlertVersionRouter.Target target) throws Exception {
            this.target = target;
            this.pseudonymiser = PseudonymiserFactory.fromConfig(config);
            router = open(new KeyedOneInputStreamOperatorTestHarness<>(
                    new KeyedProcessOperator<>(new AlertVersionRouter(target, RiskSettings.local(config))),
                    AlertChange::getAlertId,
                    Types.STRING));
            boolean persons = target == AlertVersionRouter.Target.PERSON;
            join = open(new KeyedTwoInputStreamOperatorTestHarness<>(
                    persons
                            ? (AlertAsOfJoin) new PersonAlertMatcher(RiskSettings.local(config))
                            : new DocumentAlertJoin(RiskSettings.local(config)),
                    (CrossingProbe p) -> p.getKey(),
                    (AlertVersion v) -> v.getKey(),
                    Types.STRING));
            assembler = persons
                    ? open(new KeyedOneInputStreamOperatorTestHarness<>(
                            new KeyedProcessOperator<>(new PersonFlagAssembler(RiskSettings.local(config))),
                            PersonMatch::flagKey,
                            Types.STRING))
                    : null;
        }

        @Override
        public void crossing(BorderCrossing crossing) throws Exception {
            if (target == AlertVersionRouter.Target.DOCUMENT) {
                CrossingProbe probe = probeShuffle.through(CrossingProbes.document(crossing, pseudonymiser));
                join.processElement1(new StreamRecord<>(probe, probe.getEventTime()));
            } else {
                for (CrossingProbe probe : CrossingProbes.person(crossing, false)) {
                    probe = probeShuffle.through(probe);
                    join.processElement1(new StreamRecord<>(probe, probe.getEventTime()));
                }
            }
            forward();
        }

        @Override
        public void alert(AlertChange alert) throws Exception {
            router.processElement(new StreamRecord<>(
                    alertShuffle.through(alert), alert.getEventTime().toEpochMilli()));
            List<StreamRecord<AlertVersion>> versions = new ArrayList<>(4);
            Pipeline.<AlertVersion>drain(router, versions::add);
            for (StreamRecord<AlertVersion> version : versions) {
                join.processElement2(
                        new StreamRecord<>(versionShuffle.through(version.getValue()), version.getTimestamp()));
            }
            forward();
        }

        @Override
        public void watermark(long time) throws Exception {
            router.processWatermark(new Watermark(time));
            join.processWatermark1(new Watermark(time));
            join.processWatermark2(new Watermark(time));
            forward();
            if (assembler != null) {
                assembler.processWatermark(new Watermark(time));
                drain(assembler, (StreamRecord<RiskFlag> r) -> flag(r.getValue()));
            }
            drain(router, r -> {});
        }

        private void forward() throws Exception {
            if (assembler == null) {
                drain(join, (StreamRecord<RiskFlag> r) -> flag(r.getValue()));
                return;
            }
            List<StreamRecord<PersonMatch>> matches = new ArrayList<>(0);
            Pipeline.<PersonMatch>drain(join, matches::add);
            for (StreamRecord<PersonMatch> match : matches) {
                assembler.processElement(
                        new StreamRecord<>(matchShuffle.through(match.getValue()), match.getTimestamp()));
            }
            drain(assembler, (StreamRecord<RiskFlag> r) -> flag(r.getValue()));
        }

        @Override
        public List<AbstractStreamOperatorTestHarness<?>> harnesses() {
            return assembler == null ? List.of(router, join) : List.of(router, join, assembler);
        }
    }

    /** A projection of each crossing, shuffled to one keyed rule operator whose flags are handed on. */
    private static final class ProjectedPipeline<K, T> extends Pipeline {
        private final Pseudonymiser tokens;
        private final BiFunction<BorderCrossing, Pseudonymiser, T> projection;
        private final Shuffle<T> shuffle;
        private final KeyedOneInputStreamOperatorTestHarness<K, T, RiskFlag> harness;

        ProjectedPipeline(
                ConfigLoader config,
                Class<T> type,
                BiFunction<BorderCrossing, Pseudonymiser, T> projection,
                KeyedProcessFunction<K, T, RiskFlag> operator,
                KeySelector<T, K> key,
                TypeInformation<K> keyType)
                throws Exception {
            tokens = PseudonymiserFactory.fromConfig(config);
            this.projection = projection;
            shuffle = new Shuffle<>(Types.POJO(type));
            harness = open(
                    new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(operator), key, keyType));
        }

        @Override
        public void crossing(BorderCrossing crossing) throws Exception {
            harness.processElement(
                    shuffle.through(projection.apply(crossing, tokens)),
                    crossing.getEventTime().toEpochMilli());
            drain(harness, (StreamRecord<RiskFlag> r) -> flag(r.getValue()));
        }

        @Override
        public void alert(AlertChange alert) {}

        @Override
        public void watermark(long time) throws Exception {
            harness.processWatermark(new Watermark(time));
            drain(harness, (StreamRecord<RiskFlag> r) -> flag(r.getValue()));
        }

        @Override
        public List<AbstractStreamOperatorTestHarness<?>> harnesses() {
            return List.of(harness);
        }
    }

    /** Whole crossings shuffled to one keyed operator; what it lets through is counted. */
    private static final class CrossingCount extends Pipeline {
        private final KeyedOneInputStreamOperatorTestHarness<String, BorderCrossing, BorderCrossing> harness;
        private final Shuffle<BorderCrossing> shuffle = new Shuffle<>(new AvroTypeInfo<>(BorderCrossing.class));

        CrossingCount(
                KeyedProcessFunction<String, BorderCrossing, BorderCrossing> operator,
                KeySelector<BorderCrossing, String> key)
                throws Exception {
            harness = open(new KeyedOneInputStreamOperatorTestHarness<>(
                    new KeyedProcessOperator<>(operator), key, Types.STRING));
        }

        @Override
        public void crossing(BorderCrossing crossing) throws Exception {
            harness.processElement(
                    shuffle.through(crossing), crossing.getEventTime().toEpochMilli());
            drain(harness, r -> emitted++);
        }

        @Override
        public void alert(AlertChange alert) {}

        @Override
        public void watermark(long time) throws Exception {
            harness.processWatermark(new Watermark(time));
            drain(harness, r -> {});
        }

        @Override
        public List<AbstractStreamOperatorTestHarness<?>> harnesses() {
            return List.of(harness);
        }
    }

    /** Emits its input, touches no state. */
    private static final class Emit extends KeyedProcessFunction<String, BorderCrossing, BorderCrossing> {
        private static final long serialVersionUID = 1L;

        @Override
        public void processElement(BorderCrossing value, Context ctx, Collector<BorderCrossing> out) {
            out.collect(value);
        }
    }
}
