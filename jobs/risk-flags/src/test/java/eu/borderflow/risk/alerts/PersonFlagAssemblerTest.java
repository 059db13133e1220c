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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One flag per crossing from matches that arrive apart, also for a crossing behind the watermark; a match after the
 * flag was raised revises it.
 */
class PersonFlagAssemblerTest {

    /** rules.yaml /time/allowed_lateness. */
    private static final Duration ALLOWED_LATENESS = Duration.ofHours(72);
    /** rules.yaml /time/out_of_orderness. */
    private static final Duration OUT_OF_ORDERNESS = Duration.ofMinutes(5);

    private static PersonMatch match(String alertId) {
        return match(alertId, Long.MIN_VALUE);
    }

    /** {@code probedAfter}: the watermark the probing subtask had sent on before the crossing's probes. */
    private static PersonMatch match(String alertId, long probedAfter) {
        CrossingProbe crossing = CrossingProbes.person(
                        AlertScenario.traveller(
                                "c1",
                                CrossingKind.ENTRY,
                                hours(5),
                                GREEK_BCP,
                                "Bondarenko",
                                "Taras",
                                LocalDate.of(1985, 4, 12)),
                        false)
                .get(0);
        crossing.setProbedAfter(probedAfter);
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

    private static KeyedOneInputStreamOperatorTestHarness<String, PersonMatch, RiskFlag> harness() throws Exception {
        return new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new PersonFlagAssembler(RiskSettings.local(ConfigLoader.defaults()))),
                PersonMatch::flagKey,
                Types.STRING);
    }

    /**
     * A crossing that came after newer ones of its partition: its probes followed a watermark past its time, so its
     * matches at two keys reach the assembler behind its watermark, from two matcher subtasks in either order and
     * with watermarks between them. One flag with both, whatever the order.
     */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aCrossingBehindTheWatermarkIsFlaggedOnceWithAllItsMatches(boolean reversed) throws Exception {
        try (KeyedOneInputStreamOperatorTestHarness<String, PersonMatch, RiskFlag> harness = harness()) {
            harness.open();
            long crossingTime = hours(5).toEpochMilli();
            long probedAfter = crossingTime + Duration.ofMinutes(20).toMillis();
            List<String> alerts = reversed ? List.of("SIS-B", "SIS-A") : List.of("SIS-A", "SIS-B");
            harness.processWatermark(
                    new Watermark(crossingTime + Duration.ofMinutes(10).toMillis()));

            harness.processElement(new StreamRecord<>(match(alerts.get(0), probedAfter), crossingTime));
            harness.processWatermark(new Watermark(probedAfter - 1));
            harness.processWatermark(new Watermark(probedAfter));
            assertEquals(List.of(), harness.extractOutputValues(), "the other subtask has not answered yet");

            harness.processElement(new StreamRecord<>(match(alerts.get(1), probedAfter), crossingTime));
            harness.processWatermark(new Watermark(probedAfter + 1));
            List<RiskFlag> flags = harness.extractOutputValues();
            assertEquals(1, flags.size());
            assertEquals(0, flags.get(0).getRevision());
            assertEquals(FlagStatus.RAISED, flags.get(0).getStatus());
            assertEquals(List.of("c1", "SIS-A@v1", "SIS-B@v1"), flags.get(0).getEvidenceIds());
        }
    }

    @Test
    void lateMatchRevisesTheRaisedFlagAndStateIsForgottenAfterTheAllowedLatenessAndOutOfOrderness() throws Exception {
        try (KeyedOneInputStreamOperatorTestHarness<String, PersonMatch, RiskFlag> harness = harness()) {
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
