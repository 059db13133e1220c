package eu.borderflow.risk.alerts;

import eu.borderflow.config.ConfigLoader;
import eu.borderflow.privacy.Pseudonymiser;
import eu.borderflow.privacy.PseudonymiserFactory;
import eu.borderflow.schema.AlertChange;
import eu.borderflow.schema.AlertChangeType;
import eu.borderflow.schema.RiskFlag;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * R10, keyed by alert id: event-time timers at the review notice and on the review date, moved when a change sets
 * another review date and removed when the alert is deleted. Changes take effect in event-time order with the
 * reminders: one ahead of the clock waits for it, so a reminder due before a change fires first. Driven by event time, so a replay gives the same flags;
 * timers fired by the end of a bounded input (watermark Long.MAX_VALUE) raise nothing (CONTRACTS.md).
 */
public class AlertReviewTimers extends KeyedProcessFunction<String, AlertChange, RiskFlag> {

    private static final long serialVersionUID = 1L;

    private final ConfigLoader config;
    private final AlertReviewRule rule;
    private transient Pseudonymiser pseudonymiser;
    private transient ValueState<ReviewSchedule> schedule;
    private transient ListState<AlertChange> pending;

    public AlertReviewTimers(ConfigLoader config) {
        this.config = config;
        this.rule = new AlertReviewRule(AlertRuleSettings.load(config, AlertReviewRule.DESCRIPTOR.id()));
    }

    /** The changes waiting for the clock up to {@code timestamp}, applied in event-time (then version) order. */
    private void applyPending(long timestamp, TimerService timers) throws Exception {
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
            apply(c, timers);
        }
    }

    @Override
    public void open(OpenContext openContext) {
        pseudonymiser = PseudonymiserFactory.fromConfig(config);
        schedule = getRuntimeContext().getState(new ValueStateDescriptor<>("review-schedule", ReviewSchedule.TYPE));
        pending = getRuntimeContext().getListState(new ListStateDescriptor<>("review-pending-changes",
                new AvroTypeInfo<>(AlertChange.class)));
    }

    @Override
    public void processElement(AlertChange change, Context ctx, Collector<RiskFlag> out) throws Exception {
        long at = change.getEventTime().toEpochMilli();
        if (at > ctx.timerService().currentWatermark()) {
            // Applied when the clock reaches it: a reminder due before the change must fire first, whenever the
            // changelog happens to be read.
            pending.add(change);
            ctx.timerService().registerEventTimeTimer(at);
            return;
        }
        apply(change, ctx.timerService());
    }

    private void apply(AlertChange change, TimerService timers) throws Exception {
        ReviewSchedule current = schedule.value();
        int reviewDay = (int) change.getReviewDate().toEpochDay();
        if (current != null && (change.getChange() == AlertChangeType.DELETE
                || current.getReviewEpochDay() != reviewDay)) {
            LocalDate old = LocalDate.ofEpochDay(current.getReviewEpochDay());
            timers.deleteEventTimeTimer(rule.noticeAt(old));
            timers.deleteEventTimeTimer(rule.dueAt(old));
        }
        if (change.getChange() == AlertChangeType.DELETE) {
            schedule.clear();
            return;
        }
        if (current == null || current.getReviewEpochDay() != reviewDay) {
            long changedAt = change.getEventTime().toEpochMilli();
            for (long at : new long[] {rule.noticeAt(change.getReviewDate()), rule.dueAt(change.getReviewDate())}) {
                // A reminder whose time had passed when the date was set never fell due for this alert.
                if (at >= changedAt) {
                    timers.registerEventTimeTimer(at);
                }
            }
        }
        schedule.update(new ReviewSchedule(reviewDay, change.getVersion()));
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<RiskFlag> out) throws Exception {
        applyPending(timestamp, ctx.timerService());
        ReviewSchedule current = schedule.value();
        if (current == null || ctx.timerService().currentWatermark() == Long.MAX_VALUE) {
            return;
        }
        LocalDate reviewDate = LocalDate.ofEpochDay(current.getReviewEpochDay());
        if (timestamp == rule.dueAt(reviewDate)) {
            out.collect(rule.flag(ctx.getCurrentKey(), current.getVersion(), reviewDate, AlertReviewRule.Stage.DUE,
                    pseudonymiser));
        } else if (timestamp == rule.noticeAt(reviewDate)) {
            out.collect(rule.flag(ctx.getCurrentKey(), current.getVersion(), reviewDate, AlertReviewRule.Stage.NOTICE,
                    pseudonymiser));
        }
    }
}
