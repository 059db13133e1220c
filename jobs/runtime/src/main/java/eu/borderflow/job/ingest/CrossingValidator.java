package eu.borderflow.job.ingest;

import eu.borderflow.job.config.IngestSettings;
import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.CrossingKind;
import eu.borderflow.schema.StayBasis;
import eu.borderflow.schema.TravelDocument;
import eu.borderflow.schema.Visa;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Set;

/**
 * Rejects crossings no rule should reason about: not synthetic, unknown BCP, missing ids, and any value a rule reads
 * outside its stated range ({@code rules.yaml /ingest}, README "Operating it"). Runs inside the source, before the
 * watermark generator sees the record's event time.
 */
public final class CrossingValidator implements RecordValidator<BorderCrossing> {

    /**
     * Time zones run from UTC-12 to UTC+14, so a BCP's calendar date is at most one day away from the UTC date of the
     * same instant: a fact about clocks, not a tunable threshold.
     */
    static final long MAX_LOCAL_DATE_SHIFT_DAYS = 1;
    /** Visa types of the Visa Code: A airport transit, C short stay; D is a national long-stay visa. */
    private static final Set<String> SHORT_VISAS = Set.of("A", "C");

    private static final String LONG_VISA = "D";
    private static final long serialVersionUID = 1L;

    private final KnownBcps bcps;
    private final IngestSettings limits;

    public CrossingValidator(KnownBcps bcps, IngestSettings limits) {
        this.bcps = bcps;
        this.limits = limits;
    }

    @Override
    public Violation check(BorderCrossing c) {
        if (!c.getSynthetic()) {
            return Violation.of(
                    "NOT_SYNTHETIC", "record is not marked synthetic; borderflow only carries generated data");
        }
        if (isBlank(c.getEventId())
                || isBlank(c.getTraveller().getFileId())
                || isBlank(c.getDocument().getNumber())
                || isBlank(c.getBcpCode())) {
            return Violation.of(
                    "MISSING_ID", "event_id, traveller.file_id, document.number and bcp_code are mandatory");
        }
        if (!bcps.contains(c.getBcpCode())) {
            return Violation.of("UNKNOWN_BCP", "bcp_code " + c.getBcpCode() + " is not in the BCP reference table");
        }
        if (c.getKind() == CrossingKind.REFUSAL && c.getRefusalReasons().isEmpty()) {
            return Violation.of("REFUSAL_WITHOUT_REASON", "a refusal must give at least one reason letter");
        }
        if (c.getRefusalReasons().size()
                > EnumSet.allOf(eu.borderflow.schema.RefusalReason.class).size()) {
            return Violation.of("REFUSAL_REASONS", "more refusal reasons than there are letters");
        }
        Violation time = checkTime(c);
        return time != null ? time : checkDates(c);
    }

    /** ingest_time in the configured window, event_time within the upload delay before it (or the skew after). */
    private Violation checkTime(BorderCrossing c) {
        Instant ingest = c.getIngestTime();
        if (ingest.isBefore(limits.getEarliestIngestTime()) || ingest.isAfter(limits.getLatestIngestTime())) {
            return Violation.of(
                    "INGEST_TIME",
                    "ingest_time is outside " + limits.getEarliestIngestTime() + " .. " + limits.getLatestIngestTime());
        }
        if (c.getEventTime().isAfter(ingest.plus(limits.getMaxClockSkew()))) {
            return Violation.of(
                    "INGEST_BEFORE_EVENT",
                    "ingest_time is before event_time (by more than " + limits.getMaxClockSkew() + ")");
        }
        if (c.getEventTime().isBefore(ingest.minus(limits.getMaxUploadDelay()))) {
            return Violation.of(
                    "EVENT_TIME", "event_time is more than " + limits.getMaxUploadDelay() + " before ingest_time");
        }
        return null;
    }

    private Violation checkDates(BorderCrossing c) {
        LocalDate day = c.getLocalDate();
        LocalDate utcDate = c.getEventTime().atOffset(ZoneOffset.UTC).toLocalDate();
        if (Math.abs(ChronoUnit.DAYS.between(utcDate, day)) > MAX_LOCAL_DATE_SHIFT_DAYS) {
            return Violation.of("LOCAL_DATE", "local_date is more than one day away from the date of event_time");
        }
        LocalDate birth = c.getTraveller().getDateOfBirth();
        if (birth.isAfter(day) || birth.isBefore(day.minusYears(limits.getMaxAgeYears()))) {
            return Violation.of(
                    "DATE_OF_BIRTH",
                    "traveller.date_of_birth is after the crossing or more than " + limits.getMaxAgeYears()
                            + " years before it");
        }
        TravelDocument document = c.getDocument();
        if (document.getExpiryDate().isBefore(birth)
                || document.getExpiryDate().isAfter(day.plusYears(limits.getMaxDocumentValidityYears()))) {
            return Violation.of(
                    "DOCUMENT_DATES",
                    "document.expiry_date is before the holder's date of birth or more " + "than "
                            + limits.getMaxDocumentValidityYears() + " years after the crossing");
        }
        Violation visa = c.getVisa() == null ? null : checkVisa(c.getVisa(), c);
        if (visa != null) {
            return visa;
        }
        if (c.getRetentionUntil().isBefore(day)
                || c.getRetentionUntil().isAfter(day.plusYears(limits.getMaxRetentionYears()))) {
            return Violation.of(
                    "RETENTION_DATE",
                    "retention_until is before the crossing or more than " + limits.getMaxRetentionYears()
                            + " years after it");
        }
        return null;
    }

    private Violation checkVisa(Visa visa, BorderCrossing c) {
        if (isBlank(visa.getStickerNumber())) {
            return Violation.of("MISSING_ID", "visa.sticker_number is mandatory when a visa is present");
        }
        if (visa.getValidUntil().isBefore(visa.getValidFrom())
                || visa.getValidUntil().isAfter(visa.getValidFrom().plusYears(limits.getMaxVisaValidityYears()))) {
            return Violation.of(
                    "VISA_PERIOD",
                    "visa.valid_until is before visa.valid_from or more than " + limits.getMaxVisaValidityYears()
                            + " years after it");
        }
        boolean shortVisa = SHORT_VISAS.contains(visa.getVisaType());
        if (!shortVisa && !LONG_VISA.equals(visa.getVisaType())) {
            return Violation.of("VISA_TYPE", "visa.visa_type must be A, C or D");
        }
        int maxDays = shortVisa ? limits.getMaxShortStayDays() : limits.getMaxLongStayDays();
        if (visa.getDurationOfStayDays() < 1 || visa.getDurationOfStayDays() > maxDays) {
            return Violation.of(
                    "VISA_DURATION",
                    "visa.duration_of_stay_days must be 1.." + maxDays + " for a " + visa.getVisaType() + " visa");
        }
        if (visa.getEntriesAuthorised() < 0 || visa.getEntriesAuthorised() > limits.getMaxVisaEntries()) {
            return Violation.of(
                    "VISA_ENTRIES", "visa.entries_authorised must be 0 (multiple) .. " + limits.getMaxVisaEntries());
        }
        if (!shortVisa && c.getStayBasis() == StayBasis.SHORT_STAY) {
            return Violation.of("STAY_BASIS", "a short stay cannot be made on a long-stay (D) visa");
        }
        return null;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
