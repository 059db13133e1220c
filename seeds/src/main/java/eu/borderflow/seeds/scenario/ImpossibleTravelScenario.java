package eu.borderflow.seeds.scenario;

import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.BorderType;
import eu.borderflow.seeds.reference.Bcp;
import eu.borderflow.seeds.world.Period;

/**
 * R7: two entries in a row (flag); an exit at Helsinki airport followed one hour later by an entry at Lisbon airport
 * (flag: ~3,400 km needs over 4 hours); the same trip 7 hours later (near-miss: fast but possible).
 */
public final class ImpossibleTravelScenario implements Scenario {

    private static final String FROM = "FIN-A-HEL";
    private static final String TO = "PRT-A-LIS";
    private static final long IMPOSSIBLE_AFTER = Period.HOUR_MILLIS;
    private static final long POSSIBLE_AFTER = 7 * Period.HOUR_MILLIS;
    private static final int SPAN = 7;

    @Override
    public String ruleId() {
        return "R7";
    }

    @Override
    public void plant(ScenarioContext ctx, int instance) {
        String id = "R7-impossible-travel-" + instance;
        long b = ctx.baseDay(SPAN);
        Bcp from = ctx.bcp(FROM);
        Bcp to = ctx.bcp(TO);
        long needed = ctx.travelTimes().minMillis(from.index(), to.index());
        if (needed <= IMPOSSIBLE_AFTER || needed >= POSSIBLE_AFTER) {
            throw new IllegalStateException("R7 scenario BCPs no longer bracket the travel time: " + needed + " ms");
        }

        PlantedTraveller twice = ctx.traveller(false);
        Bcp a = ctx.randomBcp(BorderType.LAND);
        Bcp c = ctx.randomBcp(BorderType.LAND);
        ctx.entry(twice, a, ctx.at(a, b, 9), b + 5);
        BorderCrossing again = ctx.entry(twice, c, ctx.at(c, b + 2, 10), b + 5);
        ctx.exit(twice, c, ctx.at(c, b + 5, 14));
        ctx.expect(id + "-two-entries", ruleId(), ctx.fileToken(twice), again.getEventId(),
                "two entries in a row without an exit between them");

        PlantedTraveller fast = ctx.traveller(false);
        BorderCrossing impossible = hop(ctx, fast, from, to, b, IMPOSSIBLE_AFTER);
        ctx.expect(id + "-impossible", ruleId(), ctx.fileToken(fast), impossible.getEventId(),
                "entry at Lisbon airport one hour after an exit at Helsinki airport");

        PlantedTraveller possible = ctx.traveller(false);
        BorderCrossing plausible = hop(ctx, possible, from, to, b + 1, POSSIBLE_AFTER);
        ctx.nearMiss(id + "-fast-but-possible", ruleId(), ctx.fileToken(possible), plausible.getEventId(),
                "entry at Lisbon airport seven hours after an exit at Helsinki airport: possible");
    }

    /** Entry and exit at {@code from}, then an entry at {@code to} {@code after} millis later; returns that entry. */
    private static BorderCrossing hop(ScenarioContext ctx, PlantedTraveller t, Bcp from, Bcp to, long day, long after) {
        ctx.entry(t, from, ctx.at(from, day, 7), day + 3);
        BorderCrossing exit = ctx.exit(t, from, ctx.at(from, day + 3, 9));
        long arrival = exit.getEventTime().toEpochMilli() + after;
        BorderCrossing entry = ctx.entry(t, to, arrival, day + 6);
        ctx.exit(t, to, ctx.at(to, day + 6, 16));
        return entry;
    }
}
