package eu.borderflow.job.config;

import eu.borderflow.config.ConfigException;
import eu.borderflow.schema.serde.DecodeLimits;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;

/**
 * What the job accepts at ingest ({@code rules.yaml} section {@code ingest}): the caps of bounded decoding, the
 * valid range of every field a rule reads, and the size of a dead letter. Bound on the client; checked once there.
 */
public final class IngestSettings implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String PREFIX = "rules.yaml /ingest: ";

    private int maxMessageBytes;
    private int maxStringBytes;
    private int maxArrayItems;
    private Instant earliestIngestTime;
    private Instant latestIngestTime;
    private Duration maxUploadDelay;
    private Duration maxClockSkew;
    private int maxAgeYears;
    private int maxDocumentValidityYears;
    private int maxVisaValidityYears;
    private int maxShortStayDays;
    private int maxLongStayDays;
    private int maxVisaEntries;
    private int maxRetentionYears;
    private int maxAlertVersion;
    private int maxAlertReviewYears;
    private Duration maxAlertValidFromAfterChange;
    private int maxDeadLetterBytes;

    /** Throws {@link ConfigException} when the ranges contradict each other; {@code RiskSettings} binds and checks. */
    public IngestSettings check() {
        if (maxStringBytes < 1 || maxArrayItems < 1 || maxMessageBytes < maxStringBytes) {
            throw new ConfigException(
                    "rules.yaml /ingest: need 0 < max_string_bytes <= max_message_bytes and " + "max_array_items > 0");
        }
        if (!earliestIngestTime.isBefore(latestIngestTime)) {
            throw new ConfigException("rules.yaml /ingest: earliest_ingest_time must be before latest_ingest_time");
        }
        if (maxDeadLetterBytes < 1024) {
            throw new ConfigException("rules.yaml /ingest: max_dead_letter_bytes must be at least 1024");
        }
        // A negative window would make every record a dead letter, a zero count every record with that field.
        ConfigChecks.notNegative(PREFIX + "max_upload_delay", maxUploadDelay);
        ConfigChecks.notNegative(PREFIX + "max_clock_skew", maxClockSkew);
        ConfigChecks.notNegative(PREFIX + "max_alert_valid_from_after_change", maxAlertValidFromAfterChange);
        ConfigChecks.atLeast(PREFIX + "max_age_years", maxAgeYears, 1);
        ConfigChecks.atLeast(PREFIX + "max_document_validity_years", maxDocumentValidityYears, 1);
        ConfigChecks.atLeast(PREFIX + "max_visa_validity_years", maxVisaValidityYears, 1);
        ConfigChecks.atLeast(PREFIX + "max_short_stay_days", maxShortStayDays, 1);
        ConfigChecks.atLeast(PREFIX + "max_long_stay_days", maxLongStayDays, 1);
        ConfigChecks.atLeast(PREFIX + "max_visa_entries", maxVisaEntries, 1);
        ConfigChecks.atLeast(PREFIX + "max_retention_years", maxRetentionYears, 1);
        ConfigChecks.atLeast(PREFIX + "max_alert_version", maxAlertVersion, 1);
        ConfigChecks.atLeast(PREFIX + "max_alert_review_years", maxAlertReviewYears, 1);
        return this;
    }

    /** The caps of bounded decoding. */
    public DecodeLimits decodeLimits() {
        return new DecodeLimits(maxMessageBytes, maxStringBytes, maxArrayItems);
    }

    public int getMaxMessageBytes() {
        return maxMessageBytes;
    }

    public void setMaxMessageBytes(int maxMessageBytes) {
        this.maxMessageBytes = maxMessageBytes;
    }

    public int getMaxStringBytes() {
        return maxStringBytes;
    }

    public void setMaxStringBytes(int maxStringBytes) {
        this.maxStringBytes = maxStringBytes;
    }

    public int getMaxArrayItems() {
        return maxArrayItems;
    }

    public void setMaxArrayItems(int maxArrayItems) {
        this.maxArrayItems = maxArrayItems;
    }

    public Instant getEarliestIngestTime() {
        return earliestIngestTime;
    }

    public void setEarliestIngestTime(Instant earliestIngestTime) {
        this.earliestIngestTime = earliestIngestTime;
    }

    public Instant getLatestIngestTime() {
        return latestIngestTime;
    }

    public void setLatestIngestTime(Instant latestIngestTime) {
        this.latestIngestTime = latestIngestTime;
    }

    public Duration getMaxUploadDelay() {
        return maxUploadDelay;
    }

    public void setMaxUploadDelay(Duration maxUploadDelay) {
        this.maxUploadDelay = maxUploadDelay;
    }

    public Duration getMaxClockSkew() {
        return maxClockSkew;
    }

    public void setMaxClockSkew(Duration maxClockSkew) {
        this.maxClockSkew = maxClockSkew;
    }

    public int getMaxAgeYears() {
        return maxAgeYears;
    }

    public void setMaxAgeYears(int maxAgeYears) {
        this.maxAgeYears = maxAgeYears;
    }

    public int getMaxDocumentValidityYears() {
        return maxDocumentValidityYears;
    }

    public void setMaxDocumentValidityYears(int maxDocumentValidityYears) {
        this.maxDocumentValidityYears = maxDocumentValidityYears;
    }

    public int getMaxVisaValidityYears() {
        return maxVisaValidityYears;
    }

    public void setMaxVisaValidityYears(int maxVisaValidityYears) {
        this.maxVisaValidityYears = maxVisaValidityYears;
    }

    public int getMaxShortStayDays() {
        return maxShortStayDays;
    }

    public void setMaxShortStayDays(int maxShortStayDays) {
        this.maxShortStayDays = maxShortStayDays;
    }

    public int getMaxLongStayDays() {
        return maxLongStayDays;
    }

    public void setMaxLongStayDays(int maxLongStayDays) {
        this.maxLongStayDays = maxLongStayDays;
    }

    public int getMaxVisaEntries() {
        return maxVisaEntries;
    }

    public void setMaxVisaEntries(int maxVisaEntries) {
        this.maxVisaEntries = maxVisaEntries;
    }

    public int getMaxRetentionYears() {
        return maxRetentionYears;
    }

    public void setMaxRetentionYears(int maxRetentionYears) {
        this.maxRetentionYears = maxRetentionYears;
    }

    public int getMaxAlertVersion() {
        return maxAlertVersion;
    }

    public void setMaxAlertVersion(int maxAlertVersion) {
        this.maxAlertVersion = maxAlertVersion;
    }

    public int getMaxAlertReviewYears() {
        return maxAlertReviewYears;
    }

    public void setMaxAlertReviewYears(int maxAlertReviewYears) {
        this.maxAlertReviewYears = maxAlertReviewYears;
    }

    public Duration getMaxAlertValidFromAfterChange() {
        return maxAlertValidFromAfterChange;
    }

    public void setMaxAlertValidFromAfterChange(Duration maxAlertValidFromAfterChange) {
        this.maxAlertValidFromAfterChange = maxAlertValidFromAfterChange;
    }

    public int getMaxDeadLetterBytes() {
        return maxDeadLetterBytes;
    }

    public void setMaxDeadLetterBytes(int maxDeadLetterBytes) {
        this.maxDeadLetterBytes = maxDeadLetterBytes;
    }
}
