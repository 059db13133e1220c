package eu.borderflow.picture.output;

import static eu.borderflow.picture.testing.Pictures.at;
import static eu.borderflow.picture.testing.Pictures.hour;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import eu.borderflow.schema.PictureUpdate;
import eu.borderflow.schema.serde.SingleObjectSerde;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The same window is the same bytes, however its maps were filled on the way to the sink. */
class MapsInKeyOrderTest {

    @Test
    void mapsFilledInAnyOrderAreWrittenAlike() {
        // R2 and R10 share a bucket of a small HashMap: there, their order is the order they were put in.
        Map<String, Long> oneWay = new LinkedHashMap<>();
        oneWay.put("R2", 1L);
        oneWay.put("R10", 1L);
        Map<String, Long> otherWay = new LinkedHashMap<>();
        otherWay.put("R10", 1L);
        otherWay.put("R2", 1L);
        PictureUpdate a = PictureUpdate.newBuilder(hour(at("2025-01-06T10:00:00Z"), 1, 2, null))
                .setFlagsByRule(new HashMap<>(oneWay))
                .build();
        PictureUpdate b = PictureUpdate.newBuilder(a)
                .setFlagsByRule(new HashMap<>(otherWay))
                .build();
        SingleObjectSerde<PictureUpdate> serde = SingleObjectSerde.of(PictureUpdate.class);
        assertFalse(
                List.copyOf(a.getFlagsByRule().keySet())
                        .equals(List.copyOf(b.getFlagsByRule().keySet())),
                "the premise: two hash maps with the same keys in different orders");

        MapsInKeyOrder inOrder = new MapsInKeyOrder();
        assertArrayEquals(serde.encode(inOrder.map(a)), serde.encode(inOrder.map(b)));
        assertEquals(
                List.of("R10", "R2"),
                List.copyOf(inOrder.map(b).getFlagsByRule().keySet()));
    }
}
