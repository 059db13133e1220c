package eu.borderflow.seeds.scenario;

import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.RefusalReason;
import eu.borderflow.seeds.reference.Bcp;
import eu.borderflow.seeds.world.Period;

/**
 * R5, visa entries used up or visa not valid on the entry day (the BCP's local date). Families:
 * <ul>
 *   <li>{@code entries}: a second entry on a single-entry visa (flag), on a double-entry one (near-miss);</li>
 *   <li>{@code refusal-not-an-entry}: a third entry on a double-entry visa (flag); a second after a refusal, which
 *       uses no entry (near-miss);</li>
 *   <li>{@code validity-end}: an entry the day after the last valid day (flag, and an R3 overstay at its exit), on it
 *       (near-miss);</li>
 *   <li>{@code validity-start}: an entry the day before the first valid day (flag), on it (near-miss);</li>
 *   <li>{@code bcp-local-date}: half an hour after local midnight, a day later than the UTC date;</li>
 *   <li>{@code late-upload}: the first entry uploaded 50 hours late, after the second arrived.</li>
 * </ul>
 */
public final class VisaEntriesScenario extends FamilyScenario {

    private static final int VISA_DAYS = 30;
    private static final int SPAN = 10;
    private static final long LATE = 50 * Period.HOUR_MILLIS;
    private static final int HALF_PAST_MIDNIGHT = 1800;

    public VisaEntriesScenario() {
        super(
                "R5",
                "entries",
                "refusal-not-an-entry",
                "validity-end",
                "validity-start",
                "bcp-local-date",
                "late-upload");
    }

    @Override
    void plant(ScenarioContext ctx, Family f, String id) {
        switch (f.name()) {
            case "entries" -> {
                twoTrips(ctx, f, id + "-single-entry", 1, 0, true, "a second entry on a single-entry visa");
                twoTrips(ctx, f, id + "-double-entry", 2, 0, false, "a second entry on a double-entry visa");
            }
            case "refusal-not-an-entry" -> refusal(ctx, f, id);
            case "validity-end" -> {
                oneDay(ctx, f, id + "-after-last-day", 1, true, "entry the day after the visa's last valid day");
                oneDay(ctx, f, id + "-on-last-day", 0, true, "entry on the visa's last valid day");
            }
            case "validity-start" -> {
                oneDay(ctx, f, id + "-before-first-day", -1, false, "entry the day before the visa's first valid day");
                oneDay(ctx, f, id + "-on-first-day", 0, false, "entry on the visa's first valid day");
            }
            case "bcp-local-date" -> localDate(ctx, f, id);
            default -> {
                twoTrips(
                        ctx,
                        f,
                        id + "-single-entry",
                        1,
                        LATE,
                        true,
                        "a second entry on a single-entry visa; the first entry was uploaded 50 hours late");
                twoTrips(
                        ctx,
                        f,
                        id + "-double-entry",
                        2,
                        LATE,
                        false,
                        "a second entry on a double-entry visa; the first entry was uploaded 50 hours late");
            }
        }
    }

    /** Two short trips on a visa of {@code entries} entries; the first entry uploaded {@code late} (0: at once). */
    private static void twoTrips(
            ScenarioContext ctx, Family f, String id, int entries, long late, boolean flag, String description) {
        ScriptedCrossings crossings = ctx.crossings();
        PlantedTraveller t = ctx.travellers().visaHolder(SPAN, 1);
        long b = t.day();
        t.setVisa(ctx.issuer().visa(entries, VISA_DAYS, b - 20, b + 60));
        Bcp bcp = ctx.places().bcp();
        Stay first = crossings.stay(t, bcp, b, bcp, b);
        if (late > 0) {
            // Arrives the day after the second entry.
            crossings.uploadLate(first.entry(), late);
        }
        Stay second = crossings.stay(t, bcp, b + 1, bcp, b + 2);
        judge(ctx, f, id, t, second.entry(), flag, description);
    }

    /** Entry, exit, a refused attempt, then an entry: the refusal uses no entry of the double-entry visa. */
    private static void refusal(ScenarioContext ctx, Family f, String id) {
        PlantedTravellers travellers = ctx.travellers();
        Issuer issuer = ctx.issuer();
        ScriptedCrossings crossings = ctx.crossings();
        PlantedTraveller third = travellers.visaHolder(SPAN, 1);
        long b = third.day();
        third.setVisa(issuer.visa(2, VISA_DAYS, b - 20, b + 60));
        crossings.stay(third, b, b + 1);
        crossings.stay(third, b + 3, b + 4);
        Stay again = crossings.stay(third, b + 6, b + 7);
        judge(ctx, f, id + "-third-entry", third, again.entry(), true, "a third entry on a double-entry visa");

        PlantedTraveller refused = travellers.visaHolder(SPAN, 1);
        long d = refused.day();
        refused.setVisa(issuer.visa(2, VISA_DAYS, d - 20, d + 60));
        Bcp bcp = ctx.places().bcp();
        crossings.stay(refused, bcp, d, bcp, d + 1);
        crossings.refusal(refused, bcp, ctx.times().daytime(bcp, d + 3), RefusalReason.E);
        Stay second = crossings.stay(refused, bcp, d + 5, bcp, d + 6);
        judge(
                ctx,
                f,
                id + "-after-refusal",
                refused,
                second.entry(),
                false,
                "a second entry on a double-entry visa after a refused attempt, which used no entry");
    }

    /**
     * A same-day trip on the visa's last ({@code atEnd}) or first valid day shifted by {@code offset} days: outside
     * the validity when not 0.
     */
    private static void oneDay(
            ScenarioContext ctx, Family f, String id, int offset, boolean atEnd, String description) {
        Issuer issuer = ctx.issuer();
        ScriptedTruth truth = ctx.truth();
        PlantedTraveller t = ctx.travellers().visaHolder(SPAN, 1);
        long day = t.day() + 2;
        long edge = day - offset;
        t.setVisa(
                atEnd
                        ? issuer.visa(Issuer.MULTIPLE_ENTRIES, VISA_DAYS, edge - 40, edge)
                        : issuer.visa(Issuer.MULTIPLE_ENTRIES, VISA_DAYS, edge, edge + 60));
        Stay stay = ctx.crossings().stay(t, day, day);
        judge(ctx, f, id, t, stay.entry(), offset != 0, description);
        if (offset != 0) {
            truth.expect(
                    f,
                    id,
                    "R3",
                    t,
                    stay.exit(),
                    "exit of a stay entered outside the visa's validity: no day of " + "it was authorised");
        }
    }

    /** Local dates decide validity: 00:30 local is still the day before in UTC. */
    private static void localDate(ScenarioContext ctx, Family f, String id) {
        PlantedTravellers travellers = ctx.travellers();
        Places places = ctx.places();
        Issuer issuer = ctx.issuer();
        ScriptedCrossings crossings = ctx.crossings();
        CrossingTimes times = ctx.times();
        ScriptedTruth truth = ctx.truth();
        PlantedTraveller late = travellers.visaHolder(SPAN, 1);
        long day = late.day() + 2;
        Bcp bcp = places.bcpAheadOfUtc(day);
        late.setVisa(issuer.visa(Issuer.MULTIPLE_ENTRIES, VISA_DAYS, day - 40, day - 1));
        BorderCrossing entry = crossings.entry(late, bcp, times.at(bcp, day, HALF_PAST_MIDNIGHT), day);
        BorderCrossing exit = crossings.exit(
                late, bcp, times.exitTime(bcp, day, entry.getEventTime().toEpochMilli()));
        judge(
                ctx,
                f,
                id + "-after-last-day",
                late,
                entry,
                true,
                "entry at 00:30 local the day after the visa's last valid day (still that day in UTC)");
        truth.expect(f, id + "-after-last-day", "R3", late, exit, "exit of a stay entered after the visa's validity");

        PlantedTraveller early = travellers.visaHolder(SPAN, 1);
        long day2 = early.day() + 2;
        Bcp bcp2 = places.bcpAheadOfUtc(day2);
        early.setVisa(issuer.visa(Issuer.MULTIPLE_ENTRIES, VISA_DAYS, day2, day2 + 60));
        BorderCrossing entry2 = crossings.entry(early, bcp2, times.at(bcp2, day2, HALF_PAST_MIDNIGHT), day2 + 2);
        crossings.exit(
                early,
                bcp2,
                times.exitTime(bcp2, day2 + 2, entry2.getEventTime().toEpochMilli()));
        judge(
                ctx,
                f,
                id + "-on-first-day",
                early,
                entry2,
                false,
                "entry at 00:30 local on the visa's first valid day (the day before in UTC)");
    }

    private static void judge(
            ScenarioContext ctx,
            Family f,
            String id,
            PlantedTraveller t,
            BorderCrossing entry,
            boolean flag,
            String description) {
        ScriptedTruth truth = ctx.truth();
        if (flag) {
            truth.expect(f, id, t, entry, description);
        } else {
            truth.nearMiss(f, id, t, entry, description);
        }
    }
}
