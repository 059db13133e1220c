package eu.borderflow.risk.alerts;

import eu.borderflow.risk.RiskSettings;
import eu.borderflow.privacy.Pseudonymiser;
import eu.borderflow.schema.FlagStatus;
import eu.borderflow.schema.RiskFlag;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Keyed by flag id (rule and crossing): one flag for all the person matches of a crossing, which the matcher finds at
 * different blocking keys. Matches are collected until the watermark passes the crossing's event time (every key has
 * evaluated it by then), then the rule builds the flag. A match of a late crossing that arrives after the flag was
 * raised revises it. The matches are forgotten after rules.yaml /time/allowed_lateness.
 */
public class PersonFlagAssembler extends KeyedProcessFunction<String, PersonMatch, RiskFlag> {

    private static final long serialVersionUID = 1L;
    private static final Comparator<PersonMatch> BY_ALERT_ID = Comparator.comparing(m -> m.getAlert().getAlertId());

    private final PersonAlertRule personRule;
    private final ReturnAlertRule returnRule;
    private final long forgetAfterMillis;
    private final Pseudonymiser pseudonymiser;
    private transient MapState<String, PersonMatch> matches;
    private transient ValueState<Integer> revision;

    public PersonFlagAssembler(RiskSettings config) {
        this.pseudonymiser = config.tokens();
        this.personRule = new PersonAlertRule(AlertRuleSettings.load(config, PersonAlertRule.DESCRIPTOR.id()));
        this.returnRule = new ReturnAlertRule(AlertRuleSettings.load(config, ReturnAlertRule.DESCRIPTOR.id()));
        this.forgetAfterMillis = config.time().getAllowedLateness().toMillis();
    }

    @Override
    public void open(OpenContext openContext) {
        matches = getRuntimeContext().getMapState(
                new MapStateDescriptor<>("person-matches", Types.STRING, PersonMatch.TYPE));
        revision = getRuntimeContext().getState(new ValueStateDescriptor<>("flag-revision", Types.INT));
    }

    @Override
    public void processElement(PersonMatch match, Context ctx, Collector<RiskFlag> out) throws Exception {
        boolean first = matches.isEmpty();
        matches.put(match.getAlert().getAlertId(), match);
        Integer raised = revision.value();
        if (raised != null) {
            revision.update(raised + 1);
            out.collect(build(raised + 1));
        } else if (first) {
            long at = match.getCrossing().getEventTime();
            ctx.timerService().registerEventTimeTimer(at);
            ctx.timerService().registerEventTimeTimer(at + forgetAfterMillis);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<RiskFlag> out) throws Exception {
        if (revision.value() == null) {
            revision.update(0);
            out.collect(build(0));
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
        RiskFlag flag = person
                ? personRule.flag(crossing, all, pseudonymiser)
                : returnRule.flag(crossing, all, pseudonymiser);
        return rev == 0 ? flag : RiskFlag.newBuilder(flag).setRevision(rev).setStatus(FlagStatus.REVISED).build();
    }
}
