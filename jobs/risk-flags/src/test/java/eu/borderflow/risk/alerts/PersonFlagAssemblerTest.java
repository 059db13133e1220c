package eu.borderflow.risk.alerts;

import static eu.borderflow.risk.alerts.AlertScenario.GREEK_BCP;
import static eu.borderflow.risk.alerts.AlertScenario.hours;
import static eu.borderflow.risk.alerts.AlertScenario.person;
import static eu.borderflow.risk.alerts.AlertScenario.personAlert;
import static org.junit.jupiter.api.Assertions.assertEquals;

import eu.borderflow.config.ConfigLoader;
import eu.borderflow.risk.RiskSettings;
import eu.borderflow.schema.AlertBasis;
import eu.borderflow.schema.AlertChangeType;
import eu.borderflow.schema.CrossingKind;
import eu.borderflow.schema.FlagStatus;
import eu.borderflow.schema.RiskFlag;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/** One flag per crossing from matches that arrive apart; a match after the flag was raised revises it. */
class PersonFlagAssemblerTest {

    /** rules.yaml /time/allowed_lateness. */
    private static final Duration ALLOWED_LATENESS = Duration.ofHours(72);
    /** rules.yaml /time/out_of_orderness. */
    private static final Duration OUT_OF_ORDERNESS = Duration.ofMinutes(5);

    private static PersonMatch match(String alertId) {
        CrossingProbe crossing = CrossingProbes.person(AlertScenario.traveller(
                        "c1",
                        CrossingKind.ENTRY,
                        hours(5),
                        GREEK_BCP,
                        "Bondarenko",
                        "Taras",
                        LocalDate.of(1985, 4, 12)))
                .get(0);
        AlertVersion alert = AlertVersions.person(personAlert(
                alertId,
                1,
                AlertChangeType.CREATE,
                hours(1),
                AlertBasis.REFUSAL_1861_ART24,
                person("BONDARENKO", "TARAS", "1985-04-12")));
        PersonMatch match = new PersonMatcher(0.92).compare(crossing, alert);
        match.setRuleId("R2");
        return match;
    }

    @Test
    void lateMatchRevisesTheRaisedFlagAndStateIsForgottenAfterTheAllowedLatenessAndOutOfOrderness() throws Exception {
        try (KeyedOneInputStreamOperatorTestHarness<String, PersonMatch, RiskFlag> harness =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(
                                new PersonFlagAssembler(RiskSettings.local(ConfigLoader.defaults()))),
                        PersonMatch::flagKey,
                        Types.STRING)) {
            harness.open();
            long crossingTime = hours(5).toEpochMilli();
            harness.processElement(new StreamRecord<>(match("SIS-A"), crossingTime));
            assertEquals(List.of(), harness.extractOutputValues(), "waits for the watermark");
            harness.processWatermark(new Watermark(crossingTime));

            harness.processElement(new StreamRecord<>(match("SIS-B"), crossingTime));
            List<RiskFlag> flags = harness.extractOutputValues();
            assertEquals(2, flags.size());
            assertEquals(0, flags.get(0).getRevision());
            assertEquals(FlagStatus.RAISED, flags.get(0).getStatus());
            assertEquals(List.of("c1", "SIS-A@v1"), flags.get(0).getEvidenceIds());
            assertEquals("R2:c1", flags.get(1).getFlagId());
            assertEquals(1, flags.get(1).getRevision());
            assertEquals(FlagStatus.REVISED, flags.get(1).getStatus());
            assertEquals(List.of("c1", "SIS-A@v1", "SIS-B@v1"), flags.get(1).getEvidenceIds());

            harness.processWatermark(new Watermark(crossingTime + ALLOWED_LATENESS.toMillis()));
            assertEquals(
                    2,
                    harness.numKeyedStateEntries(),
                    "kept for the out-of-orderness more: the watermark runs that far ahead of the crossings'");
            harness.processWatermark(new Watermark(
                    crossingTime + ALLOWED_LATENESS.plus(OUT_OF_ORDERNESS).toMillis()));
            assertEquals(0, harness.numKeyedStateEntries());
            assertEquals(0, harness.numEventTimeTimers());
        }
    }
}
