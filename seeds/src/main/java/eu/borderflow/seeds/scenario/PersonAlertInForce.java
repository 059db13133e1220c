package eu.borderflow.seeds.scenario;

import static eu.borderflow.seeds.scenario.PersonAlertScenario.alert;
import static eu.borderflow.seeds.scenario.PersonAlertScenario.before;
import static eu.borderflow.seeds.scenario.PersonAlertScenario.dob;
import static eu.borderflow.seeds.scenario.PersonAlertScenario.fixed;
import static eu.borderflow.seeds.scenario.PersonAlertScenario.given;
import static eu.borderflow.seeds.scenario.PersonAlertScenario.missBoth;
import static eu.borderflow.seeds.scenario.PersonAlertScenario.nearNamed;
import static eu.borderflow.seeds.scenario.PersonAlertScenario.surname;

import eu.borderflow.schema.AlertBasis;
import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.RefusalReason;
import eu.borderflow.seeds.reference.Bcp;
import eu.borderflow.seeds.world.AlertLog;
import eu.borderflow.seeds.world.Period;
import java.time.LocalDate;

/**
 * R2's families ({@link PersonAlertScenario}) decided by the alert version in force at each crossing rather than by
 * the name: flagged by the crossing state, an alias added, created during the stay, at the end of its review period,
 * of a basis R2 reads or not.
 */
final class PersonAlertInForce {

    private PersonAlertInForce() {}

    static void flagged(ScenarioContext ctx, Family f, String id) {
        Places places = ctx.places();
        ScriptedAlerts alerts = ctx.alerts();
        ScriptedTruth truth = ctx.truth();
        PlantedTraveller t = fixed(ctx, tr -> true);
        Bcp bcp = places.bcp();
        AlertLog alert = alerts.alert(
                before(ctx, t),
                AlertBasis.ARREST_1862_ART26,
                places.memberState(),
                alerts.farReviewDate(),
                alerts.personOf(t, given(t), surname(t), dob(t)),
                null);
        alert.flagAdd(alert.createdAt() + Period.HOUR_MILLIS, bcp.country());
        Stay stay = ctx.crossings().trip(t, bcp, t.day(), t.day() + 3);
        truth.expect(
                f,
                id + "-flagged",
                t,
                stay.entry(),
                "matches an arrest alert the crossing state has flagged: a " + "downgraded match (entry)");
        truth.expect(
                f, id + "-flagged", t, stay.exit(), "matches an arrest alert the crossing state has flagged (exit)");

        PlantedTraveller n = fixed(ctx, tr -> true);
        AlertLog deleted = alert(ctx, n, given(n), surname(n), dob(n));
        deleted.delete(deleted.createdAt() + Period.DAY_MILLIS, "purpose achieved");
        missBoth(ctx, f, id + "-deleted", n, deleted, "the matching alert was deleted before the crossings");
    }

    static void alias(ScenarioContext ctx, Family f, String id) {
        ScriptedTruth truth = ctx.truth();
        for (boolean beforeCrossings : new boolean[] {true, false}) {
            PlantedTraveller t = nearNamed(ctx);
            String[] near = t.nearName;
            AlertLog alert = alert(ctx, t, near[1], near[0], dob(t));
            Stay stay = ctx.crossings().trip(t, t.day(), t.day() + 3);
            long at = beforeCrossings
                    ? stay.entry().getEventTime().toEpochMilli() - Period.DAY_MILLIS
                    : stay.exit().getEventTime().toEpochMilli() + Period.DAY_MILLIS;
            alert.update(at, a -> a.getPerson().getAliases().add(given(t) + " " + surname(t)));
            String sid = id + (beforeCrossings ? "-alias-before" : "-alias-after");
            String why = "an alias with the traveller's name added " + (beforeCrossings ? "before" : "after")
                    + " the crossings; the alert's own name is at 0.85-0.92";
            if (beforeCrossings) {
                truth.expect(f, sid, t, stay.entry(), why + " (entry)");
                truth.expect(f, sid, t, stay.exit(), why + " (exit)");
            } else {
                truth.nearMiss(f, sid, t, stay.entry(), why + " (entry)");
                truth.nearMiss(f, sid, t, stay.exit(), why + " (exit)");
            }
        }
    }

    static void duringStay(ScenarioContext ctx, Family f, String id) {
        ScriptedAlerts alerts = ctx.alerts();
        ScriptedTruth truth = ctx.truth();
        PlantedTraveller t = fixed(ctx, tr -> true);
        Stay stay = ctx.crossings().stay(t, t.day(), t.day() + 4);
        alerts.alert(
                stay.entry().getEventTime().toEpochMilli() + Period.DAY_MILLIS,
                AlertBasis.JUDICIAL_1862_ART34,
                ctx.places().memberState(),
                alerts.farReviewDate(),
                alerts.personOf(t, given(t), surname(t), dob(t)),
                null);
        truth.nearMiss(f, id + "-created-during-stay", t, stay.entry(), "the entry before the alert was created");
        truth.expect(f, id + "-created-during-stay", t, stay.exit(), "the exit after the alert was created");
    }

    /**
     * An alert's review date is the day of the traveller's entry: in force through that day. Not extended, it was
     * deleted when the day ended, before the exit; extended on that day, it still applies at the exit.
     */
    static void reviewPeriod(ScenarioContext ctx, Family f, String id) {
        ScriptedAlerts alerts = ctx.alerts();
        ScriptedTruth truth = ctx.truth();
        for (boolean extended : new boolean[] {true, false}) {
            PlantedTraveller t = fixed(ctx, tr -> true);
            Stay stay = ctx.crossings().stay(t, t.day(), t.day() + 3);
            long entry = stay.entry().getEventTime().toEpochMilli();
            LocalDate review = LocalDate.ofEpochDay(Math.floorDiv(entry, Period.DAY_MILLIS));
            AlertLog alert = alerts.alert(
                    before(ctx, t),
                    PersonAlertScenario.BASES[ctx.rng().nextInt(PersonAlertScenario.BASES.length)],
                    ctx.places().memberState(),
                    review,
                    alerts.personOf(t, given(t), surname(t), dob(t)),
                    null);
            String sid = id + (extended ? "-extended" : "-expired");
            truth.expect(f, sid, t, stay.entry(), "the entry on the alert's review date, when it is still in force");
            if (extended) {
                alert.extend(Math.max(alert.createdAt(), entry - Period.HOUR_MILLIS), review.plusYears(1));
                truth.expect(f, sid, t, stay.exit(), "the exit after the alert was extended on its review date");
            } else {
                truth.nearMiss(
                        f,
                        sid,
                        t,
                        stay.exit(),
                        "the exit after the alert's review period ended without an extension: it was deleted then");
            }
        }
    }

    static void refusal(ScenarioContext ctx, Family f, String id) {
        ScriptedAlerts alerts = ctx.alerts();
        Places places = ctx.places();
        ScriptedCrossings crossings = ctx.crossings();
        ScriptedTruth truth = ctx.truth();
        PlantedTraveller t = fixed(ctx, tr -> tr.visa() != null);
        alerts.alert(
                before(ctx, t),
                AlertBasis.REFUSAL_1861_ART24,
                places.memberState(),
                alerts.farReviewDate(),
                alerts.personOf(t, given(t), surname(t), dob(t)),
                null);
        Bcp bcp = places.bcp();
        BorderCrossing refused = crossings.refusal(t, bcp, ctx.times().entryTime(bcp, t.day()), RefusalReason.H);
        truth.expect(f, id + "-refused", t, refused, "a refused traveller matches a refusal-of-entry alert");

        PlantedTraveller n = fixed(ctx, tr -> true);
        AlertLog ret = alerts.alert(
                before(ctx, n),
                AlertBasis.RETURN_1860_ART3,
                places.memberState(),
                alerts.farReviewDate(),
                alerts.personOf(n, given(n), surname(n), dob(n)),
                null);
        Stay stay = crossings.stay(n, n.day(), n.day() + 3);
        ret.delete(stay.entry().getEventTime().toEpochMilli() + Period.DAY_MILLIS, "return decision revoked");
        truth.nearMiss(
                f,
                id + "-return-alert",
                n,
                stay.entry(),
                "a matching return alert: R2 does not read return " + "alerts (R9 does, at exits)");
        truth.nearMiss(f, id + "-return-alert", "R9", n, stay.exit(), "the return alert was deleted before the exit");
    }
}
