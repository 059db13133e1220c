package eu.borderflow.seeds.scenario;

import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.BorderType;
import eu.borderflow.seeds.reference.Bcp;

import java.time.LocalDate;

/**
 * R5: a single-entry visa used for a second entry (flag), an entry after the visa expired (flag, and its exit is an
 * R3 overstay); near-misses: a two-entry visa used twice, an entry on the visa's last valid day.
 */
public final class VisaEntriesScenario implements Scenario {

    private static final int VISA_DAYS = 30;
    private static final int SPAN = 9;

    @Override
    public String ruleId() {
        return "R5";
    }

    @Override
    public void plant(ScenarioContext ctx, int instance) {
        String id = "R5-visa-entries-" + instance;
        long b = ctx.baseDay(SPAN);
        LocalDate from = ctx.period().start().minusDays(VISA_DAYS);
        LocalDate farEnd = ctx.period().end().plusDays(ScenarioContext.FULL_VISA_DAYS);
        Bcp land = ctx.randomBcp(BorderType.LAND);

        PlantedTraveller single = ctx.traveller(true);
        ctx.setVisa(single, ctx.visa(1, VISA_DAYS, from, farEnd));
        ctx.entry(single, land, ctx.at(land, b, 9), b + 2);
        ctx.exit(single, land, ctx.at(land, b + 2, 15));
        BorderCrossing second = ctx.entry(single, land, ctx.at(land, b + 6, 9), b + 8);
        ctx.exit(single, land, ctx.at(land, b + 8, 15));
        ctx.expect(id + "-single-entry-used-twice", ruleId(), ctx.fileToken(single), second.getEventId(),
                "second entry on a single-entry visa");

        PlantedTraveller expired = ctx.traveller(true);
        ctx.setVisa(expired, ctx.visa(ScenarioContext.MULTIPLE_ENTRIES, VISA_DAYS, from, LocalDate.ofEpochDay(b - 2)));
        BorderCrossing afterExpiry = ctx.entry(expired, land, ctx.at(land, b, 10), b);
        BorderCrossing exit = ctx.exit(expired, land, ctx.at(land, b, 18));
        ctx.expect(id + "-entry-after-expiry", ruleId(), ctx.fileToken(expired), afterExpiry.getEventId(),
                "entry two days after the visa's validity ended");
        ctx.expect(id + "-entry-after-expiry", "R3", ctx.fileToken(expired), exit.getEventId(),
                "exit after the visa's validity ended");

        PlantedTraveller twice = ctx.traveller(true);
        ctx.setVisa(twice, ctx.visa(2, VISA_DAYS, from, farEnd));
        ctx.entry(twice, land, ctx.at(land, b + 1, 9), b + 2);
        ctx.exit(twice, land, ctx.at(land, b + 2, 16));
        BorderCrossing secondOfTwo = ctx.entry(twice, land, ctx.at(land, b + 5, 9), b + 7);
        ctx.exit(twice, land, ctx.at(land, b + 7, 16));
        ctx.nearMiss(id + "-two-entries-used", ruleId(), ctx.fileToken(twice), secondOfTwo.getEventId(),
                "second entry on a two-entry visa");

        PlantedTraveller lastDay = ctx.traveller(true);
        ctx.setVisa(lastDay, ctx.visa(ScenarioContext.MULTIPLE_ENTRIES, VISA_DAYS, from, LocalDate.ofEpochDay(b + 3)));
        BorderCrossing onLastDay = ctx.entry(lastDay, land, ctx.at(land, b + 3, 8), b + 3);
        ctx.exit(lastDay, land, ctx.at(land, b + 3, 19));
        ctx.nearMiss(id + "-entry-on-last-valid-day", ruleId(), ctx.fileToken(lastDay), onLastDay.getEventId(),
                "entry on the visa's last valid day, exit the same day");
    }
}
