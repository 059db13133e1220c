package eu.borderflow.picture.pressure;

import eu.borderflow.rules.SectionPressureRule;
import eu.borderflow.schema.Condition;
import eu.borderflow.schema.FindingKind;
import eu.borderflow.schema.FlagStatus;
import eu.borderflow.schema.PictureUpdate;
import eu.borderflow.schema.RiskFlag;
import eu.borderflow.schema.Severity;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * R11's flag: a suggestion that people review a section's attributed level, never a change of it. The subject is the
 * section id itself (border sections are public reference data, not personal data; {@link #SUBJECT_KEY_ID}); the
 * trigger is {@code <section_id>@<window end>} and the evidence the incidents behind the figure.
 */
public final class PressureFlags implements Serializable {

    /** The token_key_id of a flag whose subject is a public id rather than a keyed token. */
    public static final String SUBJECT_KEY_ID = "public";

    static final String ACTION = "Review the section's attributed impact level with the member state (Reg. 2019/1896 "
            + "Art. 34); the pipeline suggests, people decide";
    private static final long serialVersionUID = 1L;

    private final SectionPressureRule rule;
    private final int retentionDays;

    public PressureFlags(SectionPressureRule rule, int retentionDays) {
        this.rule = rule;
        this.retentionDays = retentionDays;
    }

    /** The first revision of the flag on the DAY record {@code day}, which starts an episode. */
    public RiskFlag raise(PictureUpdate day) {
        long end = day.getWindowEnd().toEpochMilli();
        String trigger = SectionPressureRule.trigger(day.getSectionId(), end);
        return RiskFlag.newBuilder()
                .setFlagId(SectionPressureRule.ID + ':' + trigger)
                .setRevision(0)
                .setStatus(FlagStatus.RAISED)
                .setSynthetic(true)
                .setRuleId(SectionPressureRule.ID)
                .setRuleVersion(rule.version())
                .setKind(FindingKind.RISK)
                .setSeverity(Severity.MEDIUM)
                .setRecommendedAction(ACTION)
                .setExplanation(explanation(day))
                .setConditions(conditions(day))
                .setEvidenceIds(new ArrayList<>(day.getContributingIncidentIds()))
                .setSubjectToken(day.getSectionId())
                .setTokenKeyId(SUBJECT_KEY_ID)
                .setTriggerEventId(trigger)
                .setEventTime(day.getWindowEnd())
                .setRaisedEventTime(day.getWindowEnd())
                .setBcpCode(null)
                .setSectionId(day.getSectionId())
                .setRequiresHumanReview(true)
                .setRetentionUntil(
                        LocalDate.ofInstant(day.getWindowEnd(), ZoneOffset.UTC).plusDays(retentionDays))
                .build();
    }

    /** The next revision of {@code flag} with the figures of the revised {@code day}, or null when they are the same. */
    public RiskFlag revise(RiskFlag flag, PictureUpdate day) {
        RiskFlag current = raise(day);
        if (flag.getStatus() != FlagStatus.WITHDRAWN
                && current.getExplanation().equals(flag.getExplanation())
                && current.getEvidenceIds().equals(flag.getEvidenceIds())) {
            return null;
        }
        return RiskFlag.newBuilder(current)
                .setRevision(flag.getRevision() + 1)
                .setStatus(FlagStatus.REVISED)
                .build();
    }

    /** The next revision of {@code flag}, withdrawn: late data showed the hour before already met the rule. */
    public RiskFlag withdraw(RiskFlag flag) {
        List<Condition> conditions = new ArrayList<>(flag.getConditions());
        conditions.set(
                conditions.size() - 1,
                new Condition("the window an hour earlier met the rule", "yes", "==", "no", false));
        return RiskFlag.newBuilder(flag)
                .setRevision(flag.getRevision() + 1)
                .setStatus(FlagStatus.WITHDRAWN)
                .setExplanation("Withdrawn: late reports show the pressure episode began an hour or more earlier (was: "
                        + flag.getExplanation() + ")")
                .setConditions(conditions)
                .build();
    }

    private String explanation(PictureUpdate day) {
        return String.format(
                Locale.ROOT,
                "Section %s: %d incidents detected in the 24 hours ending %s against a "
                        + "baseline of %.2f (mean of the same weekday and hour in the previous %d weeks): ratio %s >= "
                        + "%.1f with %d >= %d events. First window of this pressure episode: the window an hour earlier "
                        + "did not meet the rule.",
                day.getSectionId(),
                day.getPressureEvents(),
                Instant.ofEpochMilli(day.getWindowEnd().toEpochMilli()),
                day.getBaseline(),
                rule.baselineWeeks(),
                ratio(day.getPressureRatio()),
                rule.minRatio(),
                day.getPressureEvents(),
                rule.minEvents());
    }

    private List<Condition> conditions(PictureUpdate day) {
        List<Condition> conditions = new ArrayList<>();
        conditions.add(new Condition(
                "incidents in the 24 hours",
                String.valueOf(day.getPressureEvents()),
                ">=",
                String.valueOf(rule.minEvents()),
                day.getPressureEvents() >= rule.minEvents()));
        conditions.add(new Condition(
                "ratio to the baseline",
                ratio(day.getPressureRatio()),
                ">=",
                String.valueOf(rule.minRatio()),
                day.getPressureRatio() >= rule.minRatio()));
        conditions.add(new Condition(
                "weeks of history for the baseline",
                String.valueOf(rule.baselineWeeks()),
                ">=",
                String.valueOf(rule.baselineWeeks()),
                true));
        conditions.add(new Condition("the window an hour earlier met the rule", "no", "==", "no", true));
        return conditions;
    }

    private static String ratio(double ratio) {
        return Double.isInfinite(ratio) ? "infinite" : String.format(Locale.ROOT, "%.2f", ratio);
    }
}
