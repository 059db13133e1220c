package eu.borderflow.job.ingest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class KnownBcpsTest {

    @Test
    void knowsTheCodesOfTheShippedReferenceTable() {
        KnownBcps bcps = KnownBcps.fromClasspath();
        assertTrue(bcps.size() >= 60, "the issue asks for at least 60 real BCPs, found " + bcps.size());
        assertTrue(bcps.contains("DEU-A-FRA"));
        assertFalse(bcps.contains("code"));
        assertFalse(bcps.contains("XXX-A-NOPE"));
    }
}
