package eu.borderflow.risk.flag;

import eu.borderflow.flag.FlagTime;
import eu.borderflow.privacy.Pseudonymiser;
import eu.borderflow.risk.rules.CrossingFacts;
import eu.borderflow.risk.rules.RuleDescriptor;
import eu.borderflow.schema.Condition;
import eu.borderflow.schema.FlagStatus;
import eu.borderflow.schema.RiskFlag;
import eu.borderflow.schema.Severity;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Builds flags the one way every rule must: stable id, human review required, tokens only. */
public final class Flags {

    private Flags() {}

    /** The stable id shared by every revision of a flag: {@code <rule>:<trigger event id>}. */
    public static String flagId(RuleDescriptor rule, String triggerEventId) {
        return rule.id() + ':' + triggerEventId;
    }

    public static Builder raise(RuleDescriptor rule, String triggerEventId) {
        return new Builder(rule, triggerEventId);
    }

    /**
     * A flag triggered by {@code crossing}: the subject is the token of its EES file, it stands at the crossing's BCP
     * and time, and it is kept as long as the crossing.
     */
    public static Builder raiseOn(RuleDescriptor rule, CrossingFacts crossing, Pseudonymiser tokens) {
        return raise(rule, crossing.getEventId())
                .subject(tokens.token(Pseudonymiser.Domain.FILE, crossing.getFileId()), tokens.keyId())
                .at(Instant.ofEpochMilli(crossing.getEventTime()), crossing.getBcpCode(), crossing.getSectionId())
                .keepUntil(LocalDate.ofEpochDay(crossing.getRetentionUntil()));
    }

    /**
     * The next revision of {@code flag}, withdrawn by a record of event time {@code withdrawnBy}, with the reason
     * appended to its explanation. It is raised at that event time, or at the withdrawn revision's when the record is
     * older (a late upload withdraws in the event time the flag had reached).
     */
    public static RiskFlag withdraw(
            RiskFlag flag, String reason, List<Condition> conditions, List<String> evidence, Instant withdrawnBy) {
        Instant raised = FlagTime.raisedAt(flag);
        return RiskFlag.newBuilder(flag)
                .setRevision(flag.getRevision() + 1)
                .setStatus(FlagStatus.WITHDRAWN)
                .setRaisedEventTime(withdrawnBy.isAfter(raised) ? withdrawnBy : raised)
                .setExplanation("Withdrawn: " + reason + " (was: " + flag.getExplanation() + ")")
                .setConditions(conditions)
                .setEvidenceIds(evidence)
                .build();
    }

    public static Condition condition(String name, Object observed, String operator, Object threshold, boolean met) {
        return new Condition(name, String.valueOf(observed), operator, String.valueOf(threshold), met);
    }

    /** Fluent construction of a first revision; every field a reviewer needs is mandatory. */
    public static final class Builder {
        private final RiskFlag.Builder flag = RiskFlag.newBuilder();

        private Builder(RuleDescriptor rule, String triggerEventId) {
            flag.setFlagId(flagId(rule, triggerEventId))
                    .setRevision(0)
                    .setStatus(FlagStatus.RAISED)
                    .setSynthetic(true)
                    .setRuleId(rule.id())
                    .setRuleVersion(rule.version())
                    .setKind(rule.kind())
                    .setTriggerEventId(triggerEventId)
                    .setRequiresHumanReview(true);
        }

        public Builder subject(String token, String keyId) {
            flag.setSubjectToken(token).setTokenKeyId(keyId);
            return this;
        }

        /** The trigger's event time and place; the flag is raised at that time unless {@link #raisedAt} says when. */
        public Builder at(Instant eventTime, String bcpCode, String sectionId) {
            flag.setEventTime(eventTime)
                    .setBcpCode(bcpCode)
                    .setSectionId(sectionId)
                    .setRaisedEventTime(eventTime);
            return this;
        }

        /** The event time at which a rule that fires when a deadline passes raised the flag: that deadline. */
        public Builder raisedAt(Instant raisedEventTime) {
            flag.setRaisedEventTime(raisedEventTime);
            return this;
        }

        public Builder assess(Severity severity, String recommendedAction) {
            flag.setSeverity(severity).setRecommendedAction(recommendedAction);
            return this;
        }

        public Builder explain(String explanation, List<Condition> conditions, List<String> evidenceIds) {
            flag.setExplanation(explanation).setConditions(conditions).setEvidenceIds(evidenceIds);
            return this;
        }

        public Builder keepUntil(LocalDate retentionUntil) {
            flag.setRetentionUntil(retentionUntil);
            return this;
        }

        public RiskFlag build() {
            return flag.build();
        }
    }
}
