package eu.borderflow.risk.rules;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.FindingKind;
import java.util.Set;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class ProtectedAttributesTest {

    @Test
    void anAllowListWithAProtectedAttributeIsRefused() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new RuleDescriptor("RX", "1", FindingKind.RISK, Set.of("event_time", "traveller.religion")));
        assertThrows(
                IllegalArgumentException.class,
                () -> new RuleDescriptor("RX", "1", FindingKind.RISK, Set.of("traveller.nationality")));
        assertThrows(
                IllegalArgumentException.class,
                () -> new RuleDescriptor(
                        "RX",
                        "1",
                        FindingKind.RISK,
                        Set.of("traveller.nationality", "traveller.sex", "traveller.date_of_birth")));
    }

    @Test
    void theIngestRecordsCarryNoForbiddenAttributeAtAll() {
        assertNoForbiddenField(BorderCrossing.getClassSchema(), "");
        assertNoForbiddenField(eu.borderflow.schema.AlertChange.getClassSchema(), "");
    }

    private static void assertNoForbiddenField(Schema schema, String prefix) {
        for (Schema.Field field : schema.getFields()) {
            String path = prefix + field.name();
            for (String word : ProtectedAttributes.FORBIDDEN) {
                assertFalse(path.toLowerCase().contains(word), path);
            }
            Schema type = field.schema();
            if (type.getType() == Schema.Type.UNION) {
                type = type.getTypes().get(type.getTypes().size() - 1);
            }
            if (type.getType() == Schema.Type.RECORD) {
                assertNoForbiddenField(type, path + ".");
            }
        }
    }
}
