package eu.borderflow.risk.traveller;

import eu.borderflow.job.config.ConfigChecks;
import eu.borderflow.risk.RiskSettings;
import eu.borderflow.risk.rules.RuleSettings;
import java.time.Duration;

/** R4's settings ({@code rules.yaml /rules/R4}): the grace left for late (fall-back) exit uploads. */
public final class MissingExitSettings extends RuleSettings {

    private static final long serialVersionUID = 1L;

    private Duration grace;

    public static MissingExitSettings load(RiskSettings config) {
        return load(config, "R4", MissingExitSettings.class);
    }

    @Override
    protected void check(String section) {
        super.check(section);
        ConfigChecks.notNegative(section + "/grace", grace);
    }

    public Duration getGrace() {
        return grace;
    }

    public void setGrace(Duration grace) {
        this.grace = grace;
    }
}
