package eu.borderflow.risk.rules;

import eu.borderflow.risk.RiskSettings;
import java.io.Serializable;

/**
 * What every rule's section of {@code rules.yaml /rules/Rn} has: its on/off switch and its version. A rule's own
 * thresholds live in a subclass, which {@link #load} binds together with these two.
 */
public abstract class RuleSettings implements Serializable {

    private static final long serialVersionUID = 1L;

    private boolean enabled;
    private String version;

    /** Binds {@code rules.yaml /rules/<ruleId>} to {@code type}. */
    protected static <T extends RuleSettings> T load(RiskSettings config, String ruleId, Class<T> type) {
        return config.rule(ruleId, type);
    }

    /** The rule's descriptor carrying the configured version. */
    public RuleDescriptor describe(RuleDescriptor descriptor) {
        return descriptor.withVersion(version);
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getVersion() {
        return version;
    }

    public void setVersion(String version) {
        this.version = version;
    }
}
