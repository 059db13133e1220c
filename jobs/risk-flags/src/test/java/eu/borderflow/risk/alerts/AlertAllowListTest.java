package eu.borderflow.risk.alerts;

import static eu.borderflow.risk.alerts.AlertScenario.GREEK_BCP;
import static eu.borderflow.risk.alerts.AlertScenario.hours;
import static eu.borderflow.risk.alerts.AlertScenario.person;
import static eu.borderflow.risk.alerts.AlertScenario.personAlert;
import static org.junit.jupiter.api.Assertions.assertEquals;

import eu.borderflow.config.ConfigLoader;
import eu.borderflow.risk.RiskSettings;
import eu.borderflow.risk.rules.AllowListMutator;
import eu.borderflow.risk.rules.RuleDescriptor;
import eu.borderflow.schema.AlertBasis;
import eu.borderflow.schema.AlertChange;
import eu.borderflow.schema.AlertChangeType;
import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.CrossingKind;
import eu.borderflow.schema.RiskFlag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each alert rule's flags stay identical when every input field outside its allow-list changes. */
class AlertAllowListTest {

    private static final LocalDate BORN = LocalDate.of(1985, 4, 12);

    private interface HarnessFactory {
        JoinHarness open() throws Exception;
    }

    private static List<RiskFlag> join(HarnessFactory factory, List<AlertChange> alerts, List<BorderCrossing> crossings)
            throws Exception {
        try (JoinHarness harness = factory.open()) {
            for (AlertChange alert : alerts) {
                harness.alert(alert);
            }
            for (BorderCrossing crossing : crossings) {
                harness.crossing(crossing);
            }
            harness.watermark(hours(48));
            return harness.flags();
        }
    }

    private static void assertSameFlags(
            HarnessFactory factory,
            RuleDescriptor rule,
            List<AlertChange> alerts,
            List<BorderCrossing> crossings,
            long seed)
            throws Exception {
        List<RiskFlag> original = join(factory, alerts, crossings);
        assertEquals(1, original.size(), "the scenario raises one " + rule.id() + " flag");
        assertEquals(rule.id(), original.get(0).getRuleId());
        List<AlertChange> mutatedAlerts = alerts.stream()
                .map(a -> AllowListMutator.mutateOutside(a, rule.allowList(), seed))
                .toList();
        List<BorderCrossing> mutatedCrossings = crossings.stream()
                .map(c -> AllowListMutator.mutateOutside(c, rule.allowList(), seed))
                .toList();
        assertEquals(original, join(factory, mutatedAlerts, mutatedCrossings));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void stolenDocumentRuleReadsOnlyItsAllowList(long seed) throws Exception {
        assertSameFlags(
                () -> JoinHarness.documents(ConfigLoader.defaults()),
                StolenDocumentRule.DESCRIPTOR,
                List.of(AlertScenario.stolenDocument("SIS-A", 1, AlertChangeType.CREATE, hours(1), "UKR", "EK123456")),
                List.of(AlertScenario.document("c1", hours(5), GREEK_BCP, "UKR", "EK123456")),
                seed);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void personAlertRuleReadsOnlyItsAllowList(long seed) throws Exception {
        assertSameFlags(
                () -> JoinHarness.persons(ConfigLoader.defaults()),
                PersonAlertRule.DESCRIPTOR,
                List.of(personAlert(
                        "SIS-P",
                        1,
                        AlertChangeType.CREATE,
                        hours(1),
                        AlertBasis.REFUSAL_1861_ART24,
                        person("SHEVCHENKO", "OLEKSANDR", "1985-12-04", "Sasha SCHEWTSCHENKO"))),
                List.of(AlertScenario.traveller(
                        "c1", CrossingKind.ENTRY, hours(5), GREEK_BCP, "Shevchenko", "Oleksandr", BORN)),
                seed);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void returnAlertRuleReadsOnlyItsAllowList(long seed) throws Exception {
        assertSameFlags(
                () -> JoinHarness.persons(ConfigLoader.defaults()),
                ReturnAlertRule.DESCRIPTOR,
                List.of(personAlert(
                        "SIS-R",
                        1,
                        AlertChangeType.CREATE,
                        hours(1),
                        AlertBasis.RETURN_1860_ART3,
                        person("SHEVCHENKO", "OLEKSANDR", "1985"))),
                List.of(AlertScenario.traveller(
                        "c1", CrossingKind.EXIT, hours(5), GREEK_BCP, "Shevchenko", "Oleksandr", BORN)),
                seed);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void alertReviewRuleReadsOnlyItsAllowList(long seed) throws Exception {
        AlertChange created = AlertScenario.change(
                        "SIS-R",
                        1,
                        AlertChangeType.CREATE,
                        Instant.parse("2026-01-05T10:00:00Z"),
                        AlertBasis.CHECK_1862_ART36)
                .setReviewDate(LocalDate.of(2026, 9, 15))
                .build();
        List<RiskFlag> original = review(created);
        assertEquals(2, original.size(), "notice and due");
        assertEquals(
                original,
                review(AllowListMutator.mutateOutside(created, AlertReviewRule.DESCRIPTOR.allowList(), seed)));
    }

    private static List<RiskFlag> review(AlertChange change) throws Exception {
        try (KeyedOneInputStreamOperatorTestHarness<String, AlertChange, RiskFlag> harness =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(new AlertReviewTimers(RiskSettings.local(ConfigLoader.defaults()))),
                        AlertChange::getAlertId,
                        Types.STRING)) {
            harness.open();
            harness.processElement(
                    new StreamRecord<>(change, change.getEventTime().toEpochMilli()));
            harness.processWatermark(
                    new Watermark(Instant.parse("2026-12-31T00:00:00Z").toEpochMilli()));
            return harness.extractOutputValues();
        }
    }
}
