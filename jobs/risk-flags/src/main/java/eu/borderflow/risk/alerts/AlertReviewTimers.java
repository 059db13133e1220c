package eu.borderflow.risk.alerts;

import eu.borderflow.risk.RiskSettings;
import eu.borderflow.privacy.Pseudonymiser;
import eu.borderflow.schema.AlertChange;
import eu.borderflow.schema.AlertChangeType;
import eu.borderflow.schema.RiskFlag;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

import java.time.LocalDate;

/**
 * R10, keyed by alert id: event-time timers at the review notice and on the review date, moved when a change sets
 * another review date and removed when the alert is deleted. Driven by event time, so a replay gives the same flags;
 * timers fired by the end of a bounded input (watermark Long.MAX_VALUE) raise nothing (CONTRACTS.md).
 */
public class AlertReviewTimers extends KeyedProcessFunction<String, AlertChange, RiskFlag> {

    private static final long serialVersionUID = 1L;

    private final AlertReviewRule rule;
    private final Pseudonymiser pseudonymiser;
    private transient ValueState<ReviewSchedule> schedule;

    public AlertReviewTimers(RiskSettings config) {
        this.pseudonymiser = config.tokens();
        this.rule = new AlertReviewRule(AlertRuleSettings.load(config, AlertReviewRule.DESCRIPTOR.id()));
    }

    @Override
    public void open(OpenContext openContext) {
        schedule = getRuntimeContext().getState(new ValueStateDescriptor<>("review-schedule", ReviewSchedule.TYPE));
    }

    @Override
    public void processElement(AlertChange change, Context ctx, Collector<RiskFlag> out) throws Exception {
        ReviewSchedule current = schedule.value();
        TimerService timers = ctx.timerService();
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
