package eu.borderflow.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import eu.borderflow.schema.BorderType;
import eu.borderflow.schema.SectionImpactLevel;
import java.util.EnumSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SectionTableTest {

    @Test
    void theShippedTableHasLandSeaAndAirSectionsForEveryBcp() {
        SectionTable table = SectionTable.load();
        assertEquals(
                EnumSet.allOf(BorderType.class),
                table.rows().stream().map(SectionRecord::type).collect(Collectors.toSet()));
        SectionRecord polBlr = table.find("LAND-POL-BLR");
        assertEquals(SectionImpactLevel.CRITICAL, polBlr.impactLevel());
        assertEquals(new SectionRecord.LatLon(53.95, 23.5), polBlr.geometry().get(0));
        for (BcpRecord bcp : BcpTable.load().rows()) {
            assertTrue(table.find(bcp.sectionId()) != null, bcp.code() + " lies on a known section");
        }
        assertNull(table.find("LAND-XXX"));
    }

    @Test
    void aMalformedSectionIsNamed() {
        IllegalStateException level = assertThrows(IllegalStateException.class, () -> read("""
                sections:
                  - {id: A, name: a, type: LAND, impact_level: SEVERE, geometry: [[1, 2], [3, 4]]}
                """));
        assertTrue(level.getMessage().startsWith("test section A: "), level.getMessage());
        IllegalStateException point = assertThrows(IllegalStateException.class, () -> read("""
                sections:
                  - {id: A, name: a, type: LAND, impact_level: LOW, geometry: [[1, 2], [3]]}
                """));
        assertEquals("test section A: a geometry point must be [latitude, longitude]", point.getMessage());
        IllegalStateException twice = assertThrows(IllegalStateException.class, () -> read("""
                sections:
                  - {id: A, name: a, type: LAND, impact_level: LOW, geometry: [[1, 2], [3, 4]]}
                  - {id: A, name: b, type: SEA, impact_level: LOW, geometry: [[1, 2], [3, 4]]}
                """));
        assertEquals("test: section A appears twice", twice.getMessage());
        IllegalStateException noName = assertThrows(IllegalStateException.class, () -> read("""
                sections:
                  - {id: A, type: LAND, impact_level: LOW, geometry: [[1, 2], [3, 4]]}
                """));
        assertEquals("test section A: no name", noName.getMessage());
    }

    private static SectionTable read(String yaml) throws Exception {
        return SectionTable.read(new ObjectMapper(new YAMLFactory()).readTree(yaml), "test");
    }
}
