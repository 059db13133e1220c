package eu.borderflow.risk.alerts;

import eu.borderflow.job.ingest.DeadLetters;
import eu.borderflow.job.ingest.OperatorFailures;
import eu.borderflow.privacy.Pseudonymiser;
import eu.borderflow.risk.RiskFlagJob;
import eu.borderflow.risk.RiskSettings;
import eu.borderflow.schema.FlagStatus;
import eu.borderflow.schema.RiskFlag;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by flag id (rule and crossing): one flag for all the person matches of a crossing, which the matcher finds at
 * different blocking keys. Matches are collected until the watermark has passed the crossing's event time and the
 * watermark its probes followed ({@link PersonProbes}): every key has evaluated the crossing by then, even one that
 * came after newer crossings, so the flag is the same however the matcher's subtasks interleave. Then the rule builds
 * the flag. A match that still comes after it (a probing subtask back from idle, whose channel the watermark did not
 * wait for) revises it. The matches are forgotten after rules.yaml /time/allowed_lateness and out_of_orderness.
 */
public class PersonFlagAssembler extends KeyedProcessFunction<String, PersonMatch, RiskFlag> {

    public static final String UID = "alerts-r2-r9-flag-assembler";
    private static final long serialVersionUID = 1L;
    private static final Comparator<PersonMatch> BY_ALERT_ID =
            Comparator.comparing(m -> m.getAlert().getAlertId());

    private final PersonAlertRule personRule;
    private final ReturnAlertRule returnRule;
    private final long forgetAfterMillis;
    private final OperatorFailures failures = new OperatorFailures(RiskFlagJob.CROSSINGS, UID);
    private final Pseudonymiser pseudonymiser;
    private transient MapState<String, PersonMatch> matches;
    private transient ValueState<Integer> revision;

    public PersonFlagAssembler(RiskSettings config) {
        this.pseudonymiser = config.tokens();
        this.personRule = new PersonAlertRule(AlertRuleSettings.load(config, PersonAlertRule.DESCRIPTOR.id()));
        this.returnRule = new ReturnAlertRule(AlertRuleSettings.load(config, ReturnAlertRule.DESCRIPTOR.id()));
        // Its watermark runs ahead of the crossings' by up to the out-of-orderness (PersonProbes): a crossing
        // admitted just within the allowed lateness must still find its matches.
        this.forgetAfterMillis = config.time()
                .getAllowedLateness()
                .plus(config.time().getOutOfOrderness())
                .toMillis();
    }

    @Override
    public void open(OpenContext openContext) {
        matches = getRuntimeContext()
                .getMapState(new MapStateDescriptor<>("person-matches", Types.STRING, PersonMatch.TYPE));
        revision = getRuntimeContext().getState(new ValueStateDescriptor<>("flag-revision", Types.INT));
        failures.open(getRuntimeContext().getMetricGroup());
    }

    @Override
    public void processElement(PersonMatch match, Context ctx, Collector<RiskFlag> out) throws Exception {
        boolean first = matches.isEmpty();
        String alertId = match.getAlert().getAlertId();
        PersonMatch replaced = matches.get(alertId);
        matches.put(alertId, match);
        Integer raised = revision.value();
        if (raised != null) {
            RiskFlag revised;
            try {
                revised = build(raised + 1);
            } catch (RuntimeException e) {
                if (replaced == null) {
                    matches.remove(alertId);
                } else {
                    matches.put(alertId, replaced);
                }
                ctx.output(
                        DeadLetters.TAG,
                        failures.on(
                                e,
                                match.getCrossing().getEventId(),
                                match.getCrossing().getEventTime()));
                return;
            }
            revision.update(raised + 1);
            out.collect(revised);
        } else if (first) {
            long raiseAt = complete(match.getCrossing());
            ctx.timerService().registerEventTimeTimer(raiseAt);
            ctx.timerService()
                    .registerEventTimeTimer(
                            Math.max(match.getCrossing().getEventTime() + forgetAfterMillis, raiseAt + 1));
        }
    }

    /**
     * When every match of {@code crossing} has arrived: once the watermark has passed its event time and the
     * watermark its probes followed (never the end of time, which no crossing follows).
     */
    static long complete(CrossingProbe crossing) {
        long after = crossing.getProbedAfter();
        return after < crossing.getEventTime() ? crossing.getEventTime() : after + 1;
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<RiskFlag> out) throws Exception {
        if (revision.value() == null) {
            RiskFlag flag;
            try {
                flag = build(0);
            } catch (RuntimeException e) {
                // The crossing's flag cannot be built: it is a dead letter, and nothing of it stays in state.
                ctx.output(DeadLetters.TAG, failures.on(e, ctx.getCurrentKey(), timestamp));
                matches.clear();
                return;
            }
            revision.update(0);
            out.collect(flag);
        } else {
            matches.clear();
            revision.clear();
        }
    }

    private RiskFlag build(int rev) throws Exception {
        List<PersonMatch> all = new ArrayList<>();
        matches.values().forEach(all::add);
        all.sort(BY_ALERT_ID);
        CrossingProbe crossing = all.get(0).getCrossing();
        boolean person = PersonAlertRule.DESCRIPTOR.id().equals(all.get(0).getRuleId());
        RiskFlag flag =
                person ? personRule.flag(crossing, all, pseudonymiser) : returnRule.flag(crossing, all, pseudonymiser);
        return rev == 0
                ? flag
                : RiskFlag.newBuilder(flag)
                        .setRevision(rev)
                        .setStatus(FlagStatus.REVISED)
                        .build();
    }
}
