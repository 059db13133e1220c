package eu.borderflow.risk.alerts;

import eu.borderflow.privacy.Pseudonymiser;
import eu.borderflow.risk.RiskSettings;
import java.util.List;
import org.apache.flink.util.Collector;

/**
 * R2 and R9's as-of join, keyed by name blocking key: compares the traveller with each person alert in force that
 * shares this key, and emits the matches. A pair that shares several keys is compared only at the smallest of them,
 * so each (crossing, alert) match is emitted once; {@link PersonFlagAssembler} makes one flag of a crossing's matches.
 */
public class PersonAlertMatcher extends AlertAsOfJoin<PersonMatch> {

    public static final String UID = "alerts-r2-r9-person-matcher";
    private static final long serialVersionUID = 1L;

    private final PersonMatcher matcher;
    private final boolean personEnabled;
    private final boolean returnEnabled;

    public PersonAlertMatcher(RiskSettings config) {
        super(config, UID);
        AlertRuleSettings person = AlertRuleSettings.load(config, PersonAlertRule.DESCRIPTOR.id());
        this.matcher = new PersonMatcher(person.getNameSimilarityMin());
        this.personEnabled = person.isEnabled();
        this.returnEnabled =
                AlertRuleSettings.load(config, ReturnAlertRule.DESCRIPTOR.id()).isEnabled();
    }

    @Override
    protected void evaluate(
            CrossingProbe crossing,
            List<AlertVersion> inForce,
            Pseudonymiser pseudonymiser,
            Collector<PersonMatch> out) {
        boolean returnApplies = returnEnabled && ReturnAlertRule.applies(crossing);
        for (AlertVersion alert : inForce) {
            boolean forPerson = personEnabled && PersonAlertRule.BASES.contains(alert.getBasis());
            boolean forReturn = returnApplies && alert.getBasis() == ReturnAlertRule.BASIS;
            if (!(forPerson || forReturn) || !alert.firstSharedKeyIs(crossing.getKeys(), crossing.getKey())) {
                continue;
            }
            PersonMatch match = matcher.compare(crossing, alert);
            if (match.matched()) {
                match.setRuleId(forPerson ? PersonAlertRule.DESCRIPTOR.id() : ReturnAlertRule.DESCRIPTOR.id());
                out.collect(match);
            }
        }
    }
}
