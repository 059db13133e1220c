package eu.borderflow.seeds.scenario;

import static eu.borderflow.seeds.scenario.PersonAlertScenario.SPAN;
import static eu.borderflow.seeds.scenario.PersonAlertScenario.alert;
import static eu.borderflow.seeds.scenario.PersonAlertScenario.dob;
import static eu.borderflow.seeds.scenario.PersonAlertScenario.fixed;
import static eu.borderflow.seeds.scenario.PersonAlertScenario.given;
import static eu.borderflow.seeds.scenario.PersonAlertScenario.matchBoth;
import static eu.borderflow.seeds.scenario.PersonAlertScenario.missBoth;
import static eu.borderflow.seeds.scenario.PersonAlertScenario.nearNamed;
import static eu.borderflow.seeds.scenario.PersonAlertScenario.surname;

import eu.borderflow.person.NameForms;
import eu.borderflow.person.PersonMatchRule;
import eu.borderflow.schema.TravellerIdentity;
import eu.borderflow.seeds.world.Traveller;
import java.time.LocalDate;

/**
 * R2's families ({@link PersonAlertScenario}) decided by how the alert's name and date of birth compare with the
 * traveller's: each plants a traveller the alert matches (flags at entry and exit) and one it only nearly matches
 * (near-misses).
 */
final class PersonAlertNames {

    private static final int OTHER_YEARS = 20;
    private static final int LAST_SWAPPABLE_DAY = 12;

    private PersonAlertNames() {}

    static void exact(ScenarioContext ctx, Family f, String id) {
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

    static void transliteration(ScenarioContext ctx, Family f, String id) {
        PlantedTravellers travellers = ctx.travellers();
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
                        n.identity().getDateOfBirth().minusYears(OTHER_YEARS).toString()),
                "the same name, born " + OTHER_YEARS + " years apart");
    }

    static void swappedOrder(ScenarioContext ctx, Family f, String id) {
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

    static void dayMonthSwapped(ScenarioContext ctx, Family f, String id) {
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

    static void yearOnly(ScenarioContext ctx, Family f, String id) {
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
