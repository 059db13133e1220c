package eu.borderflow.risk.traveller;

import eu.borderflow.schema.BorderType;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ClasspathBcpLocationsTest {

    @Test
    void readsTheAgreedHeaderAndTheGeneratorsOne() {
        BcpLocation helsinki = new ClasspathBcpLocations("/traveller/bcps-test.csv").find("FIN-A-HEL");
        assertEquals(new BcpLocation("FIN-A-HEL", BorderType.AIR, 60.3172, 24.9633, ZoneId.of("Europe/Helsinki")),
                helsinki);
        BcpLocation piraeus = new ClasspathBcpLocations("/traveller/bcps-seeds-header.csv").find("GRC-S-PIR");
        assertEquals(ZoneId.of("Europe/Athens"), piraeus.zone());
        assertEquals(BorderType.SEA, piraeus.type());
    }

    @Test
    void unknownCodesAndAMissingResourceGiveNoLocation() {
        assertNull(new ClasspathBcpLocations("/traveller/bcps-test.csv").find("XXX-A-NOPE"));
        assertNull(new ClasspathBcpLocations("/traveller/no-such.csv").find("FIN-A-HEL"));
    }
}
