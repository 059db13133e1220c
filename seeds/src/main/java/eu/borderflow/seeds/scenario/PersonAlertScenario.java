package eu.borderflow.seeds.scenario;

import eu.borderflow.schema.AlertBasis;
import eu.borderflow.seeds.world.AlertLog;
import eu.borderflow.seeds.world.Period;
import eu.borderflow.seeds.world.Traveller;

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

    static final int SPAN = 8;
    private static final int NEAR_NAME_TRIES = 50;
    static final AlertBasis[] BASES = {
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
        switch (f.name()) {
            case "exact" -> PersonAlertNames.exact(ctx, f, id);
            case "transliteration" -> PersonAlertNames.transliteration(ctx, f, id);
            case "swapped-order" -> PersonAlertNames.swappedOrder(ctx, f, id);
            case "day-month-swapped" -> PersonAlertNames.dayMonthSwapped(ctx, f, id);
            case "year-only" -> PersonAlertNames.yearOnly(ctx, f, id);
            case "flagged-by-state" -> PersonAlertInForce.flagged(ctx, f, id);
            case "alias-update" -> PersonAlertInForce.alias(ctx, f, id);
            case "created-during-stay" -> PersonAlertInForce.duringStay(ctx, f, id);
            case "review-period" -> PersonAlertInForce.reviewPeriod(ctx, f, id);
            default -> PersonAlertInForce.refusal(ctx, f, id);
        }
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
    static AlertLog alert(ScenarioContext ctx, PlantedTraveller t, String given, String surname, String dob) {
        ScriptedAlerts alerts = ctx.alerts();
        return alerts.alert(
                before(ctx, t),
                BASES[ctx.rng().nextInt(BASES.length)],
                ctx.places().memberState(),
                alerts.farReviewDate(),
                alerts.personOf(t, given, surname, dob),
                null);
    }

    static long before(ScenarioContext ctx, PlantedTraveller t) {
        return (t.day() - 5) * Period.DAY_MILLIS + ctx.rng().nextLong(Period.DAY_MILLIS);
    }

    /** A trip after {@code alert} was made, its entry and exit flags. */
    static void matchBoth(
            ScenarioContext ctx, Family f, String id, PlantedTraveller t, AlertLog alert, String description) {
        ScriptedTruth truth = ctx.truth();
        Stay stay = ctx.crossings().trip(t, t.day(), t.day() + 3);
        truth.expect(f, id, t, stay.entry(), description + " (entry)");
        truth.expect(f, id, t, stay.exit(), description + " (exit)");
    }

    /** A trip after {@code alert} was made, its entry and exit near-misses. */
    static void missBoth(
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
}
