package eu.borderflow.risk.alerts;

import static eu.borderflow.risk.alerts.AlertScenario.GREEK_BCP;
import static eu.borderflow.risk.alerts.AlertScenario.hours;
import static eu.borderflow.risk.alerts.AlertScenario.person;
import static eu.borderflow.risk.alerts.AlertScenario.personAlert;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.borderflow.config.ConfigLoader;
import eu.borderflow.job.ingest.DeadLetterStreams;
import eu.borderflow.risk.RiskSettings;
import eu.borderflow.schema.AlertBasis;
import eu.borderflow.schema.AlertChange;
import eu.borderflow.schema.AlertChangeType;
import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.CrossingKind;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A rule switched off in rules.yaml emits nothing; the others keep working. */
class AlertRulesSwitchTest {

    @TempDir
    Path configDir;

    /** The default rules.yaml with {@code enabled: false} for the given rules. */
    private ConfigLoader switchedOff(String... ruleIds) throws Exception {
        String rules;
        try (InputStream in = ConfigLoader.class.getResourceAsStream("/borderflow-config/rules.yaml")) {
            rules = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (String ruleId : ruleIds) {
            String on = "  " + ruleId + ":\n    enabled: true";
            assertTrue(rules.contains(on), "rules.yaml layout changed for " + ruleId);
            rules = rules.replace(on, "  " + ruleId + ":\n    enabled: false");
        }
        Files.writeString(configDir.resolve("rules.yaml"), rules);
        return ConfigLoader.from(configDir);
    }

    private static List<String> personFlags(ConfigLoader config) throws Exception {
        LocalDate born = LocalDate.of(1985, 4, 12);
        try (JoinHarness harness = JoinHarness.persons(config)) {
            harness.alert(personAlert(
                    "SIS-REF",
                    1,
                    AlertChangeType.CREATE,
                    hours(1),
                    AlertBasis.REFUSAL_1861_ART24,
                    person("SHEVCHENKO", "OLEKSANDR", "1985-04-12")));
            harness.alert(personAlert(
                    "SIS-RET",
                    1,
                    AlertChangeType.CREATE,
                    hours(1),
                    AlertBasis.RETURN_1860_ART3,
                    person("SHEVCHENKO", "OLEKSANDR", "1985-04-12")));
            harness.crossing(AlertScenario.traveller(
                    "exit", CrossingKind.EXIT, hours(5), GREEK_BCP, "Shevchenko", "Oleksandr", born));
            harness.watermark(hours(6));
            return harness.flagIds();
        }
    }

    @Test
    void personAndReturnRulesSwitchIndependently() throws Exception {
        assertEquals(List.of("R2:exit", "R9:exit"), personFlags(ConfigLoader.defaults()));
        assertEquals(List.of("R9:exit"), personFlags(switchedOff("R2")));
        assertEquals(List.of("R2:exit"), personFlags(switchedOff("R9")));
    }

    private static Set<String> operators(ConfigLoader config) {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        AlertRules.apply(
                        env.fromData(List.<BorderCrossing>of(), new AvroTypeInfo<>(BorderCrossing.class)),
                        env.fromData(List.<AlertChange>of(), new AvroTypeInfo<>(AlertChange.class)),
                        RiskSettings.local(config),
                        new DeadLetterStreams())
                .sinkTo(new DiscardingSink<>());
        return env.getStreamGraph().getStreamNodes().stream()
                .map(StreamNode::getOperatorName)
                .collect(Collectors.toSet());
    }

    @Test
    void switchedOffRulesAreNotWired() throws Exception {
        Set<String> all = operators(ConfigLoader.defaults());
        assertTrue(
                all.containsAll(Set.of(
                        "R1 document alert as-of join", "R2/R9 person alert matcher", "R10 alert review timers")),
                all.toString());

        Set<String> some = operators(switchedOff("R1", "R10"));
        assertFalse(some.contains("R1 document alert as-of join"));
        assertFalse(some.contains("R10 alert review timers"));
        assertTrue(some.contains("R2/R9 person alert matcher"));

        Set<String> none = operators(switchedOff("R1", "R2", "R9", "R10"));
        assertTrue(none.contains("alert rules switched off"), none.toString());
        assertFalse(none.contains("R2/R9 person alert matcher"));
    }
}
