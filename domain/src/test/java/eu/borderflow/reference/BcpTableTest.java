package eu.borderflow.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.borderflow.schema.BorderType;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class BcpTableTest {

    private static final String HEADER = "code,name,country,type,latitude,longitude,time_zone,section_id,weight\n";

    @Test
    void theShippedTableHasAtLeast60RealBcpsInAtLeast12StatesOfEveryKind() {
        BcpTable table = BcpTable.load();
        assertTrue(table.rows().size() >= 60, "found " + table.rows().size());
        assertTrue(table.rows().stream().map(BcpRecord::country).distinct().count() >= 12);
        assertEquals(
                java.util.EnumSet.allOf(BorderType.class),
                table.rows().stream().map(BcpRecord::type).collect(Collectors.toSet()));
        BcpRecord helsinki = table.find("FIN-A-HEL");
        assertEquals(
                new BcpRecord(
                        "FIN-A-HEL",
                        "Helsinki-Vantaa Airport",
                        "FIN",
                        BorderType.AIR,
                        60.3172,
                        24.9633,
                        ZoneId.of("Europe/Helsinki"),
                        "AIR-FIN",
                        12),
                helsinki);
        assertNull(table.find("code"));
    }

    @Test
    void aMalformedRowIsNamed() {
        IllegalStateException noZone =
                assertThrows(IllegalStateException.class, () -> read(HEADER + "X-A-1,X,XXX,AIR,1,2,,S,1\n"));
        assertEquals("test line 2: no time_zone", noZone.getMessage());
        IllegalStateException badType = assertThrows(
                IllegalStateException.class,
                () -> read(HEADER + "X-A-1,X,XXX,AIR,1,2,Europe/Paris,S,1\nX-B-2,X,XXX,RAIL,1,2,Europe/Paris,S,1\n"));
        assertTrue(badType.getMessage().startsWith("test line 3: "), badType.getMessage());
    }

    @Test
    void aMissingResourceIsNamed() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> BcpTable.load("/no/such.csv"));
        assertEquals("BCP reference table /no/such.csv is not on the classpath", e.getMessage());
    }

    private static BcpTable read(String csv) throws Exception {
        return BcpTable.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "test");
    }
}
