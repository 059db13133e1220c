package eu.borderflow.job.ingest;

import eu.borderflow.schema.AlertBasis;
import eu.borderflow.schema.AlertChange;
import eu.borderflow.schema.AlertChangeType;

/** Rejects alert changes no rule should act on: not synthetic, missing ids or parts, impossible periods. */
public final class AlertValidator implements RecordValidator<AlertChange> {

    private static final long serialVersionUID = 1L;

    @Override
    public Violation check(AlertChange a) {
        if (!a.getSynthetic()) {
            return Violation.of("NOT_SYNTHETIC", "record is not marked synthetic; borderflow only carries generated data");
        }
        if (isBlank(a.getAlertId()) || isBlank(a.getChangeId())) {
            return Violation.of("MISSING_ID", "alert_id and change_id are mandatory");
        }
        if (a.getVersion() < 1) {
            return Violation.of("VERSION", "version must start at 1");
        }
        if (a.getReviewDate().isBefore(a.getValidFrom())) {
            return Violation.of("REVIEW_PERIOD", "review_date is before valid_from");
        }
        if (a.getChange() == AlertChangeType.DELETE) {
            return null;
        }
        boolean objectAlert = a.getBasis() == AlertBasis.OBJECT_1862_ART38;
        if (objectAlert && (a.getObjectPart() == null || isBlank(a.getObjectPart().getDocument().getNumber()))) {
            return Violation.of("MISSING_OBJECT", "an Art. 38 object alert must describe the document");
        }
        if (!objectAlert && a.getPerson() == null) {
            return Violation.of("MISSING_PERSON", "a person alert must carry its person part");
        }
        return null;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
