package eu.borderflow.seeds.scenario;

import eu.borderflow.review.ReviewDates;
import eu.borderflow.schema.AlertBasis;
import eu.borderflow.schema.AlertPerson;
import eu.borderflow.schema.GroundTruthKind;
import eu.borderflow.schema.Sex;
import eu.borderflow.seeds.reference.NameBook;
import eu.borderflow.seeds.world.AlertLog;
import eu.borderflow.seeds.world.NamePicker;
import eu.borderflow.seeds.world.Period;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * R10, alert review due: a reminder four months ahead ({@code #notice}) and on the review date ({@code #due}), driven
 * by event time. A reminder whose moment had passed when the date was set never falls due; a deletion or another
 * review date cancels pending ones. Families:
 * <ul>
 *   <li>{@code notice-and-due}: both fall due (two flags);</li>
 *   <li>{@code extended-before-notice}: neither (two near-misses);</li>
 *   <li>{@code extended-after-notice}: the notice (flag), not the date (near-miss);</li>
 *   <li>{@code deleted-after-notice}: the notice (flag), not the date (near-miss);</li>
 *   <li>{@code set-inside-notice}: created less than four months before its date: the date (flag), not the notice
 *       (near-miss).</li>
 * </ul>
 * Review dates fall at least a week before the period's end, with traffic continuing after them.
 */
public final class AlertReviewScenario extends FamilyScenario {

    private static final int REVIEW_BEFORE_END_DAYS = 8;
    private static final int REVIEW_SPREAD_DAYS = 6;
    private static final int CREATED_BEFORE_NOTICE_DAYS = 20;
    private static final int CHANGED_BEFORE_DATE_DAYS = 4;
    private static final int CREATED_BEFORE_DATE_DAYS = 30;
    private static final int EXTEND_YEARS = 1;

    public AlertReviewScenario() {
        super(
                "R10",
                "notice-and-due",
                "extended-before-notice",
                "extended-after-notice",
                "deleted-after-notice",
                "set-inside-notice");
    }

    @Override
    void plant(ScenarioContext ctx, Family f, String id) {
        ScriptedAlerts alerts = ctx.alerts();
        ScriptedTruth truth = ctx.truth();
        ReviewDates dates = ctx.reviewDates();
        LocalDate review =
                ctx.period().end().minusDays(REVIEW_BEFORE_END_DAYS + ctx.rng().nextInt(REVIEW_SPREAD_DAYS));
        LocalDate notice = review.minusMonths(dates.noticeMonths());
        long created = f.name().equals("set-inside-notice")
                ? noon(review.minusDays(CREATED_BEFORE_DATE_DAYS))
                : noon(notice.minusDays(CREATED_BEFORE_NOTICE_DAYS));
        AlertLog alert = alerts.alert(
                created,
                ctx.rng().nextBoolean() ? AlertBasis.CHECK_1862_ART36 : AlertBasis.REFUSAL_1861_ART24,
                ctx.places().memberState(),
                review,
                person(ctx),
                null);
        String token = truth.alertToken(alert.alertId());
        String noticeId = alert.alertId() + "@" + review + "#notice";
        String dueId = alert.alertId() + "@" + review + "#due";
        long beforeDate = noon(review.minusDays(CHANGED_BEFORE_DATE_DAYS));
        switch (f.name()) {
            case "notice-and-due" -> {
                truth.add(
                        f, id, GroundTruthKind.EXPECTED_FLAG, token, noticeId, "the review date is four months ahead");
                truth.add(f, id, GroundTruthKind.EXPECTED_FLAG, token, dueId, "the review date is reached");
            }
            case "extended-before-notice" -> {
                alert.extend(noon(notice.minusDays(CREATED_BEFORE_NOTICE_DAYS / 2)), review.plusYears(EXTEND_YEARS));
                truth.add(f, id, GroundTruthKind.NEAR_MISS, token, noticeId, "extended before its notice date");
                truth.add(f, id, GroundTruthKind.NEAR_MISS, token, dueId, "extended before its review date");
            }
            case "extended-after-notice" -> {
                alert.extend(beforeDate, review.plusYears(EXTEND_YEARS));
                truth.add(
                        f,
                        id,
                        GroundTruthKind.EXPECTED_FLAG,
                        token,
                        noticeId,
                        "the notice fell due before the " + "extension");
                truth.add(f, id, GroundTruthKind.NEAR_MISS, token, dueId, "extended four days before its review date");
            }
            case "deleted-after-notice" -> {
                alert.delete(beforeDate, "purpose achieved");
                truth.add(
                        f,
                        id,
                        GroundTruthKind.EXPECTED_FLAG,
                        token,
                        noticeId,
                        "the notice fell due before the " + "deletion");
                truth.add(f, id, GroundTruthKind.NEAR_MISS, token, dueId, "deleted four days before its review date");
            }
            default -> {
                truth.add(
                        f,
                        id,
                        GroundTruthKind.NEAR_MISS,
                        token,
                        noticeId,
                        "created 30 days before its review date: " + "the four-month notice had passed");
                truth.add(f, id, GroundTruthKind.EXPECTED_FLAG, token, dueId, "the review date is reached");
            }
        }
    }

    private static long noon(LocalDate day) {
        return day.toEpochDay() * Period.DAY_MILLIS + Period.DAY_MILLIS / 2;
    }

    /** A person drawn like any other: names from the lists, a birth date from the population's distribution. */
    private static AlertPerson person(ScenarioContext ctx) {
        List<NameBook> books = List.copyOf(ctx.reference().nameBooks().values());
        Sex sex = ctx.rng().nextBoolean() ? Sex.F : Sex.M;
        NamePicker.Names n = ctx.names().pick(books.get(ctx.rng().nextInt(books.size())), sex, ctx.rng());
        LocalDate dob = ctx.birthYears().draw(ctx.rng());
        return new AlertPerson(
                n.surname().name(),
                n.given().name(),
                new ArrayList<>(),
                dob.toString(),
                null,
                sex,
                new ArrayList<>(),
                new ArrayList<>(),
                new ArrayList<>(),
                new ArrayList<>());
    }
}
