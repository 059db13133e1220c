package eu.borderflow.seeds.scenario;

import eu.borderflow.privacy.Pseudonymiser;
import eu.borderflow.review.ReviewDates;
import eu.borderflow.schema.AlertChange;
import eu.borderflow.schema.AlertChangeType;
import eu.borderflow.schema.GroundTruthEntry;
import eu.borderflow.schema.GroundTruthKind;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * R10 from its definition ({@link ReviewDates}) over every alert's changelog: a reminder (the notice, the review date)
 * falls due when the data's clock reaches it, if it had not passed when the review date was set and no later change
 * (a deletion, another review date) cancelled it first. Declared entries must agree; undeclared reminders that fall
 * due (background alerts reviewed in the period) are added as expected flags.
 */
final class ReviewTruth {

    /** Data before this is surely reached by the crossings' clock: the day before the period's end. */
    private final long clockEnd;

    private final ReviewDates dates;

    ReviewTruth(ReviewDates dates, long clockEnd) {
        this.dates = dates;
        this.clockEnd = clockEnd;
    }

    /** Trigger ids ({@code <alert>@<review date>#notice|#due}) of the reminders that fall due. */
    Set<String> due(List<AlertChange> alerts) {
        Map<String, List<AlertChange>> byAlert = new HashMap<>();
        alerts.forEach(a ->
                byAlert.computeIfAbsent(a.getAlertId(), k -> new ArrayList<>()).add(a));
        Set<String> due = new HashSet<>();
        for (List<AlertChange> changes : byAlert.values()) {
            changes.sort(Comparator.comparing(AlertChange::getEventTime).thenComparing(AlertChange::getVersion));
            LocalDate review = null;
            for (int i = 0; i < changes.size(); i++) {
                AlertChange c = changes.get(i);
                if (c.getChange() == AlertChangeType.DELETE || c.getReviewDate().equals(review)) {
                    if (c.getChange() == AlertChangeType.DELETE) {
                        break;
                    }
                    continue;
                }
                review = c.getReviewDate();
                long set = c.getEventTime().toEpochMilli();
                long cancelled = cancelledAt(changes, i, review);
                for (String stage : new String[] {"notice", "due"}) {
                    long at = stage.equals("due") ? dates.dueAt(review) : dates.noticeAt(review);
                    if (at >= set && at < cancelled && at <= clockEnd) {
                        due.add(c.getAlertId() + "@" + review + "#" + stage);
                    }
                }
            }
        }
        return due;
    }

    /** When the review date set by change {@code i} stops applying: a deletion or another date. */
    private static long cancelledAt(List<AlertChange> changes, int i, LocalDate review) {
        for (int j = i + 1; j < changes.size(); j++) {
            AlertChange c = changes.get(j);
            if (c.getChange() == AlertChangeType.DELETE || !c.getReviewDate().equals(review)) {
                return c.getEventTime().toEpochMilli();
            }
        }
        return Long.MAX_VALUE;
    }

    /** Checks the declared R10 entries and adds the reminders no scenario declared. */
    void reconcile(List<AlertChange> alerts, Pseudonymiser tokens, List<GroundTruthEntry> truth) {
        Set<String> due = due(alerts);
        Set<String> declared = new HashSet<>();
        for (GroundTruthEntry g : truth) {
            if (g.getRuleId().equals("R10")) {
                boolean expected = g.getKind() == GroundTruthKind.EXPECTED_FLAG;
                if (expected != due.contains(g.getTriggerEventId())) {
                    throw new IllegalStateException(g.getScenarioId() + ": declared " + g.getKind() + " for R10 "
                            + g.getTriggerEventId() + " but the definition says " + (expected ? "not due" : "due"));
                }
                declared.add(g.getTriggerEventId());
            }
        }
        List<String> undeclared = new ArrayList<>(due);
        undeclared.removeAll(declared);
        undeclared.sort(Comparator.naturalOrder());
        for (String trigger : undeclared) {
            String alertId = trigger.substring(0, trigger.indexOf('@'));
            truth.add(new GroundTruthEntry(
                    "R10-review-" + trigger,
                    GroundTruthKind.EXPECTED_FLAG,
                    "R10",
                    tokens.token(Pseudonymiser.Domain.ALERT, alertId),
                    trigger,
                    "an alert's review reminder falls due " + "in the period",
                    "background/review-due",
                    null));
        }
    }
}
