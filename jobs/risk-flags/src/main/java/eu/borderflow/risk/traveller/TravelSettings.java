package eu.borderflow.risk.traveller;

import eu.borderflow.config.ConfigLoader;
import eu.borderflow.schema.BorderType;

import java.io.Serializable;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/** R7's thresholds ({@code rules.yaml /rules/R7}): plausible speeds by border type and a minimum transfer time. */
public final class TravelSettings implements Serializable {

    private static final long serialVersionUID = 1L;

    private boolean enabled;
    private String version;
    private Map<BorderType, Integer> maxSpeedKmh = new EnumMap<>(BorderType.class);
    private Duration minTransfer;

    public static TravelSettings load(ConfigLoader config) {
        return config.bind("rules", "/rules/R7", TravelSettings.class);
    }

    /** The fastest plausible speed between two BCPs: that of the slower border type. */
    public int maxSpeedKmh(BorderType a, BorderType b) {
        return Math.min(speed(a), speed(b));
    }

    private int speed(BorderType type) {
        Integer speed = maxSpeedKmh.get(type);
        if (speed == null || speed <= 0) {
            throw new IllegalStateException("rules.yaml /rules/R7/max_speed_kmh has no positive speed for " + type);
        }
        return speed;
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
