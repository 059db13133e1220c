package eu.borderflow.seeds.scenario;

import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.seeds.reference.Bcp;
import eu.borderflow.seeds.world.Period;

/**
 * R7, impossible travel or a broken sequence for one document (docs/RULES.md): two crossings at different BCPs closer
 * than the minimum transfer time plus the distance over the fastest plausible speed, or two entries or two exits in
 * a row. The trigger is the later crossing. Families:
 * <ul>
 *   <li>{@code two-entries} and {@code two-exits}: a movement missing between two (flag), or present (near-miss);</li>
 *   <li>{@code too-fast}: an exit and an entry at two BCPs minutes under the minimum (flag) or over it (near-miss);</li>
 *   <li>{@code transfer-plus-distance}: neighbouring BCPs, under the transfer time plus the distance's time though
 *       over each alone (flag), and just over the sum (near-miss);</li>
 *   <li>{@code same-bcp}: out and back in ten minutes at the same BCP (near-miss) or at another (flag);</li>
 *   <li>{@code late-upload}: the earlier crossing of the pair uploaded 40 hours late, after the later one.</li>
 * </ul>
 */
public final class ImpossibleTravelScenario extends FamilyScenario {

    private static final int SPAN = 8;
    private static final long MINUTES = Period.MINUTE_MILLIS;
    private static final long LATE = 40 * Period.HOUR_MILLIS;

    public ImpossibleTravelScenario() {
        super("R7", "two-entries", "two-exits", "too-fast", "transfer-plus-distance", "same-bcp", "late-upload");
    }

    @Override
    void plant(ScenarioContext ctx, Family f, String id) {
        PlantedTravellers travellers = ctx.travellers();
        Places places = ctx.places();
        ScriptedCrossings crossings = ctx.crossings();
        CrossingTimes times = ctx.times();
        ScriptedTruth truth = ctx.truth();
        switch (f.name()) {
            case "two-entries" -> {
                PlantedTraveller twice = travellers.draw(SPAN, 2, t -> true);
                long b = twice.day();
                Bcp a = places.bcp();
                crossings.entry(twice, a, times.entryTime(a, b), b + 5);
                Bcp c = places.bcp();
                BorderCrossing again = crossings.entry(twice, c, times.entryTime(c, b + 2), b + 5);
                crossings.exit(twice, c, times.exitTime(c, b + 5, 0));
                truth.expect(f, id + "-no-exit-between", twice, again, "two entries in a row without an exit between");
                PlantedTraveller normal = travellers.draw(SPAN, 2, t -> true);
                crossings.stay(normal, normal.day(), normal.day() + 1);
                BorderCrossing next = crossings
                        .stay(normal, normal.day() + 3, normal.day() + 5)
                        .entry();
                truth.nearMiss(f, id + "-exit-between", normal, next, "an entry after an exit: the sequence holds");
            }
            case "two-exits" -> {
                PlantedTraveller twice = travellers.draw(SPAN, 1, t -> true);
                long b = twice.day();
                Stay stay = crossings.stay(twice, b, b + 2);
                Bcp c = places.bcp();
                BorderCrossing again = crossings.exit(
                        twice,
                        c,
                        times.exitTime(c, b + 4, stay.exit().getEventTime().toEpochMilli()));
                truth.expect(f, id + "-no-entry-between", twice, again, "two exits in a row without an entry between");
                PlantedTraveller normal = travellers.draw(SPAN, 2, t -> true);
                crossings.stay(normal, normal.day(), normal.day() + 1);
                BorderCrossing next = crossings
                        .stay(normal, normal.day() + 3, normal.day() + 5)
                        .exit();
                truth.nearMiss(f, id + "-entry-between", normal, next, "an exit after an entry: the sequence holds");
            }
            case "too-fast" -> {
                Bcp a = places.bcp();
                Bcp c = places.otherBcp(a);
                hop(ctx, f, id + "-under", a, c, -(1 + ctx.rng().nextInt(15)) * MINUTES, 0);
                hop(ctx, f, id + "-over", a, c, (1 + ctx.rng().nextInt(15)) * MINUTES, 0);
            }
            case "transfer-plus-distance" -> {
                Bcp a = places.bcp();
                Bcp c = nearest(ctx, a);
                hop(ctx, f, id + "-under-the-sum", a, c, -MINUTES, 0);
                hop(ctx, f, id + "-over-the-sum", a, c, MINUTES, 0);
            }
            case "same-bcp" -> {
                Bcp a = places.bcp();
                quickReturn(ctx, f, id + "-same-bcp", a, a, false);
                quickReturn(ctx, f, id + "-other-bcp", a, nearest(ctx, a), true);
            }
            default -> {
                Bcp a = places.bcp();
                Bcp c = places.otherBcp(a);
                hop(ctx, f, id + "-under", a, c, -(1 + ctx.rng().nextInt(15)) * MINUTES, LATE);
                hop(ctx, f, id + "-over", a, c, (1 + ctx.rng().nextInt(15)) * MINUTES, LATE);
            }
        }
    }

    /**
     * A stay at {@code from}, its exit, then an entry at {@code to} the minimum time plus {@code offset} later (a flag
     * when the offset is negative); the exit uploaded {@code late} (0: at once).
     */
    private static void hop(ScenarioContext ctx, Family f, String id, Bcp from, Bcp to, long offset, long late) {
        ScriptedCrossings crossings = ctx.crossings();
        ScriptedTruth truth = ctx.truth();
        PlantedTraveller t = ctx.travellers().draw(SPAN, 2, tr -> true);
        long b = t.day();
        Stay first = crossings.stay(t, from, b, from, b + 2);
        long minimum = ctx.travelTimes().minMillis(from.index(), to.index());
        long arrival = first.exit().getEventTime().toEpochMilli() + minimum + offset;
        BorderCrossing entry = crossings.entry(t, to, arrival, b + 5);
        crossings.exit(t, to, ctx.times().exitTime(to, b + 5, arrival));
        if (late > 0) {
            crossings.uploadLate(first.exit(), late);
        }
        String gap = Math.abs(offset) / MINUTES + " minutes " + (offset < 0 ? "under" : "over");
        String description = "entry at " + to.code() + " after an exit at " + from.code() + ", " + gap
                + " the minimum time" + (late > 0 ? "; the exit uploaded 40 hours late" : "");
        if (offset < 0) {
            truth.expect(f, id, t, entry, description);
        } else {
            truth.nearMiss(f, id, t, entry, description);
        }
    }

    /** Out at {@code from} and back in at {@code to} ten minutes later. */
    private static void quickReturn(ScenarioContext ctx, Family f, String id, Bcp from, Bcp to, boolean flag) {
        ScriptedCrossings crossings = ctx.crossings();
        ScriptedTruth truth = ctx.truth();
        PlantedTraveller t = ctx.travellers().draw(SPAN, 2, tr -> true);
        long b = t.day();
        Stay first = crossings.stay(t, from, b, from, b + 2);
        long back = first.exit().getEventTime().toEpochMilli() + 10 * MINUTES;
        BorderCrossing entry = crossings.entry(t, to, back, b + 4);
        crossings.exit(t, to, ctx.times().exitTime(to, b + 4, back));
        if (flag) {
            truth.expect(f, id, t, entry, "back in at another BCP ten minutes after leaving");
        } else {
            truth.nearMiss(f, id, t, entry, "back in at the same BCP ten minutes after leaving");
        }
    }

    /** The BCP nearest to {@code a}: where the transfer time dominates the distance's. */
    private static Bcp nearest(ScenarioContext ctx, Bcp a) {
        Bcp best = null;
        for (Bcp b : ctx.reference().bcps()) {
            if (b.index() != a.index()
                    && (best == null
                            || ctx.travelTimes().minMillis(a.index(), b.index())
                                    < ctx.travelTimes().minMillis(a.index(), best.index()))) {
                best = b;
            }
        }
        return best;
    }
}
