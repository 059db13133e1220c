package eu.borderflow.travel;

import com.fasterxml.jackson.databind.JsonNode;
import eu.borderflow.config.ConfigException;
import eu.borderflow.config.ConfigLoader;
import eu.borderflow.reference.BcpRecord;
import eu.borderflow.schema.BorderType;
import java.io.Serializable;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.Map;

/**
 * R7's impossible travel (DOMAIN.md "Impossible travel", docs/RULES.md): two crossings of one document at different
 * BCPs are faster than possible when the time between them is shorter than the minimum transfer time <em>plus</em>
 * the great-circle distance over the fastest plausible door-to-door speed of the slower of the two border types. The
 * one definition used by the risk job and by the generator's ground truth and travel plans.
 */
public final class MinimumTravelTime implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final double EARTH_RADIUS_KM = 6371.0088;
    private static final double MILLIS_PER_HOUR = 3_600_000.0;

    private final Map<BorderType, Integer> maxSpeedKmh;
    private final long minTransferMillis;

    public MinimumTravelTime(Map<BorderType, Integer> maxSpeedKmh, Duration minTransfer) {
        this.maxSpeedKmh = new EnumMap<>(BorderType.class);
        for (BorderType type : BorderType.values()) {
            Integer speed = maxSpeedKmh.get(type);
            if (speed == null || speed <= 0) {
                throw new IllegalArgumentException("no positive fastest plausible speed for " + type);
            }
            this.maxSpeedKmh.put(type, speed);
        }
        if (minTransfer.isNegative()) {
            throw new IllegalArgumentException("the minimum transfer time cannot be negative: " + minTransfer);
        }
        this.minTransferMillis = minTransfer.toMillis();
    }

    /** The definition as configured: rules.yaml {@code rules.R7.max_speed_kmh} and {@code rules.R7.min_transfer}. */
    public static MinimumTravelTime fromConfig(ConfigLoader config) {
        JsonNode r7 = config.tree("rules").at("/rules/R7");
        Map<BorderType, Integer> speeds = new EnumMap<>(BorderType.class);
        r7.path("max_speed_kmh")
                .fields()
                .forEachRemaining(e ->
                        speeds.put(BorderType.valueOf(e.getKey()), e.getValue().asInt()));
        try {
            return new MinimumTravelTime(
                    speeds, Duration.parse(r7.path("min_transfer").asText()));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new ConfigException("rules.yaml rules.R7: " + e.getMessage(), e);
        }
    }

    /** The fastest plausible speed between border types {@code a} and {@code b}: that of the slower. */
    public int speedKmh(BorderType a, BorderType b) {
        return Math.min(maxSpeedKmh.get(a), maxSpeedKmh.get(b));
    }

    public long minTransferMillis() {
        return minTransferMillis;
    }

    /** The minimum time between crossings {@code distanceKm} apart at BCPs of types {@code a} and {@code b}, millis. */
    public long minimumMillis(double distanceKm, BorderType a, BorderType b) {
        return minTransferMillis + (long) Math.ceil(distanceKm / speedKmh(a, b) * MILLIS_PER_HOUR);
    }

    /** The minimum time between crossings at two different BCPs, millis. */
    public long minimumMillis(BcpRecord from, BcpRecord to) {
        return minimumMillis(
                distanceKm(from.latitude(), from.longitude(), to.latitude(), to.longitude()), from.type(), to.type());
    }

    /** True when {@code gapMillis} between crossings at two different BCPs is shorter than possible. */
    public static boolean tooFast(long gapMillis, long minimumMillis) {
        return Math.abs(gapMillis) < minimumMillis;
    }

    /** Great-circle distance by the haversine formula (mean Earth radius), km. */
    public static double distanceKm(double latitudeA, double longitudeA, double latitudeB, double longitudeB) {
        double phi1 = Math.toRadians(latitudeA);
        double phi2 = Math.toRadians(latitudeB);
        double dPhi = phi2 - phi1;
        double dLambda = Math.toRadians(longitudeB - longitudeA);
        double h = Math.sin(dPhi / 2) * Math.sin(dPhi / 2)
                + Math.cos(phi1) * Math.cos(phi2) * Math.sin(dLambda / 2) * Math.sin(dLambda / 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
    }
}
