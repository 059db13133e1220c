package eu.borderflow.seeds.scenario;

import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.GroundTruthKind;
import eu.borderflow.schema.StayBasis;
import eu.borderflow.seeds.reference.Bcp;
import eu.borderflow.seeds.world.Period;
import eu.borderflow.stay.StayHistory;

/**
 * R4, missing exit: no exit by the day after the authorised end (local time), plus the 72-hour grace for late uploads.
 * Every entry carries its deadline ({@code not_before}): a flag raised before it is premature. Families:
 * <ul>
 *   <li>{@code no-exit}: a 10-day visa, no exit (flag) or the exit on the last day (near-miss);</li>
 *   <li>{@code upload-within-grace}: the exit on the last day uploaded 60 hours late, still within the grace;</li>
 *   <li>{@code upload-at-grace-edge}: the exit uploaded 71 hours late, at the edge of the allowed lateness (72 h, as
 *       long as the grace). An exit uploaded later is a LATE dead letter (CONTRACTS.md) and whether it is depends on
 *       how far the watermark has got, so no scenario plants one: no admitted upload can withdraw R4 after the
 *       grace;</li>
 *   <li>{@code exit-after-grace}: an exit only after the deadline (withdrawn; an R3 overstay);</li>
 *   <li>{@code visa-total}: the visa's days used up by an earlier stay but five;</li>
 *   <li>{@code window-history}: 85 days of an earlier stay in the window leave five;</li>
 *   <li>{@code same-day-re-entry}: back in on the day the visa's last day was spent;</li>
 *   <li>{@code long-stay-exempt}: no exit under a residence permit is no missing exit.</li>
 * </ul>
 * Deadlines fall inside the data, with traffic continuing after them.
 */
public final class MissingExitScenario extends FamilyScenario {

    private static final int VISA_DAYS = 10;
    /** The deadline (day after the end, plus 3 days of grace) and a day of traffic after it. */
    private static final int AFTER_END = 5;

    private static final int SPAN = VISA_DAYS + AFTER_END + 1;
    private static final long WITHIN_GRACE = 60 * Period.HOUR_MILLIS;
    private static final long GRACE_EDGE = 71 * Period.HOUR_MILLIS;
    private static final int TOTAL = 20;
    private static final int EARLIER = 15;
    private static final int HISTORY = 85;

    @Override
    public int minDays() {
        return SPAN + PlantedTravellers.MARGIN_DAYS;
    }

    public MissingExitScenario() {
        super(
                "R4",
                "no-exit",
                "upload-within-grace",
                "upload-at-grace-edge",
                "exit-after-grace",
                "visa-total",
                "window-history",
                "same-day-re-entry",
                "long-stay-exempt");
    }

    @Override
    void plant(ScenarioContext ctx, Family f, String id) {
        switch (f.name()) {
            case "no-exit" -> {
                noExit(ctx, f, id);
                exitOnLastDay(ctx, f, id, 0);
            }
            case "upload-within-grace" -> {
                noExit(ctx, f, id);
                exitOnLastDay(ctx, f, id, WITHIN_GRACE);
            }
            case "upload-at-grace-edge" -> {
                noExit(ctx, f, id);
                exitOnLastDay(ctx, f, id, GRACE_EDGE);
            }
            case "exit-after-grace" -> {
                noExit(ctx, f, id);
                exitAfterGrace(ctx, f, id);
            }
            case "visa-total" -> visaTotal(ctx, f, id);
            case "window-history" -> history(ctx, f, id);
            case "same-day-re-entry" -> sameDay(ctx, f, id);
            default -> exempt(ctx, f, id);
        }
    }

    /** A traveller on a fresh visa of ten days in all, valid for a few months, entered on its day. */
    private static PlantedTraveller tenDays(ScenarioContext ctx) {
        PlantedTraveller t = ctx.travellers().visaHolder(SPAN, 1);
        t.setVisa(ctx.issuer().visa(Issuer.MULTIPLE_ENTRIES, VISA_DAYS, t.day() - 20, t.day() + 90));
        return t;
    }

    private static void noExit(ScenarioContext ctx, Family f, String id) {
        ScriptedTruth truth = ctx.truth();
        PlantedTraveller t = tenDays(ctx);
        Bcp bcp = ctx.places().bcp();
        BorderCrossing entry =
                ctx.crossings().entry(t, bcp, ctx.times().entryTime(bcp, t.day()), t.day() + VISA_DAYS - 1);
        int end = ctx.stayRules().authorisedEnd(t, t.day(), StayHistory.empty(), 0);
        truth.missingExit(
                f,
                id + "-no-exit",
                GroundTruthKind.EXPECTED_FLAG,
                t,
                entry,
                end,
                "no exit recorded by the day after the authorised 10-day stay, and the grace has passed");
    }

    /** The exit on the last authorised day, uploaded {@code delay} late (0: at once). */
    private static void exitOnLastDay(ScenarioContext ctx, Family f, String id, long delay) {
        ScriptedCrossings crossings = ctx.crossings();
        CrossingTimes times = ctx.times();
        PlantedTraveller t = tenDays(ctx);
        int end = ctx.stayRules().authorisedEnd(t, t.day(), StayHistory.empty(), 0);
        Bcp bcp = ctx.places().bcp();
        BorderCrossing entry = crossings.entry(t, bcp, times.entryTime(bcp, t.day()), end);
        BorderCrossing exit =
                crossings.exit(t, bcp, times.at(bcp, end, 20 * 3600 + ctx.rng().nextInt(3 * 3600)));
        String how = "an exit on the last authorised day";
        if (delay > 0) {
            crossings.uploadLate(exit, delay);
            how += ", uploaded " + delay / Period.HOUR_MILLIS + " hours late, within the grace";
        }
        ctx.truth().missingExit(f, id + "-exit-on-last-day", GroundTruthKind.NEAR_MISS, t, entry, end, how);
    }

    /** The exit comes after the deadline: the flag is withdrawn, and the exit is an overstay (R3). */
    private static void exitAfterGrace(ScenarioContext ctx, Family f, String id) {
        ScriptedCrossings crossings = ctx.crossings();
        CrossingTimes times = ctx.times();
        ScriptedTruth truth = ctx.truth();
        PlantedTraveller t = tenDays(ctx);
        int end = ctx.stayRules().authorisedEnd(t, t.day(), StayHistory.empty(), 0);
        Bcp bcp = ctx.places().bcp();
        BorderCrossing entry = crossings.entry(t, bcp, times.entryTime(bcp, t.day()), end);
        BorderCrossing exit = crossings.exit(t, bcp, times.exitTime(bcp, end + AFTER_END, 0));
        truth.missingExit(
                f,
                id + "-exit-after-grace",
                GroundTruthKind.NEAR_MISS,
                t,
                entry,
                end,
                "an exit recorded after the deadline and grace: the flag is withdrawn");
        truth.expect(f, id + "-exit-after-grace", "R3", t, exit, "exit after the authorised 10-day stay");
    }

    /** A 20-day visa, 15 days used: the second stay may last five (no exit: flag; exit on the fifth: near-miss). */
    private static void visaTotal(ScenarioContext ctx, Family f, String id) {
        StayRules stayRules = ctx.stayRules();
        for (boolean exits : new boolean[] {false, true}) {
            PlantedTraveller t = ctx.travellers().draw(EARLIER + 5, SPAN, 2, tr -> tr.visa() != null);
            long entryDay = t.day();
            long first = entryDay - EARLIER - 5;
            t.setVisa(ctx.issuer().visa(Issuer.MULTIPLE_ENTRIES, TOTAL, first - 10, first + 100));
            ctx.crossings().stay(t, first, first + EARLIER - 1);
            int end = stayRules.authorisedEnd(
                    t, entryDay, StayHistory.empty().add((int) first, (int) (first + EARLIER - 1)), EARLIER);
            plantSecond(
                    ctx,
                    f,
                    id + (exits ? "-exit-on-last-day" : "-no-exit"),
                    t,
                    entryDay,
                    end,
                    exits,
                    "a 20-day visa with 15 days used before this stay");
        }
    }

    /** 85 days of an earlier stay in the window leave five (no exit: flag; exit on the fifth: near-miss). */
    private static void history(ScenarioContext ctx, Family f, String id) {
        StayRules stayRules = ctx.stayRules();
        for (boolean exits : new boolean[] {false, true}) {
            PlantedTraveller t = ctx.travellers().draw(HISTORY + 10, SPAN, 2, PlantedTravellers::noVisaTotal);
            long entryDay = t.day();
            long earlier = entryDay - HISTORY - 9;
            ctx.crossings().stay(t, earlier, earlier + HISTORY - 1);
            int end = stayRules.authorisedEnd(
                    t, entryDay, StayHistory.empty().add((int) earlier, (int) (earlier + HISTORY - 1)), 0);
            plantSecond(
                    ctx,
                    f,
                    id + (exits ? "-exit-on-last-day" : "-no-exit"),
                    t,
                    entryDay,
                    end,
                    exits,
                    HISTORY + " days of an earlier stay in the 180-day window");
        }
    }

    /** Out on the visa's last day and back in the same day: that day is the new stay's only one. */
    private static void sameDay(ScenarioContext ctx, Family f, String id) {
        ScriptedCrossings crossings = ctx.crossings();
        CrossingTimes times = ctx.times();
        StayRules stayRules = ctx.stayRules();
        ScriptedTruth truth = ctx.truth();
        for (boolean exits : new boolean[] {false, true}) {
            PlantedTraveller t = tenDays(ctx);
            long first = t.day();
            long last = first + VISA_DAYS - 1;
            Bcp bcp = ctx.places().bcp();
            crossings.entry(t, bcp, times.entryTime(bcp, first), last);
            long out = times.daytime(bcp, last);
            crossings.exit(t, bcp, out);
            int end = stayRules.authorisedEnd(t, last, StayHistory.empty().add((int) first, (int) last), VISA_DAYS - 1);
            BorderCrossing entry = crossings.entry(t, bcp, out + Period.HOUR_MILLIS, end);
            if (exits) {
                crossings.exit(t, bcp, entry.getEventTime().toEpochMilli() + 2 * Period.HOUR_MILLIS);
            }
            truth.missingExit(
                    f,
                    id + (exits ? "-out-again" : "-stays"),
                    exits ? GroundTruthKind.NEAR_MISS : GroundTruthKind.EXPECTED_FLAG,
                    t,
                    entry,
                    end,
                    "re-entered on the day the visa's ten days ran " + "out, "
                            + (exits ? "and left again that day" : "and no exit"));
        }
    }

    /** No exit: under a residence permit no deadline (near-miss); on a short stay, one (flag). */
    private static void exempt(ScenarioContext ctx, Family f, String id) {
        ScriptedTruth truth = ctx.truth();
        noExit(ctx, f, id);
        PlantedTraveller t = ctx.travellers().draw(SPAN);
        t.setStayBasis(StayBasis.RESIDENCE_PERMIT);
        Bcp bcp = ctx.places().bcp();
        BorderCrossing entry = ctx.crossings().entry(t, bcp, ctx.times().entryTime(bcp, t.day()), t.day() + 365);
        truth.missingExit(
                f,
                id + "-permit",
                GroundTruthKind.NEAR_MISS,
                t,
                entry,
                ctx.stayRules().authorisedEnd(t, t.day(), StayHistory.empty(), 0),
                "no exit under a residence permit");
    }

    private static void plantSecond(
            ScenarioContext ctx,
            Family f,
            String id,
            PlantedTraveller t,
            long entryDay,
            int end,
            boolean exits,
            String why) {
        ScriptedCrossings crossings = ctx.crossings();
        CrossingTimes times = ctx.times();
        ScriptedTruth truth = ctx.truth();
        Bcp bcp = ctx.places().bcp();
        BorderCrossing entry = crossings.entry(t, bcp, times.entryTime(bcp, entryDay), end);
        if (exits) {
            crossings.exit(t, bcp, times.exitTime(bcp, end, entry.getEventTime().toEpochMilli()));
        }
        truth.missingExit(
                f,
                id,
                exits ? GroundTruthKind.NEAR_MISS : GroundTruthKind.EXPECTED_FLAG,
                t,
                entry,
                end,
                why + (exits ? ": the exit is on the last authorised day" : ": no exit by the day after it"));
    }
}
