package eu.borderflow.seeds.scenario;

import eu.borderflow.schema.AlertBasis;
import eu.borderflow.schema.AlertPerson;
import eu.borderflow.schema.Sex;
import eu.borderflow.seeds.reference.NameBook;
import eu.borderflow.seeds.world.AlertLog;
import eu.borderflow.seeds.world.BirthYears;
import eu.borderflow.seeds.world.NamePicker;
import eu.borderflow.seeds.world.Period;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * R10: an alert whose review date and its 4-month notice both fall inside the data (two flags, #notice and #due);
 * near-miss: an alert extended before its notice date. The alerts were created before the notice date, and traffic
 * continues for days after the review date. Alert persons are born in years no traveller has.
 */
public final class AlertReviewScenario implements Scenario {

    private static final int NOTICE_MONTHS = 4;
    /** The review date lies at least this many days before the end of the period. */
    private static final int REVIEW_BEFORE_END_DAYS = 8;
    private static final int REVIEW_SPREAD_DAYS = 6;
    private static final int CREATED_BEFORE_NOTICE_DAYS = 20;
    private static final int EXTENDED_BEFORE_NOTICE_DAYS = 10;
    private static final int EXTEND_YEARS = 1;

    @Override
    public String ruleId() {
        return "R10";
    }

    @Override
    public void plant(ScenarioContext ctx, int instance) {
        String id = "R10-alert-review-" + instance;
        Period p = ctx.period();

        LocalDate review = reviewDate(ctx, p);
        LocalDate notice = review.minusMonths(NOTICE_MONTHS);
        AlertLog due = ctx.alert(noon(notice.minusDays(CREATED_BEFORE_NOTICE_DAYS)), AlertBasis.CHECK_1862_ART36,
                ctx.memberState(), review, person(ctx), null);
        String token = ctx.alertToken(due.alertId());
        ctx.expect(id + "-due", ruleId(), token, due.alertId() + "@" + review + "#notice",
                "the alert's review date is four months ahead");
        ctx.expect(id + "-due", ruleId(), token, due.alertId() + "@" + review + "#due",
                "the alert's review date is reached");

        LocalDate review2 = reviewDate(ctx, p);
        LocalDate notice2 = review2.minusMonths(NOTICE_MONTHS);
        AlertLog extended = ctx.alert(noon(notice2.minusDays(CREATED_BEFORE_NOTICE_DAYS)), AlertBasis.REFUSAL_1861_ART24,
                ctx.memberState(), review2, person(ctx), null);
        extended.extend(noon(notice2.minusDays(EXTENDED_BEFORE_NOTICE_DAYS)), review2.plusYears(EXTEND_YEARS));
        String token2 = ctx.alertToken(extended.alertId());
        ctx.nearMiss(id + "-extended", ruleId(), token2, extended.alertId() + "@" + review2 + "#notice",
                "the alert was extended before its notice date");
        ctx.nearMiss(id + "-extended", ruleId(), token2, extended.alertId() + "@" + review2 + "#due",
                "the alert was extended before its review date");
    }

    private static LocalDate reviewDate(ScenarioContext ctx, Period p) {
        return p.end().minusDays(REVIEW_BEFORE_END_DAYS + ctx.rng().nextInt(REVIEW_SPREAD_DAYS));
    }

    private static long noon(LocalDate day) {
        return day.toEpochDay() * Period.DAY_MILLIS + Period.DAY_MILLIS / 2;
    }

    private static AlertPerson person(ScenarioContext ctx) {
        List<NameBook> books = List.copyOf(ctx.reference().nameBooks().values());
        Sex sex = ctx.rng().nextBoolean() ? Sex.F : Sex.M;
        NamePicker.Names n = ctx.names().pick(books.get(ctx.rng().nextInt(books.size())), sex, ctx.rng());
        LocalDate dob = BirthYears.alertOnly(ctx.rng());
        return new AlertPerson(n.surname().name(), n.given().name(), new ArrayList<>(), dob.toString(), null, sex,
                new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    }
}
