package eu.borderflow.risk.alerts;

import eu.borderflow.config.ConfigLoader;
import eu.borderflow.privacy.Pseudonymiser;
import eu.borderflow.schema.RiskFlag;
import org.apache.flink.util.Collector;

import java.util.ArrayList;
import java.util.List;

/**
 * R2 and R9's as-of join, keyed by name blocking key: compares the traveller with each person alert in force that
 * shares this key. A pair that shares several keys is evaluated only at the smallest of them, so each flag is raised
 * once.
 */
public class PersonAlertMatcher extends AlertAsOfJoin {

    private static final long serialVersionUID = 1L;

    private final PersonMatcher matcher;
    private final PersonAlertRule personRule;
    private final ReturnAlertRule returnRule;
    private final boolean personEnabled;
    private final boolean returnEnabled;

    public PersonAlertMatcher(ConfigLoader config) {
        super(config);
        AlertRuleSettings person = AlertRuleSettings.load(config, PersonAlertRule.DESCRIPTOR.id());
        AlertRuleSettings returns = AlertRuleSettings.load(config, ReturnAlertRule.DESCRIPTOR.id());
        this.matcher = new PersonMatcher(person.getNameSimilarityMin());
        this.personRule = new PersonAlertRule(person);
        this.returnRule = new ReturnAlertRule(returns);
        this.personEnabled = person.isEnabled();
        this.returnEnabled = returns.isEnabled();
    }

    @Override
    protected void evaluate(CrossingProbe crossing, List<AlertVersion> inForce, Pseudonymiser pseudonymiser,
                            Collector<RiskFlag> out) {
        List<PersonMatch> personMatches = null;
        List<PersonMatch> returnMatches = null;
        boolean returnApplies = returnEnabled && ReturnAlertRule.applies(crossing);
        for (AlertVersion alert : inForce) {
            boolean forPerson = personEnabled && PersonAlertRule.BASES.contains(alert.getBasis());
            boolean forReturn = returnApplies && alert.getBasis() == ReturnAlertRule.BASIS;
            if (!(forPerson || forReturn) || !alert.firstSharedKeyIs(crossing.getKeys(), crossing.getKey())) {
                continue;
            }
            PersonMatch match = matcher.compare(crossing, alert);
            if (!match.matched()) {
                continue;
            }
            if (forPerson) {
                personMatches = add(personMatches, match);
            } else {
                returnMatches = add(returnMatches, match);
            }
        }
        if (personMatches != null) {
            out.collect(personRule.flag(crossing, personMatches, pseudonymiser));
        }
        if (returnMatches != null) {
            out.collect(returnRule.flag(crossing, returnMatches, pseudonymiser));
        }
    }

    private static List<PersonMatch> add(List<PersonMatch> matches, PersonMatch match) {
        List<PersonMatch> list = matches == null ? new ArrayList<>(1) : matches;
        list.add(match);
        return list;
    }
}
