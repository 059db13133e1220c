package eu.borderflow.job.config;

import eu.borderflow.config.ConfigException;
import java.time.Duration;

/**
 * Range checks of bound settings, on the client: a value out of range is a {@link ConfigException} naming the setting,
 * never a rule that fails on a TaskManager for every record.
 */
public final class ConfigChecks {

    private ConfigChecks() {}

    public static Duration notNegative(String setting, Duration value) {
        if (value == null || value.isNegative()) {
            throw new ConfigException(
                    setting + " must be a duration of zero or more (ISO-8601, e.g. PT72H), not " + value);
        }
        return value;
    }

    public static Duration positive(String setting, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new ConfigException(setting + " must be a positive duration (ISO-8601, e.g. PT1M), not " + value);
        }
        return value;
    }

    public static int atLeast(String setting, int value, int least) {
        if (value < least) {
            throw new ConfigException(setting + " must be at least " + least + ", not " + value);
        }
        return value;
    }
}
