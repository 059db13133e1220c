package eu.borderflow.seeds.scenario;

import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.BorderType;
import eu.borderflow.seeds.reference.Bcp;

/**
 * R3: an exit after 91 days of presence in the 180-day window (flag) next to one after exactly 90 (near-miss), and
 * an exit the day after the visa ended (flag). Long stays start before the period: the dataset holds their entries.
 */
public final class OverstayScenario implements Scenario {

    /** 91 calendar dates from entry to exit, both counted. */
    private static final int OVERSTAY_SPAN = 90;
    private static final int LAWFUL_SPAN = 89;
    private static final int SHORT_VISA_DAYS = 30;
    private static final int SPAN = 6;

    @Override
    public String ruleId() {
        return "R3";
    }

    @Override
    public void plant(ScenarioContext ctx, int instance) {
        String id = "R3-overstay-" + instance;
        long x = ctx.baseDay(SPAN);
        Bcp air = ctx.randomBcp(BorderType.AIR);

        PlantedTraveller over = ctx.traveller(false);
        ctx.entry(over, air, ctx.at(air, x - OVERSTAY_SPAN, 7), x);
        BorderCrossing overExit = ctx.exit(over, air, ctx.at(air, x, 14));
        ctx.expect(id + "-91-days", ruleId(), ctx.fileToken(over), overExit.getEventId(),
                "exit after 91 days of presence in the 180-day window");

        PlantedTraveller lawful = ctx.traveller(false);
        ctx.entry(lawful, air, ctx.at(air, x + 1 - LAWFUL_SPAN, 7), x + 1);
        BorderCrossing lawfulExit = ctx.exit(lawful, air, ctx.at(air, x + 1, 14));
        ctx.nearMiss(id + "-90-days", ruleId(), ctx.fileToken(lawful), lawfulExit.getEventId(),
                "exit after exactly 90 days of presence: lawful");

        PlantedTraveller visaHolder = ctx.traveller(true);
        long visaEnd = x + 2;
        ctx.setVisa(visaHolder, ctx.visa(ScenarioContext.MULTIPLE_ENTRIES, SHORT_VISA_DAYS,
                ctx.period().start().minusDays(SHORT_VISA_DAYS), java.time.LocalDate.ofEpochDay(visaEnd)));
        Bcp land = ctx.randomBcp(BorderType.LAND);
        ctx.entry(visaHolder, land, ctx.at(land, visaEnd - 3, 9), visaEnd);
        BorderCrossing late = ctx.exit(visaHolder, land, ctx.at(land, visaEnd + 1, 11));
        ctx.expect(id + "-after-visa", ruleId(), ctx.fileToken(visaHolder), late.getEventId(),
                "exit the day after the visa's validity ended");
    }
}
