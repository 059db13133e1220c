package eu.borderflow.job.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import eu.borderflow.job.testing.TestRecords;
import eu.borderflow.schema.AlertBasis;
import eu.borderflow.schema.AlertChange;
import eu.borderflow.schema.AlertChangeType;
import org.junit.jupiter.api.Test;

class AlertValidatorTest {

    private final AlertValidator validator = new AlertValidator(TestRecords.INGEST);
    private final AlertChange ok = TestRecords.objectAlert("A1", TestRecords.T0).build();

    @Test
    void validObjectAlertPasses() {
        assertNull(validator.check(ok));
    }

    @Test
    void rejectsWhatNoRuleCanActOn() {
        assertEquals(
                "VALIDATION_NOT_SYNTHETIC",
                code(AlertChange.newBuilder(ok).setSynthetic(false).build()));
        assertEquals(
                "VALIDATION_MISSING_ID",
                code(AlertChange.newBuilder(ok).setAlertId(" ").build()));
        assertEquals(
                "VALIDATION_VERSION",
                code(AlertChange.newBuilder(ok).setVersion(0).build()));
        assertEquals(
                "VALIDATION_REVIEW_PERIOD",
                code(AlertChange.newBuilder(ok)
                        .setReviewDate(ok.getValidFrom().minusDays(1))
                        .build()));
        assertEquals(
                "VALIDATION_MISSING_OBJECT",
                code(AlertChange.newBuilder(ok).setObjectPart(null).build()));
        assertEquals(
                "VALIDATION_MISSING_PERSON",
                code(AlertChange.newBuilder(ok)
                        .setBasis(AlertBasis.ARREST_1862_ART26)
                        .build()));
    }

    @Test
    void deletionMayCarryNoPersonalPart() {
        assertNull(validator.check(AlertChange.newBuilder(ok)
                .setChange(AlertChangeType.DELETE)
                .setVersion(2)
                .setObjectPart(null)
                .build()));
    }

    private String code(AlertChange alert) {
        return validator.check(alert).code();
    }
}
