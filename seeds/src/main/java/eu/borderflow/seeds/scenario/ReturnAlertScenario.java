package eu.borderflow.seeds.scenario;

import eu.borderflow.schema.AlertBasis;
import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.BorderType;
import eu.borderflow.seeds.reference.Bcp;
import eu.borderflow.seeds.world.AlertLog;

/** R9: a traveller with an active return alert exits (flag); one whose return alert was deleted before the exit. */
public final class ReturnAlertScenario implements Scenario {

    private static final int SPAN = 6;

    @Override
    public String ruleId() {
        return "R9";
    }

    @Override
    public void plant(ScenarioContext ctx, int instance) {
        String id = "R9-return-alert-" + instance;
        long b = ctx.baseDay(SPAN);
        Bcp land = ctx.randomBcp(BorderType.LAND);

        PlantedTraveller returning = ctx.traveller(true);
        ctx.entry(returning, land, ctx.at(land, b, 9), b + 4);
        AlertLog alert = returnAlert(ctx, returning, ctx.at(land, b + 1, 10));
        BorderCrossing exit = ctx.exit(returning, land, ctx.at(land, b + 4, 13));
        alert.delete(ctx.at(land, b + 5, 10), "return confirmed");
        ctx.expect(id + "-active", ruleId(), ctx.fileToken(returning), exit.getEventId(),
                "exit of a person under an active return alert: confirm the return");

        PlantedTraveller revoked = ctx.traveller(true);
        ctx.entry(revoked, land, ctx.at(land, b, 11), b + 4);
        AlertLog revokedAlert = returnAlert(ctx, revoked, ctx.at(land, b + 1, 12));
        revokedAlert.delete(ctx.at(land, b + 2, 12), "return decision revoked");
        BorderCrossing revokedExit = ctx.exit(revoked, land, ctx.at(land, b + 4, 15));
        ctx.nearMiss(id + "-deleted-before-exit", ruleId(), ctx.fileToken(revoked), revokedExit.getEventId(),
                "the return alert was deleted before the exit");
    }

    private static AlertLog returnAlert(ScenarioContext ctx, PlantedTraveller t, long millis) {
        return ctx.alert(millis, AlertBasis.RETURN_1860_ART3, ctx.memberState(), ctx.farReviewDate(),
                ctx.personOf(t, t.identity().getGivenNames(), t.identity().getSurname(),
                        t.identity().getDateOfBirth().toString()), null);
    }
}
