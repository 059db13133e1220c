package eu.borderflow.risk.traveller;

import eu.borderflow.config.ConfigLoader;

import java.io.Serializable;
import java.time.Duration;

/** R4's settings ({@code rules.yaml /rules/R4}): the grace left for late (fall-back) exit uploads. */
public final class MissingExitSettings implements Serializable {

    private static final long serialVersionUID = 1L;

    private boolean enabled;
    private String version;
    private Duration grace;

    public static MissingExitSettings load(ConfigLoader config) {
        return config.bind("rules", "/rules/R4", MissingExitSettings.class);
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

    public Duration getGrace() {
        return grace;
    }

    public void setGrace(Duration grace) {
        this.grace = grace;
    }
}
