package eu.borderflow.seeds.scenario;

import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.BorderType;
import eu.borderflow.seeds.reference.Bcp;
import eu.borderflow.seeds.world.Period;

/**
 * R4: a visa holder allowed 10 days who never exits (flag), one whose timely exit is uploaded late but within the
 * 72 h grace (near-miss), and one who exits after the deadline and grace (flag raised then withdrawn: near-miss for
 * R4, while the late exit itself is an R3 overstay). Deadlines fall well inside the period.
 */
public final class MissingExitScenario implements Scenario {

    private static final int VISA_DAYS = 10;
    /** The latest lawful exit day, counted from the entry day. */
    private static final int LAST_DAY = VISA_DAYS - 1;
    private static final long WITHIN_GRACE_DELAY = 60 * Period.HOUR_MILLIS;
    /** Day after the authorised stay (+1), end of that day (+1), grace of 3 days, plus one more. */
    private static final int AFTER_GRACE = LAST_DAY + 6;
    private static final int SPAN = AFTER_GRACE + 2;

    @Override
    public String ruleId() {
        return "R4";
    }

    @Override
    public void plant(ScenarioContext ctx, int instance) {
        String id = "R4-missing-exit-" + instance;
        long e = ctx.baseDay(SPAN);
        Bcp bcp = ctx.randomBcp(BorderType.AIR);

        PlantedTraveller missing = visaHolder(ctx);
        BorderCrossing entry = ctx.entry(missing, bcp, ctx.at(bcp, e, 6), e + LAST_DAY);
        ctx.expect(id + "-no-exit", ruleId(), ctx.fileToken(missing), entry.getEventId(),
                "no exit recorded by the day after the authorised 10-day stay ended");

        PlantedTraveller lateUpload = visaHolder(ctx);
        BorderCrossing lateEntry = ctx.entry(lateUpload, bcp, ctx.at(bcp, e, 8), e + LAST_DAY);
        BorderCrossing lateExit = ctx.exit(lateUpload, bcp, ctx.at(bcp, e + LAST_DAY, 20));
        ctx.uploadLate(lateExit, WITHIN_GRACE_DELAY);
        ctx.nearMiss(id + "-exit-uploaded-within-grace", ruleId(), ctx.fileToken(lateUpload), lateEntry.getEventId(),
                "timely exit uploaded 60 hours late, within the 72-hour grace");

        PlantedTraveller lateExitTraveller = visaHolder(ctx);
        BorderCrossing stayEntry = ctx.entry(lateExitTraveller, bcp, ctx.at(bcp, e + 1, 7), e + 1 + LAST_DAY);
        BorderCrossing afterGrace = ctx.exit(lateExitTraveller, bcp, ctx.at(bcp, e + 1 + AFTER_GRACE, 12));
        ctx.nearMiss(id + "-exit-after-grace", ruleId(), ctx.fileToken(lateExitTraveller), stayEntry.getEventId(),
                "exit recorded after the deadline and grace: the missing-exit flag is withdrawn");
        ctx.expect(id + "-exit-after-grace", "R3", ctx.fileToken(lateExitTraveller), afterGrace.getEventId(),
                "exit after the authorised 10-day stay ended");
    }

    private static PlantedTraveller visaHolder(ScenarioContext ctx) {
        PlantedTraveller t = ctx.traveller(true);
        ctx.setVisa(t, ctx.visa(ScenarioContext.MULTIPLE_ENTRIES, VISA_DAYS, ctx.period().start().minusDays(VISA_DAYS),
                ctx.period().end().plusDays(ScenarioContext.FULL_VISA_DAYS)));
        return t;
    }
}
