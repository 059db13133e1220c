package eu.borderflow.risk.alerts;

import eu.borderflow.config.ConfigLoader;
import eu.borderflow.person.NameNormaliser;
import eu.borderflow.privacy.Pseudonymiser;
import eu.borderflow.privacy.PseudonymiserFactory;
import eu.borderflow.risk.RiskSettings;
import eu.borderflow.schema.AlertChange;
import eu.borderflow.schema.AlertPerson;
import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.RiskFlag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.api.operators.TwoInputStreamOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;

/**
 * The alert-version router (keyed by alert id) feeding an as-of join (keyed by join key) and, for persons, the flag
 * assembler (keyed by flag id), each in its own operator harness, wired the way {@link AlertRules} wires them.
 */
final class JoinHarness implements AutoCloseable {

    final KeyedOneInputStreamOperatorTestHarness<String, AlertChange, AlertVersion> router;
    final KeyedTwoInputStreamOperatorTestHarness<String, CrossingProbe, AlertVersion, ?> join;
    /** Null for documents, whose join raises the flags itself. */
    final KeyedOneInputStreamOperatorTestHarness<String, PersonMatch, RiskFlag> assembler;

    private final AlertVersionRouter.Target target;
    private final Pseudonymiser pseudonymiser;
    private int routed;
    private int joined;
    private boolean nameKeys;

    private JoinHarness(AlertVersionRouter.Target target, AlertAsOfJoin<?> function, ConfigLoader config)
            throws Exception {
        this(target, function, config, null);
    }

    /** {@code restored}: the join's state from a snapshot, or null. */
    private JoinHarness(
            AlertVersionRouter.Target target,
            TwoInputStreamOperator<CrossingProbe, AlertVersion, ?> function,
            ConfigLoader config,
            OperatorSubtaskState restored)
            throws Exception {
        this.target = target;
        this.pseudonymiser = PseudonymiserFactory.fromConfig(config);
        router = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new AlertVersionRouter(target, RiskSettings.local(config))),
                AlertChange::getAlertId,
                Types.STRING);
        join = new KeyedTwoInputStreamOperatorTestHarness<>(
                function, CrossingProbe::getKey, AlertVersion::getKey, Types.STRING);
        assembler = target == AlertVersionRouter.Target.PERSON
                ? new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(new PersonFlagAssembler(RiskSettings.local(config))),
                        PersonMatch::flagKey,
                        Types.STRING)
                : null;
        router.open();
        if (restored != null) {
            join.initializeState(restored);
        }
        join.open();
        if (assembler != null) {
            assembler.open();
        }
    }

    static JoinHarness documents(ConfigLoader config) throws Exception {
        return new JoinHarness(
                AlertVersionRouter.Target.DOCUMENT, new DocumentAlertJoin(RiskSettings.local(config)), config);
    }

    /** R1's join restored from {@code snapshot}. */
    static JoinHarness documents(ConfigLoader config, OperatorSubtaskState snapshot) throws Exception {
        return new JoinHarness(
                AlertVersionRouter.Target.DOCUMENT,
                new DocumentAlertJoin(RiskSettings.local(config)),
                config,
                snapshot);
    }

    /** R1's routing with {@code join} in place of its as-of join, such as an earlier build's. */
    static JoinHarness documents(ConfigLoader config, TwoInputStreamOperator<CrossingProbe, AlertVersion, ?> join)
            throws Exception {
        return new JoinHarness(AlertVersionRouter.Target.DOCUMENT, join, config, null);
    }

    static JoinHarness persons(ConfigLoader config) throws Exception {
        return new JoinHarness(
                AlertVersionRouter.Target.PERSON, new PersonAlertMatcher(RiskSettings.local(config)), config);
    }

    void alert(AlertChange change) throws Exception {
        router.processElement(new StreamRecord<>(change, change.getEventTime().toEpochMilli()));
        List<AlertVersion> out = router.extractOutputValues();
        for (AlertVersion version : out.subList(routed, out.size())) {
            join.processElement2(new StreamRecord<>(version, version.getSince()));
        }
        routed = out.size();
        forwardMatches();
    }

    /**
     * An alert as a savepoint of a build before the date keys (2026-12-06) holds it: under the name keys of its names
     * and aliases only (the Double Metaphone codes with its birth year), each version knowing those keys alone.
     */
    void alertHeldUnderNameKeysOnly(AlertChange change) throws Exception {
        AlertVersion version = AlertVersions.person(change);
        AlertPerson person = change.getPerson();
        List<List<String>> variants = new ArrayList<>();
        List<String> name = new ArrayList<>(NameNormaliser.parts(person.getSurname()));
        name.addAll(NameNormaliser.parts(person.getGivenNames()));
        variants.add(name);
        person.getAliases().forEach(alias -> variants.add(NameNormaliser.parts(alias)));
        LocalDate anyDayOfTheYear = LocalDate.of(version.getBirthYear(), 1, 1);
        String[] keys = variants.stream()
                .flatMap(parts -> Arrays.stream(BlockingKeys.ofTraveller(parts, anyDayOfTheYear, true)))
                .filter(JoinHarness::isNameKey)
                .distinct()
                .sorted()
                .toArray(String[]::new);
        for (String key : keys) {
            AlertVersion held = version.forKey(key);
            held.setKeys(keys);
            join.processElement2(new StreamRecord<>(held, held.getSince()));
        }
        forwardMatches();
    }

    /** The crossings probe the name keys too, as after a restore from such a savepoint ({@link PersonProbes}). */
    void probeNameKeys() {
        nameKeys = true;
    }

    private static boolean isNameKey(String key) {
        return !Character.isDigit(key.charAt(0));
    }

    void crossing(BorderCrossing crossing) throws Exception {
        List<CrossingProbe> probes = target == AlertVersionRouter.Target.DOCUMENT
                ? List.of(CrossingProbes.document(crossing, pseudonymiser))
                : CrossingProbes.person(crossing, nameKeys);
        for (CrossingProbe probe : probes) {
            join.processElement1(new StreamRecord<>(probe, probe.getEventTime()));
        }
        forwardMatches();
    }

    /** The alert changelog's watermark alone (the join's input 2), through the router. */
    void changelogWatermark(Instant time) throws Exception {
        router.processWatermark(new Watermark(time.toEpochMilli()));
        List<AlertVersion> out = router.extractOutputValues();
        for (AlertVersion version : out.subList(routed, out.size())) {
            join.processElement2(new StreamRecord<>(version, version.getSince()));
        }
        routed = out.size();
        join.processWatermark2(new Watermark(time.toEpochMilli()));
        forwardMatches();
    }

    /** Both inputs' watermarks, so the join's combined watermark moves to {@code time}. */
    void watermark(Instant time) throws Exception {
        watermark(time.toEpochMilli());
    }

    void watermark(long time) throws Exception {
        router.processWatermark(new Watermark(time));
        // What the router's timers emitted (alerts whose review period ended) reaches the join before the watermark.
        List<AlertVersion> out = router.extractOutputValues();
        for (AlertVersion version : out.subList(routed, out.size())) {
            join.processElement2(new StreamRecord<>(version, version.getSince()));
        }
        routed = out.size();
        join.processWatermark1(new Watermark(time));
        join.processWatermark2(new Watermark(time));
        forwardMatches();
        if (assembler != null) {
            assembler.processWatermark(new Watermark(time));
        }
    }

    /** What the join emitted since the last call goes on to the assembler, with its timestamps. */
    private void forwardMatches() throws Exception {
        if (assembler == null) {
            return;
        }
        List<? extends StreamRecord<?>> out = join.extractOutputStreamRecords();
        for (StreamRecord<?> record : out.subList(joined, out.size())) {
            assembler.processElement(new StreamRecord<>((PersonMatch) record.getValue(), record.getTimestamp()));
        }
        joined = out.size();
    }

    @SuppressWarnings("unchecked")
    List<RiskFlag> flags() {
        return new ArrayList<>(
                assembler != null ? assembler.extractOutputValues() : (List<RiskFlag>) join.extractOutputValues());
    }

    List<String> flagIds() {
        return flags().stream().map(RiskFlag::getFlagId).toList();
    }

    /** Keyed state entries of every operator of this join. */
    int stateEntries() {
        return router.numKeyedStateEntries()
                + join.numKeyedStateEntries()
                + (assembler == null ? 0 : assembler.numKeyedStateEntries());
    }

    @Override
    public void close() throws Exception {
        router.close();
        join.close();
        if (assembler != null) {
            assembler.close();
        }
    }
}
