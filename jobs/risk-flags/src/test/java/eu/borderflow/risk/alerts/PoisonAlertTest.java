package eu.borderflow.risk.alerts;

import static eu.borderflow.risk.alerts.AlertScenario.GREEK_BCP;
import static eu.borderflow.risk.alerts.AlertScenario.hours;
import static eu.borderflow.risk.alerts.AlertScenario.person;
import static eu.borderflow.risk.alerts.AlertScenario.personAlert;
import static eu.borderflow.risk.alerts.AlertScenario.traveller;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.borderflow.config.ConfigLoader;
import eu.borderflow.job.ingest.DeadLetters;
import eu.borderflow.schema.AlertBasis;
import eu.borderflow.schema.AlertChange;
import eu.borderflow.schema.AlertChangeType;
import eu.borderflow.schema.CrossingKind;
import eu.borderflow.schema.DeadLetter;
import eu.borderflow.schema.serde.SingleObjectSerde;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.List;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.junit.jupiter.api.Test;

/**
 * The first report: one alert whose date of birth does not parse ("19x5") stopped the job. Validation keeps
 * it out at ingest; should such a record reach the alert router anyway (a bug, a rule changed without its validation),
 * the router makes it a PROCESSING_ERROR dead letter carrying the whole change, keeps no state for it, and the other
 * alerts match as before.
 */
class PoisonAlertTest {

    private static final LocalDate BORN = LocalDate.of(1985, 4, 12);

    @Test
    void anAlertTheRouterFailsOnIsADeadLetterAndTheOtherAlertsStillMatch() throws Exception {
        AlertChange poison = personAlert(
                "SIS-BAD",
                1,
                AlertChangeType.CREATE,
                hours(1),
                AlertBasis.CHECK_1862_ART36,
                person("PETRENKO", "IVAN", "19x5"));
        try (JoinHarness control = JoinHarness.persons(ConfigLoader.defaults());
                JoinHarness poisoned = JoinHarness.persons(ConfigLoader.defaults())) {
            run(control, null);
            run(poisoned, poison);

            assertEquals(List.of("R2:c1"), control.flagIds());
            assertEquals(control.flags(), poisoned.flags(), "no flag lost, none from the poison");
            assertEquals(control.stateEntries(), poisoned.stateEntries(), "nothing of the poison in state");

            List<DeadLetter> letters = poisoned.router.getSideOutput(DeadLetters.TAG).stream()
                    .map(StreamRecord::getValue)
                    .toList();
            assertEquals(1, letters.size());
            DeadLetter letter = letters.get(0);
            assertEquals(DeadLetters.PROCESSING_ERROR, letter.getReasonCode());
            assertEquals(AlertVersionRouter.Target.PERSON.uid(), letter.getOperator());
            assertEquals(NullPointerException.class.getName(), letter.getExceptionClass());
            assertEquals(poison.getChangeId(), letter.getEventId());
            assertEquals(
                    poison,
                    SingleObjectSerde.of(AlertChange.class).decode(bytes(letter.getOriginalValue())),
                    "the whole change, to correct and send again");
            assertFalse(
                    letter.getReason().contains("PETRENKO")
                            || letter.getReason().contains("19x5"),
                    letter.getReason());
            assertTrue(control.router.getSideOutput(DeadLetters.TAG) == null);
        }
    }

    private static void run(JoinHarness harness, AlertChange poison) throws Exception {
        if (poison != null) {
            harness.alert(poison);
        }
        harness.alert(personAlert(
                "SIS-P",
                1,
                AlertChangeType.CREATE,
                hours(1),
                AlertBasis.CHECK_1862_ART36,
                person("SHEVCHENKO", "OLEKSANDR", "1985-04-12")));
        harness.crossing(traveller("c1", CrossingKind.ENTRY, hours(5), GREEK_BCP, "Shevchenko", "Oleksandr", BORN));
        harness.watermark(hours(6));
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] out = new byte[buffer.remaining()];
        buffer.duplicate().get(out);
        return out;
    }
}
