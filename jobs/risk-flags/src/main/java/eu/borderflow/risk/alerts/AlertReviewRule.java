package eu.borderflow.risk.alerts;

import eu.borderflow.privacy.Pseudonymiser;
import eu.borderflow.review.ReviewDates;
import eu.borderflow.risk.flag.Flags;
import eu.borderflow.risk.rules.RuleDescriptor;
import eu.borderflow.schema.FindingKind;
import eu.borderflow.schema.RiskFlag;
import eu.borderflow.schema.Severity;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * R10: an alert's review date is near (notice, rules.yaml notice_months ahead) or reached (due). The issuing state
 * must assess whether to extend the alert or let it be deleted. An administrative finding, not a risk.
 */
public final class AlertReviewRule implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final RuleDescriptor DESCRIPTOR = new RuleDescriptor(
            "R10",
            "1.0.0",
            FindingKind.ADMINISTRATIVE,
            Set.of("alert_id", "version", "change", "event_time", "review_date"));

    /** Which of the two reminders. */
    public enum Stage {
        NOTICE,
        DUE
    }

    private static final String NOTICE_ACTION =
            "Prepare the review of the alert: assess and record whether to " + "extend it before the review date";
    private static final String DUE_ACTION =
            "Review the alert today: extend it after a recorded assessment, or " + "delete it";
    private static final String EXPLANATION = "Alert %s (version %d) %s on %s.";

    private final RuleDescriptor rule;
    private final int noticeMonths;
    private final ReviewDates dates;

    public AlertReviewRule(AlertRuleSettings settings) {
        this.rule = settings.describe(DESCRIPTOR);
        this.noticeMonths = settings.getNoticeMonths();
        this.dates = new ReviewDates(noticeMonths);
    }

    /** Start of the review date's day, UTC ({@link ReviewDates}, the definition shared with the ground truth). */
    public long dueAt(LocalDate reviewDate) {
        return dates.dueAt(reviewDate);
    }

    /** Start of the day {@code notice_months} before the review date, UTC. */
    public long noticeAt(LocalDate reviewDate) {
        return dates.noticeAt(reviewDate);
    }

    public static String triggerId(String alertId, LocalDate reviewDate, Stage stage) {
        return alertId + '@' + reviewDate + '#' + stage.name().toLowerCase();
    }

    public RiskFlag flag(String alertId, int version, LocalDate reviewDate, Stage stage, Pseudonymiser pseudonymiser) {
        long at = stage == Stage.DUE ? dueAt(reviewDate) : noticeAt(reviewDate);
        String when = stage == Stage.DUE
                ? "reaches its review date"
                : "is " + noticeMonths + " months from its review" + " date";
        return Flags.raise(rule, triggerId(alertId, reviewDate, stage))
                .subject(pseudonymiser.token(Pseudonymiser.Domain.ALERT, alertId), pseudonymiser.keyId())
                .at(Instant.ofEpochMilli(at), null, null)
                .assess(
                        stage == Stage.DUE ? Severity.MEDIUM : Severity.LOW,
                        stage == Stage.DUE ? DUE_ACTION : NOTICE_ACTION)
                .explain(
                        String.format(EXPLANATION, alertId, version, when, reviewDate),
                        List.of(
                                Flags.condition("review_date", reviewDate, "present", "alert not deleted", true),
                                Flags.condition(
                                        "event_time",
                                        Instant.ofEpochMilli(at),
                                        ">=",
                                        stage == Stage.DUE
                                                ? "review date"
                                                : "review date minus " + noticeMonths + " months",
                                        true)),
                        List.of(alertId + "@v" + version))
                .keepUntil(reviewDate)
                .build();
    }
}
