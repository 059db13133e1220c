package eu.borderflow.risk.traveller;

import eu.borderflow.config.ConfigException;
import eu.borderflow.job.config.ConfigChecks;
import eu.borderflow.risk.RiskSettings;
import eu.borderflow.risk.rules.RuleSettings;
import eu.borderflow.schema.BorderType;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/** R7's thresholds ({@code rules.yaml /rules/R7}): plausible speeds by border type and a minimum transfer time. */
public final class TravelSettings extends RuleSettings {

    private static final long serialVersionUID = 1L;

    private Map<BorderType, Integer> maxSpeedKmh = new EnumMap<>(BorderType.class);
    private Duration minTransfer;

    public static TravelSettings load(RiskSettings config) {
        return load(config, "R7", TravelSettings.class);
    }

    /** The fastest plausible speed between two BCPs: that of the slower border type. */
    public int maxSpeedKmh(BorderType a, BorderType b) {
        return Math.min(speed(a), speed(b));
    }

    private int speed(BorderType type) {
        return maxSpeedKmh.get(type);
    }

    /** A positive speed for every border type, and a transfer time of zero or more. */
    @Override
    protected void check(String section) {
        super.check(section);
        for (BorderType type : BorderType.values()) {
            Integer speed = maxSpeedKmh.get(type);
            if (speed == null || speed <= 0) {
                throw new ConfigException(section + "/max_speed_kmh/" + type + " must be a positive speed in km/h, not "
                        + (speed == null ? "missing" : speed));
            }
        }
        ConfigChecks.notNegative(section + "/min_transfer", minTransfer);
    }

    public Map<BorderType, Integer> getMaxSpeedKmh() {
        return maxSpeedKmh;
    }

    public void setMaxSpeedKmh(Map<BorderType, Integer> maxSpeedKmh) {
        this.maxSpeedKmh = new EnumMap<>(maxSpeedKmh);
    }

    public Duration getMinTransfer() {
        return minTransfer;
    }

    public void setMinTransfer(Duration minTransfer) {
        this.minTransfer = minTransfer;
    }
}
