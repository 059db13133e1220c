package eu.borderflow.risk.alerts;

import eu.borderflow.risk.flag.Flags;
import eu.borderflow.schema.Condition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** What every crossing-to-alert flag states: the subject token, where and when, and per alert the checks made. */
final class AlertConditions {

    private AlertConditions() {}

    /** The checks on the alert itself: basis, in force at the crossing's time, and the BCP state's flag. */
    static void alertChecks(
            List<Condition> conditions,
            String prefix,
            AlertVersion alert,
            CrossingProbe crossing,
            String expectedBasis) {
        String country = crossing.bcpCountry();
        boolean flagged = alert.flaggedBy(country);
        conditions.add(Flags.condition(prefix + "alert_basis", alert.getBasis(), "in", expectedBasis, true));
        conditions.add(Flags.condition(
                prefix + "alert_in_force_at_event_time",
                alert.evidenceId() + " since " + Instant.ofEpochMilli(alert.getSince()),
                "<=",
                Instant.ofEpochMilli(crossing.getEventTime()),
                true));
        conditions.add(Flags.condition(
                prefix + "not_flagged_by_bcp_state",
                Arrays.toString(alert.getFlaggedBy()),
                "does not contain",
                country,
                !flagged));
    }

    /** Names each alert's conditions when a flag rests on more than one alert. */
    static String prefix(AlertVersion alert, int alertCount) {
        return alertCount > 1 ? alert.getAlertId() + "." : "";
    }

    static List<String> evidence(CrossingProbe crossing, List<AlertVersion> alerts) {
        List<String> evidence = new ArrayList<>(alerts.size() + 1);
        evidence.add(crossing.getEventId());
        for (AlertVersion alert : alerts) {
            evidence.add(alert.evidenceId());
        }
        return evidence;
    }

    static String flaggedNote(String country) {
        return "; the alert is flagged by " + country + ": the action will not be taken on this territory";
    }
}
