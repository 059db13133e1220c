package eu.borderflow.job.ingest;

import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.CrossingKind;
import eu.borderflow.schema.TravelDocument;
import eu.borderflow.schema.Visa;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** Rejects crossings no rule should reason about: not synthetic, unknown BCP, missing ids, impossible dates. */
public final class CrossingValidator implements RecordValidator<BorderCrossing> {

    /**
     * Time zones run from UTC-12 to UTC+14, so a BCP's calendar date is at most one day away from the UTC date of the
     * same instant: a fact about clocks, not a tunable threshold.
     */
    static final long MAX_LOCAL_DATE_SHIFT_DAYS = 1;
    private static final long serialVersionUID = 1L;

    private final KnownBcps bcps;

    public CrossingValidator(KnownBcps bcps) {
        this.bcps = bcps;
    }

    @Override
    public Violation check(BorderCrossing c) {
        if (!c.getSynthetic()) {
            return Violation.of("NOT_SYNTHETIC", "record is not marked synthetic; borderflow only carries generated data");
        }
        if (isBlank(c.getEventId()) || isBlank(c.getTraveller().getFileId()) || isBlank(c.getDocument().getNumber())
                || isBlank(c.getBcpCode())) {
            return Violation.of("MISSING_ID", "event_id, traveller.file_id, document.number and bcp_code are mandatory");
        }
        if (!bcps.contains(c.getBcpCode())) {
            return Violation.of("UNKNOWN_BCP", "bcp_code " + c.getBcpCode() + " is not in the BCP reference table");
        }
        if (c.getKind() == CrossingKind.REFUSAL && c.getRefusalReasons().isEmpty()) {
            return Violation.of("REFUSAL_WITHOUT_REASON", "a refusal must give at least one reason letter");
        }
        return checkDates(c);
    }

    private static Violation checkDates(BorderCrossing c) {
        LocalDate utcDate = c.getEventTime().atOffset(ZoneOffset.UTC).toLocalDate();
        if (Math.abs(ChronoUnit.DAYS.between(utcDate, c.getLocalDate())) > MAX_LOCAL_DATE_SHIFT_DAYS) {
            return Violation.of("LOCAL_DATE", "local_date is more than one day away from the date of event_time");
        }
        if (c.getIngestTime().isBefore(c.getEventTime())) {
            return Violation.of("INGEST_BEFORE_EVENT", "ingest_time is before event_time");
        }
        LocalDate birth = c.getTraveller().getDateOfBirth();
        if (birth.isAfter(c.getLocalDate())) {
            return Violation.of("DATE_OF_BIRTH", "traveller.date_of_birth is after the crossing");
        }
        TravelDocument document = c.getDocument();
        if (document.getExpiryDate().isBefore(birth)) {
            return Violation.of("DOCUMENT_DATES", "document.expiry_date is before the holder's date of birth");
        }
        Visa visa = c.getVisa();
        if (visa != null && visa.getValidUntil().isBefore(visa.getValidFrom())) {
            return Violation.of("VISA_PERIOD", "visa.valid_until is before visa.valid_from");
        }
        if (visa != null && isBlank(visa.getStickerNumber())) {
            return Violation.of("MISSING_ID", "visa.sticker_number is mandatory when a visa is present");
        }
        if (c.getRetentionUntil().isBefore(c.getLocalDate())) {
            return Violation.of("RETENTION_DATE", "retention_until is before the crossing");
        }
        return null;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
