package eu.borderflow.seeds.scenario;

import eu.borderflow.schema.AlertBasis;
import eu.borderflow.seeds.reference.Bcp;
import eu.borderflow.seeds.world.AlertLog;
import eu.borderflow.seeds.world.Period;

/**
 * R9, a return alert in force matches the person at an exit: confirm the return. Families (flag / near-miss):
 * <ul>
 *   <li>{@code active}: an exit under the alert / the alert deleted before the exit;</li>
 *   <li>{@code created-during-stay}: created before the exit / created after it;</li>
 *   <li>{@code entry-not-exit}: the exit / the entry under the same alert, which R9 does not read;</li>
 *   <li>{@code near-name}: the same name / the same birth date and a name at Jaro-Winkler 0.85-0.92;</li>
 *   <li>{@code flagged-by-state}: flagged by the exit's state, downgraded, still a flag / another year of birth.</li>
 * </ul>
 */
public final class ReturnAlertScenario extends FamilyScenario {

    private static final int SPAN = 8;

    public ReturnAlertScenario() {
        super("R9", "active", "created-during-stay", "entry-not-exit", "near-name", "flagged-by-state");
    }

    @Override
    void plant(ScenarioContext ctx, Family f, String id) {
        ScriptedCrossings crossings = ctx.crossings();
        ScriptedTruth truth = ctx.truth();
        switch (f.name()) {
            case "active" -> {
                PlantedTraveller t = fixed(ctx);
                AlertLog alert = returnAlert(ctx, t, before(ctx, t));
                Stay stay = crossings.trip(t, t.day(), t.day() + 3);
                alert.delete(stay.exit().getEventTime().toEpochMilli() + Period.DAY_MILLIS, "return confirmed");
                truth.expect(f, id + "-in-force", t, stay.exit(), "exit under a return alert: confirm the return");
                PlantedTraveller n = fixed(ctx);
                AlertLog revoked = returnAlert(ctx, n, before(ctx, n));
                Stay s2 = crossings.trip(n, n.day(), n.day() + 3);
                revoked.delete(s2.exit().getEventTime().toEpochMilli() - Period.DAY_MILLIS, "return decision revoked");
                truth.nearMiss(f, id + "-deleted", n, s2.exit(), "the return alert was deleted before the exit");
            }
            case "created-during-stay" -> {
                for (boolean beforeExit : new boolean[] {true, false}) {
                    PlantedTraveller t = fixed(ctx);
                    Stay stay = crossings.stay(t, t.day(), t.day() + 3);
                    long at = stay.exit().getEventTime().toEpochMilli() + (beforeExit ? -1 : 1) * Period.DAY_MILLIS;
                    returnAlert(ctx, t, at);
                    if (beforeExit) {
                        truth.expect(
                                f,
                                id + "-created-before-exit",
                                t,
                                stay.exit(),
                                "a return alert created during the " + "stay, in force at the exit");
                    } else {
                        truth.nearMiss(
                                f,
                                id + "-created-after-exit",
                                t,
                                stay.exit(),
                                "a return alert created after " + "the exit");
                    }
                }
            }
            case "entry-not-exit" -> {
                PlantedTraveller t = fixed(ctx);
                returnAlert(ctx, t, before(ctx, t));
                Stay stay = crossings.trip(t, t.day(), t.day() + 3);
                truth.nearMiss(f, id, t, stay.entry(), "an entry under a return alert: R9 reads exits only");
                truth.expect(f, id, t, stay.exit(), "the exit under the same return alert");
            }
            case "near-name" -> {
                PlantedTraveller t = fixed(ctx);
                returnAlert(ctx, t, before(ctx, t));
                truth.expect(
                        f,
                        id + "-same-name",
                        t,
                        crossings.trip(t, t.day(), t.day() + 3).exit(),
                        "exit under a return alert with the same name and birth date");
                PlantedTraveller n = PersonAlertScenario.nearNamed(ctx);
                String[] near = n.nearName;
                returnAlert(ctx, n, before(ctx, n), near[1], near[0], PersonAlertScenario.dob(n));
                truth.nearMiss(
                        f,
                        id + "-near-name",
                        n,
                        crossings.trip(n, n.day(), n.day() + 3).exit(),
                        "a return alert with the same birth date and a name at Jaro-Winkler 0.85-0.92");
            }
            default -> {
                PlantedTraveller t = fixed(ctx);
                Bcp bcp = ctx.places().bcp();
                AlertLog alert = returnAlert(ctx, t, before(ctx, t));
                alert.flagAdd(alert.createdAt() + Period.HOUR_MILLIS, bcp.country());
                truth.expect(
                        f,
                        id + "-flagged",
                        t,
                        crossings.trip(t, bcp, t.day(), t.day() + 3).exit(),
                        "exit under a return alert the exit's state flagged: downgraded, still a flag");
                PlantedTraveller n = fixed(ctx);
                returnAlert(
                        ctx,
                        n,
                        before(ctx, n),
                        PersonAlertScenario.given(n),
                        PersonAlertScenario.surname(n),
                        n.identity().getDateOfBirth().minusYears(1).toString());
                truth.nearMiss(
                        f,
                        id + "-other-year",
                        n,
                        crossings.trip(n, n.day(), n.day() + 3).exit(),
                        "a return alert with the same name, born the year before");
            }
        }
    }

    private static PlantedTraveller fixed(ScenarioContext ctx) {
        PlantedTraveller t = ctx.travellers().draw(SPAN, 1, tr -> true);
        t.present(t.identity());
        return t;
    }

    /** A return alert created at {@code at} on the traveller's own name and date of birth. */
    private static AlertLog returnAlert(ScenarioContext ctx, PlantedTraveller t, long at) {
        return returnAlert(
                ctx, t, at, PersonAlertScenario.given(t), PersonAlertScenario.surname(t), PersonAlertScenario.dob(t));
    }

    private static AlertLog returnAlert(
            ScenarioContext ctx, PlantedTraveller t, long at, String given, String surname, String dob) {
        ScriptedAlerts alerts = ctx.alerts();
        return alerts.alert(
                at,
                AlertBasis.RETURN_1860_ART3,
                ctx.places().memberState(),
                alerts.farReviewDate(),
                alerts.personOf(t, given, surname, dob),
                null);
    }

    private static long before(ScenarioContext ctx, PlantedTraveller t) {
        return (t.day() - 4) * Period.DAY_MILLIS + ctx.rng().nextLong(Period.DAY_MILLIS / 2);
    }
}
