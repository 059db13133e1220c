package eu.borderflow.risk.alerts;

import eu.borderflow.job.ingest.DeadLetters;
import eu.borderflow.job.ingest.OperatorFailures;
import eu.borderflow.privacy.Pseudonymiser;
import eu.borderflow.risk.RiskFlagJob;
import eu.borderflow.risk.RiskSettings;
import eu.borderflow.schema.AlertChange;
import eu.borderflow.schema.AlertChangeType;
import eu.borderflow.schema.RiskFlag;
import eu.borderflow.schema.serde.SingleObjectSerde;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * R10, keyed by alert id: event-time timers at the review notice and on the review date, moved when a change sets
 * another review date and removed when the alert is deleted. Changes take effect in event-time order with the
 * reminders: one ahead of the clock waits for it, so a reminder due before a change fires first, whenever the
 * changelog happens to be read. Driven by event time, so a replay gives the same flags; timers fired by the end of a
 * bounded input (watermark Long.MAX_VALUE) raise nothing (CONTRACTS.md).
 */
public class AlertReviewTimers extends KeyedProcessFunction<String, AlertChange, RiskFlag> {

    public static final String UID = "alerts-r10-review-timers";
    private static final long serialVersionUID = 1L;
    /** Index of the schedule's retention timer in {@link #timersOf}. */
    private static final int RETENTION = 2;

    private final AlertReviewRule rule;
    private final long keepAfterDueMillis;
    private final OperatorFailures failures = new OperatorFailures(RiskFlagJob.ALERTS, UID);
    private transient SingleObjectSerde<AlertChange> serde;
    private final Pseudonymiser pseudonymiser;
    private transient ValueState<ReviewSchedule> schedule;
    private transient ListState<AlertChange> pending;

    public AlertReviewTimers(RiskSettings config) {
        this.pseudonymiser = config.tokens();
        this.rule = new AlertReviewRule(AlertRuleSettings.load(config, AlertReviewRule.DESCRIPTOR.id()));
        this.keepAfterDueMillis = config.time().getAllowedLateness().toMillis();
    }

    @Override
    public void open(OpenContext openContext) {
        schedule = getRuntimeContext().getState(new ValueStateDescriptor<>("review-schedule", ReviewSchedule.TYPE));
        pending = getRuntimeContext()
                .getListState(
                        new ListStateDescriptor<>("review-pending-changes", new AvroTypeInfo<>(AlertChange.class)));
        failures.open(getRuntimeContext().getMetricGroup());
        serde = SingleObjectSerde.of(AlertChange.class);
    }

    @Override
    public void processElement(AlertChange change, Context ctx, Collector<RiskFlag> out) throws Exception {
        long at = change.getEventTime().toEpochMilli();
        if (at > ctx.timerService().currentWatermark()) {
            // Applied when the clock reaches it: a reminder due before the change must fire first.
            pending.add(change);
            ctx.timerService().registerEventTimeTimer(at);
            return;
        }
        apply(change, ctx);
    }

    /** The changes waiting for the clock up to {@code timestamp}, applied in event-time (then version) order. */
    private void applyPending(long timestamp, Context ctx) throws Exception {
        Iterable<AlertChange> waiting = pending.get();
        if (waiting == null) {
            return;
        }
        List<AlertChange> due = new ArrayList<>();
        List<AlertChange> later = new ArrayList<>();
        for (AlertChange c : waiting) {
            (c.getEventTime().toEpochMilli() <= timestamp ? due : later).add(c);
        }
        if (due.isEmpty()) {
            return;
        }
        pending.update(later);
        due.sort(Comparator.comparing(AlertChange::getEventTime).thenComparing(AlertChange::getVersion));
        for (AlertChange c : due) {
            apply(c, ctx);
        }
    }

    private void apply(AlertChange change, Context ctx) throws Exception {
        ReviewSchedule current = schedule.value();
        long[] newTimers;
        long[] oldTimers;
        try {
            newTimers = timersOf(change.getReviewDate());
            oldTimers = current == null ? new long[0] : timersOf(LocalDate.ofEpochDay(current.getReviewEpochDay()));
        } catch (RuntimeException e) {
            ctx.output(
                    DeadLetters.TAG,
                    failures.on(e, change.getChangeId(), change.getEventTime().toEpochMilli(), change, serde));
            return;
        }
        TimerService timers = ctx.timerService();
        int reviewDay = (int) change.getReviewDate().toEpochDay();
        if (current != null
                && (change.getChange() == AlertChangeType.DELETE || current.getReviewEpochDay() != reviewDay)) {
            for (long at : oldTimers) {
                timers.deleteEventTimeTimer(at);
            }
        }
        if (change.getChange() == AlertChangeType.DELETE) {
            schedule.clear();
            return;
        }
        if (current == null || current.getReviewEpochDay() != reviewDay) {
            long changedAt = change.getEventTime().toEpochMilli();
            for (int i = 0; i < newTimers.length; i++) {
                // A reminder whose time had passed when the date was set never fell due for this alert; the
                // schedule's own end is always kept.
                if (newTimers[i] >= changedAt || i == RETENTION) {
                    timers.registerEventTimeTimer(newTimers[i]);
                }
            }
        }
        schedule.update(new ReviewSchedule(reviewDay, change.getVersion()));
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<RiskFlag> out) throws Exception {
        applyPending(timestamp, ctx);
        ReviewSchedule current = schedule.value();
        if (current == null) {
            return;
        }
        LocalDate reviewDate = LocalDate.ofEpochDay(current.getReviewEpochDay());
        if (timestamp >= rule.dueAt(reviewDate) + keepAfterDueMillis) {
            schedule.clear();
            return;
        }
        if (ctx.timerService().currentWatermark() == Long.MAX_VALUE) {
            return;
        }
        try {
            if (timestamp == rule.dueAt(reviewDate)) {
                out.collect(rule.flag(
                        ctx.getCurrentKey(),
                        current.getVersion(),
                        reviewDate,
                        AlertReviewRule.Stage.DUE,
                        pseudonymiser));
            } else if (timestamp == rule.noticeAt(reviewDate)) {
                out.collect(rule.flag(
                        ctx.getCurrentKey(),
                        current.getVersion(),
                        reviewDate,
                        AlertReviewRule.Stage.NOTICE,
                        pseudonymiser));
            }
        } catch (RuntimeException e) {
            ctx.output(DeadLetters.TAG, failures.on(e, ctx.getCurrentKey(), timestamp));
        }
    }

    /**
     * The notice, the due date, and the end of the schedule's retention: an alert not extended by its review date is
     * deleted, so the schedule goes the allowed lateness after it.
     */
    private long[] timersOf(LocalDate reviewDate) {
        long due = rule.dueAt(reviewDate);
        return new long[] {rule.noticeAt(reviewDate), due, due + keepAfterDueMillis};
    }
}
