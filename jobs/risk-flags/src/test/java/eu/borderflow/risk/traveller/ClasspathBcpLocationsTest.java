package eu.borderflow.risk.traveller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import eu.borderflow.schema.BorderType;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ClasspathBcpLocationsTest {

    @Test
    void locatesTheBcpsOfTheShippedTable() {
        BcpLocations bcps = ClasspathBcpLocations.reference();
        assertEquals(
                new BcpLocation("FIN-A-HEL", BorderType.AIR, 60.3172, 24.9633, ZoneId.of("Europe/Helsinki")),
                bcps.find("FIN-A-HEL"));
        assertEquals(BorderType.SEA, bcps.find("GRC-S-PIR").type());
        assertEquals(ZoneId.of("Europe/Athens"), bcps.find("GRC-S-PIR").zone());
        assertNull(bcps.find("XXX-A-NOPE"));
    }

    @Test
    void aMissingTableFailsWithItsName() {
        IllegalStateException e = assertThrows(
                IllegalStateException.class,
                () -> new ClasspathBcpLocations("/traveller/no-such.csv").find("FIN-A-HEL"));
        assertEquals("BCP reference table /traveller/no-such.csv is not on the classpath", e.getMessage());
    }
}
