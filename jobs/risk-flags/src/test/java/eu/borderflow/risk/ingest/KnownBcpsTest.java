package eu.borderflow.risk.ingest;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KnownBcpsTest {

    @Test
    void readsTheCodeColumnOfTheReferenceTableOnTheClasspath() {
        KnownBcps bcps = KnownBcps.fromClasspath();
        assertEquals(3, bcps.size());
        assertTrue(bcps.contains("PLTER"));
        assertFalse(bcps.contains("code"));
    }

    @Test
    void refusesATableWithoutTheExpectedHeader() {
        assertThrows(IllegalStateException.class, () -> KnownBcps.read(
                new ByteArrayInputStream("name,code\nx,y\n".getBytes(StandardCharsets.UTF_8))));
    }
}
