package eu.borderflow.risk.rules;

import eu.borderflow.config.ConfigException;
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

    /** Binds {@code rules.yaml /rules/<ruleId>} to {@code type} and checks it ({@link #check}). */
    protected static <T extends RuleSettings> T load(RiskSettings config, String ruleId, Class<T> type) {
        T settings = config.rule(ruleId, type);
        settings.check("rules.yaml /rules/" + ruleId);
        return settings;
    }

    /**
     * Throws {@link ConfigException} for a value the rule cannot run with, naming it under {@code section}: on the
     * client, when the job is built, rather than on a TaskManager for every record. A subclass checks its thresholds.
     */
    protected void check(String section) {
        if (version == null || version.isBlank()) {
            throw new ConfigException(section + "/version must be set (the version every flag of the rule carries)");
        }
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
