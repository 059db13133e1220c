package eu.borderflow.seeds.scenario;

import eu.borderflow.schema.AlertBasis;
import eu.borderflow.schema.AlertPerson;
import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.BorderType;
import eu.borderflow.schema.RefusalReason;
import eu.borderflow.schema.TravellerIdentity;
import eu.borderflow.seeds.reference.Bcp;
import eu.borderflow.seeds.reference.NameBook;
import eu.borderflow.seeds.world.AlertLog;
import eu.borderflow.seeds.world.NamePicker;

import java.time.LocalDate;
import java.util.List;

/**
 * R2: person alerts that must match (exact, transliterated spelling, swapped name order, day/month-swapped and
 * year-only birth dates, an alert flagged by the crossing state, a refusal alert) and near-misses that must not
 * (a clearly different name with the same birth date; the same name born another year).
 */
public final class PersonAlertScenario implements Scenario {

    /** Planted spelling variants are at least this similar in every word order (the rule's threshold is 0.92). */
    private static final double VARIANT_MIN = 0.94;
    /** Planted different names are below this in every word order. */
    private static final double DIFFERENT_MAX = 0.85;
    private static final int OTHER_YEAR_OFFSET = 20;
    private static final int SPAN = 14;
    private static final int MAX_TRIES = 500;
    private static final int LAST_SWAPPABLE_DAY = 12;

    @Override
    public String ruleId() {
        return "R2";
    }

    @Override
    public void plant(ScenarioContext ctx, int instance) {
        String id = "R2-person-alert-" + instance;
        long b = ctx.baseDay(SPAN);

        PlantedTraveller exact = ctx.traveller(false);
        crossMatching(ctx, id + "-exact", exact, b, alertOn(ctx, exact, b, AlertBasis.CHECK_1862_ART36,
                exact.identity().getGivenNames(), exact.identity().getSurname(), dob(exact)), null,
                "same normalised name and birth date as an active discreet-check alert");

        PlantedTraveller spelled = ctx.traveller(false, n -> bestVariant(n) != null, d -> true);
        AlertLog spelledAlert = alertOn(ctx, spelled, b, AlertBasis.JUDICIAL_1862_ART34,
                spelled.identity().getGivenNames(), spelled.identity().getSurname(), dob(spelled));
        ctx.present(spelled, variantIdentity(spelled));
        crossMatching(ctx, id + "-transliteration", spelled, b + 1, spelledAlert, null,
                "transliterated spelling of the name on an active judicial-procedure alert, same birth date");

        PlantedTraveller swapped = ctx.traveller(false);
        crossMatching(ctx, id + "-swapped-order", swapped, b + 2, alertOn(ctx, swapped, b, AlertBasis.MISSING_1862_ART32,
                swapped.identity().getSurname(), swapped.identity().getGivenNames(), dob(swapped)), null,
                "given name and surname swapped on an active missing-person alert, same birth date");

        PlantedTraveller dayMonth = ctx.traveller(false, n -> true,
                d -> d.getDayOfMonth() <= LAST_SWAPPABLE_DAY && d.getDayOfMonth() != d.getMonthValue());
        LocalDate d = dayMonth.identity().getDateOfBirth();
        crossMatching(ctx, id + "-day-month-swapped", dayMonth, b + 3, alertOn(ctx, dayMonth, b,
                AlertBasis.CHECK_1862_ART36, dayMonth.identity().getGivenNames(), dayMonth.identity().getSurname(),
                LocalDate.of(d.getYear(), d.getDayOfMonth(), d.getMonthValue()).toString()), null,
                "same name; the alert's birth date has day and month swapped");

        PlantedTraveller yearOnly = ctx.traveller(false);
        crossMatching(ctx, id + "-year-only", yearOnly, b + 4, alertOn(ctx, yearOnly, b, AlertBasis.JUDICIAL_1862_ART34,
                yearOnly.identity().getGivenNames(), yearOnly.identity().getSurname(),
                Integer.toString(yearOnly.identity().getDateOfBirth().getYear())), null,
                "same name; the alert knows only the year of birth");

        PlantedTraveller flagged = ctx.traveller(false);
        Bcp flaggedBcp = ctx.randomBcp(BorderType.LAND);
        AlertLog flaggedAlert = alertOn(ctx, flagged, b, AlertBasis.ARREST_1862_ART26,
                flagged.identity().getGivenNames(), flagged.identity().getSurname(), dob(flagged));
        flaggedAlert.flagAdd(ctx.at(flaggedBcp, b - 4, 10), flaggedBcp.country());
        crossMatching(ctx, id + "-flagged-by-crossing-state", flagged, b + 5, flaggedAlert, flaggedBcp,
                "matches an arrest alert that the crossing BCP's state has flagged (downgraded match)");

        PlantedTraveller refused = ctx.traveller(true);
        alertOn(ctx, refused, b, AlertBasis.REFUSAL_1861_ART24, refused.identity().getGivenNames(),
                refused.identity().getSurname(), dob(refused));
        Bcp refusalBcp = ctx.randomBcp(BorderType.AIR);
        BorderCrossing refusal = ctx.refusal(refused, refusalBcp, ctx.at(refusalBcp, b + 6, 7), RefusalReason.H);
        ctx.expect(id + "-refusal", ruleId(), ctx.fileToken(refused), refusal.getEventId(),
                "refused traveller matches an active refusal-of-entry alert");

        PlantedTraveller different = ctx.traveller(false);
        String[] other = differentName(ctx, different);
        AlertLog differentAlert = alertOn(ctx, different, b, AlertBasis.CHECK_1862_ART36, other[0], other[1],
                dob(different));
        crossNearMiss(ctx, id + "-different-name", different, b + 7, differentAlert,
                "an alert with the same birth date but a clearly different name");

        PlantedTraveller otherYear = ctx.traveller(false);
        AlertLog otherYearAlert = alertOn(ctx, otherYear, b, AlertBasis.CHECK_1862_ART36,
                otherYear.identity().getGivenNames(), otherYear.identity().getSurname(),
                otherYear.identity().getDateOfBirth().minusYears(OTHER_YEAR_OFFSET).toString());
        crossNearMiss(ctx, id + "-other-birth-year", otherYear, b + 8, otherYearAlert,
                "an alert with the same name but a birth year far from the traveller's");
    }

    private static String dob(PlantedTraveller t) {
        return t.identity().getDateOfBirth().toString();
    }

    private AlertLog alertOn(ScenarioContext ctx, PlantedTraveller t, long b, AlertBasis basis, String given,
                             String surname, String dateOfBirth) {
        Bcp somewhere = ctx.randomBcp(BorderType.AIR);
        AlertPerson person = ctx.personOf(t, given, surname, dateOfBirth);
        return ctx.alert(ctx.at(somewhere, b - 5, 12), basis, ctx.memberState(), ctx.farReviewDate(), person, null);
    }

    private void crossMatching(ScenarioContext ctx, String scenarioId, PlantedTraveller t, long day, AlertLog alert,
                               Bcp at, String description) {
        Bcp bcp = at != null ? at : ctx.randomBcp(BorderType.LAND);
        BorderCrossing entry = ctx.entry(t, bcp, ctx.at(bcp, day, 8), day + 3);
        BorderCrossing exit = ctx.exit(t, bcp, ctx.at(bcp, day + 3, 16));
        ctx.expect(scenarioId, ruleId(), ctx.fileToken(t), entry.getEventId(), description + " (entry)");
        ctx.expect(scenarioId, ruleId(), ctx.fileToken(t), exit.getEventId(), description + " (exit)");
    }

    private void crossNearMiss(ScenarioContext ctx, String scenarioId, PlantedTraveller t, long day, AlertLog alert,
                               String description) {
        Bcp bcp = ctx.randomBcp(BorderType.AIR);
        BorderCrossing entry = ctx.entry(t, bcp, ctx.at(bcp, day, 7), day + 3);
        BorderCrossing exit = ctx.exit(t, bcp, ctx.at(bcp, day + 3, 17));
        ctx.nearMiss(scenarioId, ruleId(), ctx.fileToken(t), entry.getEventId(), description + " (entry)");
        ctx.nearMiss(scenarioId, ruleId(), ctx.fileToken(t), exit.getEventId(), description + " (exit)");
    }

    /** {given, surname} from another name list, clearly different from the traveller's name in every word order. */
    private static String[] differentName(ScenarioContext ctx, PlantedTraveller t) {
        List<NameBook> books = List.copyOf(ctx.reference().nameBooks().values());
        TravellerIdentity id = t.identity();
        for (int i = 0; i < MAX_TRIES; i++) {
            NameBook book = books.get(ctx.rng().nextInt(books.size()));
            NamePicker.Names n = ctx.names().pick(book, id.getSex(), ctx.rng());
            String given = n.given().name();
            String surname = n.surname().name();
            if (NameSimilarity.max(given, surname, id.getGivenNames(), id.getSurname()) < DIFFERENT_MAX
                    && ctx.reserveName(id.getDateOfBirth().getYear(), given, surname)) {
                return new String[] {given, surname};
            }
        }
        throw new IllegalStateException("no clearly different name found");
    }

    /** The variant spelling {given, surname} most similar to the name, if at least VARIANT_MIN in every order. */
    static String[] bestVariant(NamePicker.Names n) {
        String[] best = null;
        double bestScore = VARIANT_MIN;
        String given = n.given().name();
        String surname = n.surname().name();
        for (String v : n.surname().variants()) {
            double s = NameSimilarity.min(given, surname, given, v);
            if (s >= bestScore && !NameSimilarity.normalise(v).equals(NameSimilarity.normalise(surname))) {
                bestScore = s;
                best = new String[] {given, v};
            }
        }
        for (String v : n.given().variants()) {
            double s = NameSimilarity.min(given, surname, v, surname);
            if (s >= bestScore && !NameSimilarity.normalise(v).equals(NameSimilarity.normalise(given))) {
                bestScore = s;
                best = new String[] {v, surname};
            }
        }
        return best;
    }

    private static TravellerIdentity variantIdentity(PlantedTraveller t) {
        String[] v = bestVariant(t.names);
        TravellerIdentity spelled = TravellerIdentity.newBuilder(t.identity()).build();
        spelled.setGivenNames(v[0]);
        spelled.setSurname(v[1]);
        return spelled;
    }
}
