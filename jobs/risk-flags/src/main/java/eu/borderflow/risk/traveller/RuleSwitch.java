package eu.borderflow.risk.traveller;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import eu.borderflow.config.ConfigLoader;
import eu.borderflow.risk.rules.RuleDescriptor;

import java.io.Serializable;

/** The switch and version every rule has in {@code rules.yaml /rules/Rn}; thresholds are bound by the rule itself. */
@JsonIgnoreProperties(ignoreUnknown = true)
public final class RuleSwitch implements Serializable {

    private static final long serialVersionUID = 1L;

    private boolean enabled;
    private String version;

    public static RuleSwitch load(ConfigLoader config, String ruleId) {
        return config.bind("rules", "/rules/" + ruleId, RuleSwitch.class);
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
