package eu.borderflow.risk.rules;

import java.io.Serializable;

/**
 * A rule with its section of {@code rules.yaml}: the settings it was built with, and its descriptor carrying the
 * configured version.
 *
 * @param <S> the rule's settings: its switch and version, and its own thresholds if it has any
 */
public abstract class ConfiguredRule<S extends RuleSettings> implements Serializable {

    private static final long serialVersionUID = 1L;

    protected final S settings;
    protected final RuleDescriptor descriptor;

    protected ConfiguredRule(S settings, RuleDescriptor descriptor) {
        this.settings = settings;
        this.descriptor = settings.describe(descriptor);
    }

    public boolean enabled() {
        return settings.isEnabled();
    }
}
