package eu.borderflow.risk.alerts;

import eu.borderflow.config.ConfigLoader;
import eu.borderflow.privacy.Pseudonymiser;
import eu.borderflow.privacy.PseudonymiserFactory;
import eu.borderflow.schema.AlertChange;
import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.RiskFlag;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The alert-version router (keyed by alert id) feeding an as-of join (keyed by join key), each in its own operator
 * harness, wired the way {@link AlertRules} wires them.
 */
final class JoinHarness implements AutoCloseable {

    final KeyedOneInputStreamOperatorTestHarness<String, AlertChange, AlertVersion> router;
    final KeyedTwoInputStreamOperatorTestHarness<String, CrossingProbe, AlertVersion, RiskFlag> join;
    private final AlertVersionRouter.Target target;
    private final Pseudonymiser pseudonymiser;
    private int routed;

    private JoinHarness(AlertVersionRouter.Target target, AlertAsOfJoin function, ConfigLoader config)
            throws Exception {
        this.target = target;
        this.pseudonymiser = PseudonymiserFactory.fromConfig(config);
        router = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new AlertVersionRouter(target, config)), AlertChange::getAlertId,
                Types.STRING);
        join = new KeyedTwoInputStreamOperatorTestHarness<>(new KeyedCoProcessOperator<>(function),
                CrossingProbe::getKey, AlertVersion::getKey, Types.STRING);
        router.open();
        join.open();
    }

    static JoinHarness documents(ConfigLoader config) throws Exception {
        return new JoinHarness(AlertVersionRouter.Target.DOCUMENT, new DocumentAlertJoin(config), config);
    }

    static JoinHarness persons(ConfigLoader config) throws Exception {
        return new JoinHarness(AlertVersionRouter.Target.PERSON, new PersonAlertMatcher(config), config);
    }

    void alert(AlertChange change) throws Exception {
        router.processElement(new StreamRecord<>(change, change.getEventTime().toEpochMilli()));
        List<AlertVersion> out = router.extractOutputValues();
        for (AlertVersion version : out.subList(routed, out.size())) {
            join.processElement2(new StreamRecord<>(version, version.getSince()));
        }
        routed = out.size();
    }

    void crossing(BorderCrossing crossing) throws Exception {
        List<CrossingProbe> probes = target == AlertVersionRouter.Target.DOCUMENT
                ? List.of(CrossingProbes.document(crossing, pseudonymiser))
                : CrossingProbes.person(crossing);
        for (CrossingProbe probe : probes) {
            join.processElement1(new StreamRecord<>(probe, probe.getEventTime()));
        }
    }

    /** Both inputs' watermarks, so the join's combined watermark moves to {@code time}. */
    void watermark(Instant time) throws Exception {
        watermark(time.toEpochMilli());
    }

    void watermark(long time) throws Exception {
        router.processWatermark(new Watermark(time));
        join.processWatermark1(new Watermark(time));
        join.processWatermark2(new Watermark(time));
    }

    List<RiskFlag> flags() {
        return new ArrayList<>(join.extractOutputValues());
    }

    List<String> flagIds() {
        return flags().stream().map(RiskFlag::getFlagId).toList();
    }

    @Override
    public void close() throws Exception {
        router.close();
        join.close();
    }
}
