package eu.borderflow.job.ingest;

import eu.borderflow.job.config.IngestSettings;
import eu.borderflow.schema.AlertBasis;
import eu.borderflow.schema.AlertChange;
import eu.borderflow.schema.AlertChangeType;
import eu.borderflow.schema.AlertPerson;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Rejects alert changes no rule should act on: not synthetic, missing ids or parts, and any value a rule reads
 * outside its stated range ({@code rules.yaml /ingest}, README "Operating it"): event time, version, validity and
 * review period, the person's birth date in the forms the alert contract allows. Runs inside the source.
 */
public final class AlertValidator implements RecordValidator<AlertChange> {

    private static final long serialVersionUID = 1L;

    private final IngestSettings limits;

    public AlertValidator(IngestSettings limits) {
        this.limits = limits;
    }

    @Override
    public Violation check(AlertChange a) {
        if (!a.getSynthetic()) {
            return Violation.of(
                    "NOT_SYNTHETIC", "record is not marked synthetic; borderflow only carries generated data");
        }
        if (isBlank(a.getAlertId()) || isBlank(a.getChangeId())) {
            return Violation.of("MISSING_ID", "alert_id and change_id are mandatory");
        }
        if (a.getVersion() < 1 || a.getVersion() > limits.getMaxAlertVersion()) {
            return Violation.of("VERSION", "version must be 1.." + limits.getMaxAlertVersion());
        }
        Instant at = a.getEventTime();
        if (at.isBefore(limits.getEarliestIngestTime()) || at.isAfter(limits.getLatestIngestTime())) {
            return Violation.of(
                    "EVENT_TIME",
                    "event_time is outside " + limits.getEarliestIngestTime() + " .. " + limits.getLatestIngestTime());
        }
        LocalDate changed = at.atOffset(ZoneOffset.UTC).toLocalDate();
        if (a.getValidFrom()
                .isAfter(changed.plusDays(
                        limits.getMaxAlertValidFromAfterChange().toDays()))) {
            return Violation.of(
                    "VALID_FROM",
                    "valid_from is more than " + limits.getMaxAlertValidFromAfterChange() + " after the change");
        }
        if (a.getReviewDate().isBefore(a.getValidFrom())
                || a.getReviewDate().isAfter(a.getValidFrom().plusYears(limits.getMaxAlertReviewYears()))) {
            return Violation.of(
                    "REVIEW_PERIOD",
                    "review_date is before valid_from or more than " + limits.getMaxAlertReviewYears()
                            + " years after it");
        }
        for (String state : a.getFlaggedBy()) {
            if (!isCountryCode(state)) {
                return Violation.of("FLAGGED_BY", "flagged_by holds something other than ISO 3166-1 alpha-3 codes");
            }
        }
        if (a.getChange() == AlertChangeType.DELETE) {
            return null;
        }
        boolean objectAlert = a.getBasis() == AlertBasis.OBJECT_1862_ART38;
        if (objectAlert
                && (a.getObjectPart() == null
                        || isBlank(a.getObjectPart().getDocument().getNumber()))) {
            return Violation.of("MISSING_OBJECT", "an Art. 38 object alert must describe the document");
        }
        if (!objectAlert && a.getPerson() == null) {
            return Violation.of("MISSING_PERSON", "a person alert must carry its person part");
        }
        return a.getPerson() == null ? null : checkPerson(a.getPerson(), changed);
    }

    private Violation checkPerson(AlertPerson person, LocalDate changed) {
        if (isBlank(person.getSurname()) && isBlank(person.getGivenNames())) {
            return Violation.of("MISSING_NAME", "a person alert must name the person");
        }
        AlertBirthDate birth = AlertBirthDate.parse(person.getDateOfBirth());
        if (birth == null) {
            return Violation.of(
                    "DATE_OF_BIRTH",
                    "person.date_of_birth is not YYYY, YYYY-MM or YYYY-MM-DD (a full "
                            + "date must be a calendar date as written or with day and month swapped)");
        }
        if (birth.year() > changed.getYear() || birth.year() < changed.getYear() - limits.getMaxAgeYears()) {
            return Violation.of(
                    "DATE_OF_BIRTH",
                    "person.date_of_birth is after the change or more than " + limits.getMaxAgeYears()
                            + " years before it");
        }
        return null;
    }

    private static boolean isCountryCode(String s) {
        return s != null && s.length() == 3 && s.chars().allMatch(c -> c >= 'A' && c <= 'Z');
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
