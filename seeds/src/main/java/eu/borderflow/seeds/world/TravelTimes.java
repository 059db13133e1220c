package eu.borderflow.seeds.world;

import com.fasterxml.jackson.databind.JsonNode;
import eu.borderflow.config.ConfigLoader;
import eu.borderflow.schema.BorderType;
import eu.borderflow.seeds.reference.Bcp;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The fastest plausible door-to-door time between two BCPs, with the speeds R7 uses (rules.yaml), so that the
 * background never plans a trip the impossible-travel rule would flag and scenarios know what is impossible.
 */
public final class TravelTimes {

    private final long[][] minMillis;

    public TravelTimes(List<Bcp> bcps, ConfigLoader config) {
        JsonNode r7 = config.tree("rules").at("/rules/R7");
        Map<BorderType, Double> speeds = new EnumMap<>(BorderType.class);
        r7.path("max_speed_kmh").fields().forEachRemaining(e -> speeds.put(BorderType.valueOf(e.getKey()), e.getValue().asDouble()));
        long transfer = Duration.parse(r7.path("min_transfer").asText()).toMillis();
        minMillis = new long[bcps.size()][bcps.size()];
        for (Bcp a : bcps) {
            for (Bcp b : bcps) {
                if (a.index() != b.index()) {
                    double speed = Math.min(speeds.get(a.type()), speeds.get(b.type()));
                    double hours = a.position().distanceKm(b.position()) / speed;
                    minMillis[a.index()][b.index()] = transfer + (long) Math.ceil(hours * Period.HOUR_MILLIS);
                }
            }
        }
    }

    /** Minimum plausible millis between crossing at {@code from} and at {@code to}; 0 for the same BCP. */
    public long minMillis(int from, int to) {
        return minMillis[from][to];
    }
}
