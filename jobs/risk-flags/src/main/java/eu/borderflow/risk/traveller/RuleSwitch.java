package eu.borderflow.risk.traveller;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import eu.borderflow.risk.RiskSettings;
import eu.borderflow.risk.rules.RuleSettings;

/** The switch and version every rule has in {@code rules.yaml /rules/Rn}; thresholds are bound by the rule itself. */
@JsonIgnoreProperties(ignoreUnknown = true)
public final class RuleSwitch extends RuleSettings {

    private static final long serialVersionUID = 1L;

    public static RuleSwitch load(RiskSettings config, String ruleId) {
        return load(config, ruleId, RuleSwitch.class);
    }
}
