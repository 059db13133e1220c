package eu.borderflow.seeds.scenario;

import eu.borderflow.person.NameForms;
import eu.borderflow.person.PersonMatchRule;
import eu.borderflow.schema.AlertBasis;
import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.RefusalReason;
import eu.borderflow.schema.TravellerIdentity;
import eu.borderflow.seeds.reference.Bcp;
import eu.borderflow.seeds.world.AlertLog;
import eu.borderflow.seeds.world.Period;
import eu.borderflow.seeds.world.Traveller;
import java.time.LocalDate;

/**
 * R2, the traveller matches a person alert in force at the crossing (docs/RULES.md: a name at Jaro-Winkler 0.92 or
 * more after folding, in either word order, against the alert's name or an alias, and a compatible date of birth).
 * Every crossing of a matching traveller while the alert is in force is a flag. Families (flag / near-miss):
 * <ul>
 *   <li>{@code exact}: the same name / a name at 0.85-0.92 with the same date of birth;</li>
 *   <li>{@code transliteration}: the document's other spelling / the same name born in another year;</li>
 *   <li>{@code swapped-order}: surname and given name swapped / the date of birth a day off;</li>
 *   <li>{@code day-month-swapped}: day and month swapped / a year-only date of another year;</li>
 *   <li>{@code year-only}: the same name and year / a name at 0.85-0.92 and the year;</li>
 *   <li>{@code flagged-by-state}: the crossing state's flag downgrades but still flags / deleted before the crossing;</li>
 *   <li>{@code alias-update}: an alias added before the crossings / added after them;</li>
 *   <li>{@code created-during-stay}: the exit after the alert's creation / the entry before it;</li>
 *   <li>{@code refusal}: a refused traveller / a return alert, which R2 does not read;</li>
 *   <li>{@code review-period}: the entry on the alert's review date, and the exit after an extension made on it /
 *       the exit after a review period that ended without one (the alert was deleted then).</li>
 * </ul>
 */
public final class PersonAlertScenario extends FamilyScenario {

    private static final int SPAN = 8;
    private static final int OTHER_YEARS = 20;
    private static final int LAST_SWAPPABLE_DAY = 12;
    private static final int NEAR_NAME_TRIES = 50;
    private static final AlertBasis[] BASES = {
        AlertBasis.CHECK_1862_ART36,
        AlertBasis.JUDICIAL_1862_ART34,
        AlertBasis.MISSING_1862_ART32,
        AlertBasis.ARREST_1862_ART26,
        AlertBasis.REFUSAL_1861_ART24
    };

    public PersonAlertScenario() {
        super(
                "R2",
                "exact",
                "transliteration",
                "swapped-order",
                "day-month-swapped",
                "year-only",
                "flagged-by-state",
                "alias-update",
                "created-during-stay",
                "refusal",
                "review-period");
    }

    @Override
    void plant(ScenarioContext ctx, Family f, String id) {
        PlantedTravellers travellers = ctx.travellers();
        switch (f.name()) {
            case "exact" -> {
                PlantedTraveller t = fixed(ctx, tr -> true);
                matchBoth(
                        ctx,
                        f,
                        id + "-same-name",
                        t,
                        alert(ctx, t, given(t), surname(t), dob(t)),
                        "same folded name and date of birth");
                PlantedTraveller n = nearNamed(ctx);
                String[] near = n.nearName;
                missBoth(
                        ctx,
                        f,
                        id + "-near-name",
                        n,
                        alert(ctx, n, near[1], near[0], dob(n)),
                        "the same date of birth and a name at Jaro-Winkler 0.85-0.92");
            }
            case "transliteration" -> {
                PlantedTraveller t = travellers.draw(
                        SPAN, 2, tr -> hasMatchingVariant(tr, ctx.personRule().nameSimilarityMin()));
                t.present(t.variantIdentity());
                matchBoth(
                        ctx,
                        f,
                        id + "-other-spelling",
                        t,
                        alert(ctx, t, given(t), surname(t), dob(t)),
                        "the document's other spelling of the alert's name");
                PlantedTraveller n = fixed(ctx, tr -> true);
                missBoth(
                        ctx,
                        f,
                        id + "-other-year",
                        n,
                        alert(
                                ctx,
                                n,
                                given(n),
                                surname(n),
                                n.identity()
                                        .getDateOfBirth()
                                        .minusYears(OTHER_YEARS)
                                        .toString()),
                        "the same name, born " + OTHER_YEARS + " years apart");
            }
            case "swapped-order" -> {
                PlantedTraveller t = fixed(ctx, tr -> true);
                matchBoth(
                        ctx,
                        f,
                        id + "-swapped",
                        t,
                        alert(ctx, t, surname(t), given(t), dob(t)),
                        "given name and surname swapped");
                PlantedTraveller n = fixed(ctx, tr -> true);
                LocalDate next = n.identity().getDateOfBirth().plusDays(1);
                boolean swapOfNext =
                        next.getDayOfMonth() == n.identity().getDateOfBirth().getMonthValue();
                missBoth(
                        ctx,
                        f,
                        id + "-a-day-off",
                        n,
                        alert(ctx, n, given(n), surname(n), (swapOfNext ? next.plusDays(1) : next).toString()),
                        "the same name, born a day or two apart");
            }
            case "day-month-swapped" -> {
                PlantedTraveller t = fixed(ctx, tr -> swappable(tr.identity().getDateOfBirth()));
                LocalDate d = t.identity().getDateOfBirth();
                matchBoth(
                        ctx,
                        f,
                        id + "-swapped-date",
                        t,
                        alert(
                                ctx,
                                t,
                                given(t),
                                surname(t),
                                LocalDate.of(d.getYear(), d.getDayOfMonth(), d.getMonthValue())
                                        .toString()),
                        "the same name; the alert's date of birth has day and month swapped");
                PlantedTraveller n = fixed(ctx, tr -> true);
                missBoth(
                        ctx,
                        f,
                        id + "-year-only-other-year",
                        n,
                        alert(
                                ctx,
                                n,
                                given(n),
                                surname(n),
                                Integer.toString(n.identity().getDateOfBirth().getYear() + 1)),
                        "the same name; the alert knows only a year of birth, the next one");
            }
            case "year-only" -> {
                PlantedTraveller t = fixed(ctx, tr -> true);
                matchBoth(
                        ctx,
                        f,
                        id + "-year-only",
                        t,
                        alert(
                                ctx,
                                t,
                                given(t),
                                surname(t),
                                Integer.toString(t.identity().getDateOfBirth().getYear())),
                        "the same name; the alert knows only the year of birth");
                PlantedTraveller n = nearNamed(ctx);
                String[] near = n.nearName;
                missBoth(
                        ctx,
                        f,
                        id + "-year-only-near-name",
                        n,
                        alert(
                                ctx,
                                n,
                                near[1],
                                near[0],
                                Integer.toString(n.identity().getDateOfBirth().getYear())),
                        "the year of birth and a name at Jaro-Winkler 0.85-0.92");
            }
            case "flagged-by-state" -> flagged(ctx, f, id);
            case "alias-update" -> alias(ctx, f, id);
            case "created-during-stay" -> duringStay(ctx, f, id);
            case "review-period" -> reviewPeriod(ctx, f, id);
            default -> refusal(ctx, f, id);
        }
    }

    private static void flagged(ScenarioContext ctx, Family f, String id) {
        Places places = ctx.places();
        ScriptedAlerts alerts = ctx.alerts();
        ScriptedTruth truth = ctx.truth();
        PlantedTraveller t = fixed(ctx, tr -> true);
        Bcp bcp = places.bcp();
        AlertLog alert = alerts.alert(
                before(ctx, t),
                AlertBasis.ARREST_1862_ART26,
                places.memberState(),
                alerts.farReviewDate(),
                alerts.personOf(t, given(t), surname(t), dob(t)),
                null);
        alert.flagAdd(alert.createdAt() + Period.HOUR_MILLIS, bcp.country());
        Stay stay = ctx.crossings().trip(t, bcp, t.day(), t.day() + 3);
        truth.expect(
                f,
                id + "-flagged",
                t,
                stay.entry(),
                "matches an arrest alert the crossing state has flagged: a " + "downgraded match (entry)");
        truth.expect(
                f, id + "-flagged", t, stay.exit(), "matches an arrest alert the crossing state has flagged (exit)");

        PlantedTraveller n = fixed(ctx, tr -> true);
        AlertLog deleted = alert(ctx, n, given(n), surname(n), dob(n));
        deleted.delete(deleted.createdAt() + Period.DAY_MILLIS, "purpose achieved");
        missBoth(ctx, f, id + "-deleted", n, deleted, "the matching alert was deleted before the crossings");
    }

    private static void alias(ScenarioContext ctx, Family f, String id) {
        ScriptedTruth truth = ctx.truth();
        for (boolean beforeCrossings : new boolean[] {true, false}) {
            PlantedTraveller t = nearNamed(ctx);
            String[] near = t.nearName;
            AlertLog alert = alert(ctx, t, near[1], near[0], dob(t));
            Stay stay = ctx.crossings().trip(t, t.day(), t.day() + 3);
            long at = beforeCrossings
                    ? stay.entry().getEventTime().toEpochMilli() - Period.DAY_MILLIS
                    : stay.exit().getEventTime().toEpochMilli() + Period.DAY_MILLIS;
            alert.update(at, a -> a.getPerson().getAliases().add(given(t) + " " + surname(t)));
            String sid = id + (beforeCrossings ? "-alias-before" : "-alias-after");
            String why = "an alias with the traveller's name added " + (beforeCrossings ? "before" : "after")
                    + " the crossings; the alert's own name is at 0.85-0.92";
            if (beforeCrossings) {
                truth.expect(f, sid, t, stay.entry(), why + " (entry)");
                truth.expect(f, sid, t, stay.exit(), why + " (exit)");
            } else {
                truth.nearMiss(f, sid, t, stay.entry(), why + " (entry)");
                truth.nearMiss(f, sid, t, stay.exit(), why + " (exit)");
            }
        }
    }

    private static void duringStay(ScenarioContext ctx, Family f, String id) {
        ScriptedAlerts alerts = ctx.alerts();
        ScriptedTruth truth = ctx.truth();
        PlantedTraveller t = fixed(ctx, tr -> true);
        Stay stay = ctx.crossings().stay(t, t.day(), t.day() + 4);
        alerts.alert(
                stay.entry().getEventTime().toEpochMilli() + Period.DAY_MILLIS,
                AlertBasis.JUDICIAL_1862_ART34,
                ctx.places().memberState(),
                alerts.farReviewDate(),
                alerts.personOf(t, given(t), surname(t), dob(t)),
                null);
        truth.nearMiss(f, id + "-created-during-stay", t, stay.entry(), "the entry before the alert was created");
        truth.expect(f, id + "-created-during-stay", t, stay.exit(), "the exit after the alert was created");
    }

    /**
     * An alert's review date is the day of the traveller's entry: in force through that day. Not extended, it was
     * deleted when the day ended, before the exit; extended on that day, it still applies at the exit.
     */
    private static void reviewPeriod(ScenarioContext ctx, Family f, String id) {
        ScriptedAlerts alerts = ctx.alerts();
        ScriptedTruth truth = ctx.truth();
        for (boolean extended : new boolean[] {true, false}) {
            PlantedTraveller t = fixed(ctx, tr -> true);
            Stay stay = ctx.crossings().stay(t, t.day(), t.day() + 3);
            long entry = stay.entry().getEventTime().toEpochMilli();
            LocalDate review = LocalDate.ofEpochDay(Math.floorDiv(entry, Period.DAY_MILLIS));
            AlertLog alert = alerts.alert(
                    before(ctx, t),
                    BASES[ctx.rng().nextInt(BASES.length)],
                    ctx.places().memberState(),
                    review,
                    alerts.personOf(t, given(t), surname(t), dob(t)),
                    null);
            String sid = id + (extended ? "-extended" : "-expired");
            truth.expect(f, sid, t, stay.entry(), "the entry on the alert's review date, when it is still in force");
            if (extended) {
                alert.extend(Math.max(alert.createdAt(), entry - Period.HOUR_MILLIS), review.plusYears(1));
                truth.expect(f, sid, t, stay.exit(), "the exit after the alert was extended on its review date");
            } else {
                truth.nearMiss(
                        f,
                        sid,
                        t,
                        stay.exit(),
                        "the exit after the alert's review period ended without an extension: it was deleted then");
            }
        }
    }

    private static void refusal(ScenarioContext ctx, Family f, String id) {
        ScriptedAlerts alerts = ctx.alerts();
        Places places = ctx.places();
        ScriptedCrossings crossings = ctx.crossings();
        ScriptedTruth truth = ctx.truth();
        PlantedTraveller t = fixed(ctx, tr -> tr.visa() != null);
        alerts.alert(
                before(ctx, t),
                AlertBasis.REFUSAL_1861_ART24,
                places.memberState(),
                alerts.farReviewDate(),
                alerts.personOf(t, given(t), surname(t), dob(t)),
                null);
        Bcp bcp = places.bcp();
        BorderCrossing refused = crossings.refusal(t, bcp, ctx.times().entryTime(bcp, t.day()), RefusalReason.H);
        truth.expect(f, id + "-refused", t, refused, "a refused traveller matches a refusal-of-entry alert");

        PlantedTraveller n = fixed(ctx, tr -> true);
        AlertLog ret = alerts.alert(
                before(ctx, n),
                AlertBasis.RETURN_1860_ART3,
                places.memberState(),
                alerts.farReviewDate(),
                alerts.personOf(n, given(n), surname(n), dob(n)),
                null);
        Stay stay = crossings.stay(n, n.day(), n.day() + 3);
        ret.delete(stay.entry().getEventTime().toEpochMilli() + Period.DAY_MILLIS, "return decision revoked");
        truth.nearMiss(
                f,
                id + "-return-alert",
                n,
                stay.entry(),
                "a matching return alert: R2 does not read return " + "alerts (R9 does, at exits)");
        truth.nearMiss(f, id + "-return-alert", "R9", n, stay.exit(), "the return alert was deleted before the exit");
    }

    /** A planted traveller who presents the document's spelling at every crossing (the name is R2's input). */
    static PlantedTraveller fixed(ScenarioContext ctx, java.util.function.Predicate<Traveller> ok) {
        PlantedTraveller t = ctx.travellers().draw(SPAN, 2, ok);
        t.present(t.identity());
        return t;
    }

    /** A planted traveller (spelling fixed) with a name near its own found ({@link PlantedTraveller#nearName}). */
    static PlantedTraveller nearNamed(ScenarioContext ctx) {
        for (int tries = 0; tries < NEAR_NAME_TRIES; tries++) {
            PlantedTraveller t = fixed(ctx, tr -> true);
            t.nearName = PersonTruth.nearName(ctx, t);
            if (t.nearName != null) {
                return t;
            }
        }
        throw new IllegalStateException("no planted traveller with a name near enough found");
    }

    /** An alert of a person basis on this person, created a few days before the traveller's day. */
    private static AlertLog alert(ScenarioContext ctx, PlantedTraveller t, String given, String surname, String dob) {
        ScriptedAlerts alerts = ctx.alerts();
        return alerts.alert(
                before(ctx, t),
                BASES[ctx.rng().nextInt(BASES.length)],
                ctx.places().memberState(),
                alerts.farReviewDate(),
                alerts.personOf(t, given, surname, dob),
                null);
    }

    private static long before(ScenarioContext ctx, PlantedTraveller t) {
        return (t.day() - 5) * Period.DAY_MILLIS + ctx.rng().nextLong(Period.DAY_MILLIS);
    }

    private static void matchBoth(
            ScenarioContext ctx, Family f, String id, PlantedTraveller t, AlertLog alert, String description) {
        ScriptedTruth truth = ctx.truth();
        Stay stay = ctx.crossings().trip(t, t.day(), t.day() + 3);
        truth.expect(f, id, t, stay.entry(), description + " (entry)");
        truth.expect(f, id, t, stay.exit(), description + " (exit)");
    }

    private static void missBoth(
            ScenarioContext ctx, Family f, String id, PlantedTraveller t, AlertLog alert, String description) {
        ScriptedTruth truth = ctx.truth();
        Stay stay = ctx.crossings().trip(t, t.day(), t.day() + 3);
        truth.nearMiss(f, id, t, stay.entry(), description + " (entry)");
        truth.nearMiss(f, id, t, stay.exit(), description + " (exit)");
    }

    static String given(PlantedTraveller t) {
        return t.identity().getGivenNames();
    }

    static String surname(PlantedTraveller t) {
        return t.identity().getSurname();
    }

    static String dob(PlantedTraveller t) {
        return t.identity().getDateOfBirth().toString();
    }

    private static boolean swappable(LocalDate d) {
        return d.getDayOfMonth() <= LAST_SWAPPABLE_DAY && d.getDayOfMonth() != d.getMonthValue();
    }

    /** The drawn variant spelling folds to another name that still matches the document's. */
    private static boolean hasMatchingVariant(Traveller t, double threshold) {
        TravellerIdentity v = t.variantIdentity();
        if (v == null) {
            return false;
        }
        NameForms variant = NameForms.of(v.getSurname(), v.getGivenNames());
        NameForms own = NameForms.of(t.identity().getSurname(), t.identity().getGivenNames());
        return !variant.equals(own) && PersonMatchRule.similarity(variant, own) >= threshold;
    }
}
