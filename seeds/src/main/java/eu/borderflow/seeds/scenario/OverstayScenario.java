package eu.borderflow.seeds.scenario;

import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.GroundTruthKind;
import eu.borderflow.schema.StayBasis;
import eu.borderflow.seeds.reference.Bcp;
import eu.borderflow.seeds.world.Period;
import eu.borderflow.stay.StayHistory;

/**
 * R3, overstay found at exit: an exit after the authorised end (docs/RULES.md). Each family plants an exit one day past
 * the end (flag) next to one on it (near-miss):
 * <ul>
 *   <li>{@code 90-180}: one stay of 91 days against one of 90;</li>
 *   <li>{@code window-edge}: an earlier stay that starts on the window's first day, or the day before;</li>
 *   <li>{@code bcp-local-date}: 91 local dates that are 90 UTC dates, and 90 local dates that are 91 UTC dates;</li>
 *   <li>{@code same-day-re-entry}: leaving and re-entering on the same day counts that day once;</li>
 *   <li>{@code visa-total}: a visa's duration of stay spread over two stays, one day over it or exactly on it;</li>
 *   <li>{@code visa-validity}: an exit the day after the visa's last valid day, or on it;</li>
 *   <li>{@code long-validity-visa}: a visa valid over six months has no total (Reg. 610/2013), one valid less has;</li>
 *   <li>{@code long-stay-exempt}: days under a residence permit between two short stays do not count.</li>
 * </ul>
 * Stays may begin long before the period: their crossings are in the data, before its start.
 */
public final class OverstayScenario extends FamilyScenario {

    private static final int MAX = 90;
    private static final int WINDOW = 180;
    private static final int EARLY = 40;
    private static final int TOTAL = 20;
    private static final int FIRST_PART = 12;
    private static final int GAP = 15;
    private static final int SHORT_VALIDITY = 120;
    private static final int LONG_VALIDITY = 365;
    private static final int STAY_A = 25;
    private static final int STAY_B = 12;

    public OverstayScenario() {
        super(
                "R3",
                "90-180",
                "window-edge",
                "bcp-local-date",
                "same-day-re-entry",
                "visa-total",
                "visa-validity",
                "long-validity-visa",
                "long-stay-exempt");
    }

    @Override
    void plant(ScenarioContext ctx, Family f, String id) {
        switch (f.name()) {
            case "90-180" -> ninetyDays(ctx, f, id);
            case "window-edge" -> windowEdge(ctx, f, id);
            case "bcp-local-date" -> localDates(ctx, f, id);
            case "same-day-re-entry" -> sameDay(ctx, f, id);
            case "visa-total" -> visaTotal(ctx, f, id);
            case "visa-validity" -> visaValidity(ctx, f, id);
            case "long-validity-visa" -> longValidity(ctx, f, id);
            default -> exempt(ctx, f, id);
        }
    }

    /** One stay of {@code days} days ending on the traveller's day; a flag when that is past the authorised end. */
    private static void ninetyDays(ScenarioContext ctx, Family f, String id) {
        ScriptedCrossings crossings = ctx.crossings();
        Places places = ctx.places();
        for (int days : new int[] {MAX + 1, MAX}) {
            PlantedTraveller t = ctx.travellers().draw(days, 2, 1, PlantedTravellers::noVisaTotal);
            long exitDay = t.day();
            long entryDay = exitDay - days + 1;
            Stay stay = crossings.stay(t, places.bcp(), entryDay, places.bcp(), exitDay);
            int end = ctx.stayRules().authorisedEnd(t, entryDay, StayHistory.empty(), 0);
            judge(ctx, f, id + "-" + days + "-days", t, stay, end, days + " days of presence in one stay");
        }
    }

    /** A stay of 40 days starting on (flag) or one day before (near-miss) the first day of the exit's window. */
    private static void windowEdge(ScenarioContext ctx, Family f, String id) {
        ScriptedCrossings crossings = ctx.crossings();
        for (int shift : new int[] {0, 1}) {
            PlantedTraveller t = ctx.travellers().draw(WINDOW + 1, 2, 2, PlantedTravellers::noVisaTotal);
            long exitDay = t.day();
            long earlyStart = exitDay - (WINDOW - 1) - shift;
            crossings.stay(t, earlyStart, earlyStart + EARLY - 1);
            // 40 earlier days in the window, or 39: with 51 now, 91 (overstay) or 90.
            long entryDay = exitDay - (MAX - EARLY);
            StayHistory earlier = StayHistory.empty().add((int) earlyStart, (int) (earlyStart + EARLY - 1));
            Stay stay = crossings.stay(t, entryDay, exitDay);
            judge(
                    ctx,
                    f,
                    id + (shift == 0 ? "-on-window-start" : "-before-window-start"),
                    t,
                    stay,
                    ctx.stayRules().authorisedEnd(t, entryDay, earlier, 0),
                    "an earlier stay starting " + (shift == 0 ? "on" : "the day before") + " the window's first day");
        }
    }

    /** Local dates, not UTC dates, are counted: entry or exit half an hour after local midnight. */
    private static void localDates(ScenarioContext ctx, Family f, String id) {
        PlantedTravellers travellers = ctx.travellers();
        Places places = ctx.places();
        ScriptedCrossings crossings = ctx.crossings();
        CrossingTimes times = ctx.times();
        StayRules stayRules = ctx.stayRules();
        PlantedTraveller late = travellers.draw(MAX + 1, 2, 1, PlantedTravellers::noVisaTotal);
        long exitDay = late.day();
        Bcp bcp = places.bcpAheadOfUtc(exitDay);
        long entryDay = exitDay - MAX;
        BorderCrossing entry = crossings.entry(late, bcp, times.entryTime(bcp, entryDay), exitDay);
        // 00:30 local is the evening before in UTC: 91 local dates, 90 UTC dates.
        BorderCrossing exit = crossings.exit(late, bcp, times.at(bcp, exitDay, 1800));
        judge(
                ctx,
                f,
                id + "-exit-after-midnight",
                late,
                new Stay(entry, exit),
                stayRules.authorisedEnd(late, entryDay, StayHistory.empty(), 0),
                "91 local dates that are 90 UTC dates");

        PlantedTraveller early = travellers.draw(MAX + 1, 2, 1, PlantedTravellers::noVisaTotal);
        long exitDay2 = early.day();
        Bcp bcp2 = places.bcpAheadOfUtc(exitDay2);
        long entryDay2 = exitDay2 - MAX + 1;
        BorderCrossing entry2 = crossings.entry(early, bcp2, times.at(bcp2, entryDay2, 1800), exitDay2);
        BorderCrossing exit2 = crossings.exit(
                early,
                bcp2,
                times.exitTime(bcp2, exitDay2, entry2.getEventTime().toEpochMilli()));
        judge(
                ctx,
                f,
                id + "-entry-after-midnight",
                early,
                new Stay(entry2, exit2),
                stayRules.authorisedEnd(early, entryDay2, StayHistory.empty(), 0),
                "90 local dates that are 91 UTC dates");
    }

    /** Out and back in on the same day: 91 days (flag) or 90 (near-miss) counting that day once. */
    private static void sameDay(ScenarioContext ctx, Family f, String id) {
        ScriptedCrossings crossings = ctx.crossings();
        CrossingTimes times = ctx.times();
        for (int days : new int[] {MAX + 1, MAX}) {
            PlantedTraveller t = ctx.travellers().draw(days, 2, 2, PlantedTravellers::noVisaTotal);
            long exitDay = t.day();
            long firstEntry = exitDay - days + 1;
            long turn = firstEntry + EARLY - 1;
            Bcp bcp = ctx.places().bcp();
            BorderCrossing e1 = crossings.entry(t, bcp, times.entryTime(bcp, firstEntry), turn);
            long out = times.daytime(bcp, turn);
            BorderCrossing x1 = crossings.exit(t, bcp, out);
            BorderCrossing e2 =
                    crossings.entry(t, bcp, out + Period.HOUR_MILLIS + ctx.rng().nextLong(Period.HOUR_MILLIS), exitDay);
            BorderCrossing x2 = crossings.exit(
                    t, bcp, times.exitTime(bcp, exitDay, e2.getEventTime().toEpochMilli()));
            int end = ctx.stayRules().authorisedEnd(t, turn, StayHistory.empty().add((int) firstEntry, (int) turn), 0);
            judge(
                    ctx,
                    f,
                    id + "-" + days + "-days",
                    t,
                    new Stay(e2, x2),
                    end,
                    days + " days counting the day of leaving and re-entering once");
            ctx.truth().nearMiss(f, id + "-" + days + "-days", t, x1, "the first stay, well within the limit");
        }
    }

    /** A visa with 20 days in all: 12, then 9 (flag) or 8 (near-miss). */
    private static void visaTotal(ScenarioContext ctx, Family f, String id) {
        ScriptedCrossings crossings = ctx.crossings();
        StayRules stayRules = ctx.stayRules();
        for (int second : new int[] {TOTAL - FIRST_PART + 1, TOTAL - FIRST_PART}) {
            PlantedTraveller t = ctx.travellers().draw(FIRST_PART + GAP, second + 1, 2, tr -> tr.visa() != null);
            long entryDay = t.day();
            long first = entryDay - FIRST_PART - GAP;
            t.setVisa(ctx.issuer().visa(Issuer.MULTIPLE_ENTRIES, TOTAL, first - 5, first + SHORT_VALIDITY));
            crossings.stay(t, first, first + FIRST_PART - 1);
            long exitDay = entryDay + second - 1;
            Stay stay = crossings.stay(t, entryDay, exitDay);
            int end = stayRules.authorisedEnd(
                    t, entryDay, StayHistory.empty().add((int) first, (int) (first + FIRST_PART - 1)), FIRST_PART);
            judge(
                    ctx,
                    f,
                    id + "-" + (FIRST_PART + second) + "-of-" + TOTAL,
                    t,
                    stay,
                    end,
                    "a 20-day visa used " + FIRST_PART + " + " + second + " days");
        }
    }

    /** An exit the day after the visa's last valid day (flag) or on it (near-miss). */
    private static void visaValidity(ScenarioContext ctx, Family f, String id) {
        for (int after : new int[] {1, 0}) {
            PlantedTraveller t = ctx.travellers().visaHolder(8, 1);
            long entryDay = t.day();
            long exitDay = entryDay + 7;
            t.setVisa(ctx.issuer().visa(Issuer.MULTIPLE_ENTRIES, MAX, entryDay - 30, exitDay - after));
            Stay stay = ctx.crossings().stay(t, entryDay, exitDay);
            judge(
                    ctx,
                    f,
                    id + (after == 1 ? "-after-last-valid-day" : "-on-last-valid-day"),
                    t,
                    stay,
                    ctx.stayRules().authorisedEnd(t, entryDay, StayHistory.empty(), 0),
                    "exit " + (after == 1 ? "the day after" : "on") + " the visa's last valid day");
        }
    }

    /** 25 + 12 days on a visa of 30: a total when valid for four months (flag), none when valid for a year. */
    private static void longValidity(ScenarioContext ctx, Family f, String id) {
        ScriptedCrossings crossings = ctx.crossings();
        StayRules stayRules = ctx.stayRules();
        for (int validity : new int[] {SHORT_VALIDITY, LONG_VALIDITY}) {
            PlantedTraveller t = ctx.travellers().draw(STAY_A + GAP, STAY_B + 1, 2, tr -> tr.visa() != null);
            long entryDay = t.day();
            long first = entryDay - STAY_A - GAP;
            t.setVisa(ctx.issuer().visa(Issuer.MULTIPLE_ENTRIES, 30, first - 5, first - 5 + validity - 1));
            crossings.stay(t, first, first + STAY_A - 1);
            Stay stay = crossings.stay(t, entryDay, entryDay + STAY_B - 1);
            int end = stayRules.authorisedEnd(
                    t, entryDay, StayHistory.empty().add((int) first, (int) (first + STAY_A - 1)), STAY_A);
            judge(
                    ctx,
                    f,
                    id + "-valid-" + validity + "-days",
                    t,
                    stay,
                    end,
                    STAY_A + " + " + STAY_B + " days on a 30-day visa valid " + validity + " days");
        }
    }

    /** Short stays of 40 and 51 (flag) or 50 (near-miss) days around 44 days under a residence permit. */
    private static void exempt(ScenarioContext ctx, Family f, String id) {
        ScriptedCrossings crossings = ctx.crossings();
        ScriptedTruth truth = ctx.truth();
        StayRules stayRules = ctx.stayRules();
        for (int last : new int[] {MAX - EARLY + 1, MAX - EARLY}) {
            PlantedTraveller t = ctx.travellers().draw(140, 2, 3, PlantedTravellers::noVisaTotal);
            long exitDay = t.day();
            long a = exitDay - 139;
            crossings.stay(t, a, a + EARLY - 1);
            t.setStayBasis(StayBasis.RESIDENCE_PERMIT);
            Stay permit = crossings.stay(t, a + EARLY + 5, a + EARLY + 48);
            truth.nearMiss(f, id + "-permit", t, permit.exit(), "44 days under a residence permit: not a short stay");
            t.setStayBasis(StayBasis.SHORT_STAY);
            long entryDay = exitDay - last + 1;
            Stay stay = crossings.stay(t, entryDay, exitDay);
            int end = stayRules.authorisedEnd(t, entryDay, StayHistory.empty().add((int) a, (int) (a + EARLY - 1)), 0);
            judge(
                    ctx,
                    f,
                    id + "-" + (EARLY + last) + "-short-days",
                    t,
                    stay,
                    end,
                    EARLY + " + " + last + " short-stay days; the days under a residence permit do not count");
        }
    }

    /** The exit of {@code stay} is a flag when after {@code end}, else a near-miss; its R4 is never due. */
    private static void judge(
            ScenarioContext ctx, Family f, String id, PlantedTraveller t, Stay stay, int end, String description) {
        ScriptedTruth truth = ctx.truth();
        long exitDay = stay.exit().getLocalDate().toEpochDay();
        boolean over = exitDay > end;
        if (over) {
            truth.expect(f, id, t, stay.exit(), description + ": exit after the authorised end");
        } else {
            truth.nearMiss(f, id, t, stay.exit(), description + ": exit by the authorised end");
        }
        if (exitDay <= (long) end + 1) {
            truth.missingExit(
                    f,
                    id,
                    GroundTruthKind.NEAR_MISS,
                    t,
                    stay.entry(),
                    end,
                    "the exit is recorded by the day after the authorised end");
        }
    }
}
