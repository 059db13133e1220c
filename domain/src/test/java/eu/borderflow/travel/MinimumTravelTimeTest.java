package eu.borderflow.travel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.borderflow.config.ConfigLoader;
import eu.borderflow.reference.BcpRecord;
import eu.borderflow.reference.BcpTable;
import eu.borderflow.schema.BorderType;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** R7's minimum time: the minimum transfer PLUS the distance over the slower border type's fastest plausible speed. */
class MinimumTravelTimeTest {

    private static final MinimumTravelTime RULES = MinimumTravelTime.fromConfig(ConfigLoader.defaults());

    @Test
    void transferPlusDistanceOverTheSlowerSpeed() {
        // 950 km by air at 950 km/h: one hour, plus the 30-minute transfer.
        assertEquals(Duration.ofMinutes(90).toMillis(), RULES.minimumMillis(950, BorderType.AIR, BorderType.AIR));
        // Air to land: the land speed (130 km/h) governs: 130 km take an hour.
        assertEquals(Duration.ofMinutes(90).toMillis(), RULES.minimumMillis(130, BorderType.AIR, BorderType.LAND));
        // Sea: 60 km/h.
        assertEquals(Duration.ofMinutes(30 + 60).toMillis(), RULES.minimumMillis(60, BorderType.SEA, BorderType.AIR));
    }

    @Test
    void helsinkiToLisbonNeedsOverFourHours() {
        BcpTable table = BcpTable.load();
        BcpRecord hel = table.rows().stream()
                .filter(r -> r.code().equals("FIN-A-HEL"))
                .findFirst()
                .orElseThrow();
        BcpRecord lis = table.rows().stream()
                .filter(r -> r.code().equals("PRT-A-LIS"))
                .findFirst()
                .orElseThrow();
        double km = MinimumTravelTime.distanceKm(hel.latitude(), hel.longitude(), lis.latitude(), lis.longitude());
        assertTrue(km > 3300 && km < 3450, "great-circle Helsinki-Lisbon " + km);
        long minimum = RULES.minimumMillis(hel, lis);
        assertEquals(Duration.ofMinutes(30).toMillis() + (long) Math.ceil(km / 950 * 3_600_000), minimum);
        assertTrue(MinimumTravelTime.tooFast(minimum - 1, minimum));
        assertFalse(MinimumTravelTime.tooFast(minimum, minimum));
        assertTrue(MinimumTravelTime.tooFast(-(minimum - 1), minimum), "order of the pair does not matter");
    }

    @Test
    void everyBorderTypeNeedsASpeed() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new MinimumTravelTime(Map.of(BorderType.AIR, 950), Duration.ofMinutes(30)));
    }
}
