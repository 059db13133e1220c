package eu.borderflow.risk.traveller;

import eu.borderflow.privacy.Pseudonymiser;
import eu.borderflow.risk.rules.CrossingFacts;
import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.StayBasis;
import eu.borderflow.schema.Visa;
import eu.borderflow.stay.AuthorisedStay;
import eu.borderflow.stay.VisaTerms;

/**
 * What the EES-file rules (R3, R4, R5, R6) need of a crossing, and nothing more: no names, and the visa sticker
 * only as a token digest. Buffered in keyed state for up to the allowed lateness, so it is kept compact.
 */
public final class TravellerCrossing extends CrossingFacts implements Sequenced {

    /** The BCP's local date, epoch day. */
    private int localDate;
    /** Counts toward 90/180 (stay basis SHORT_STAY). */
    private boolean shortStay;
    /** Digest of the visa sticker number's token; null without a visa. */
    private Long visaDigest;
    /** 0 means multiple entries. */
    private int entriesAuthorised;

    private int durationOfStayDays;
    /** Epoch day. */
    private int visaValidFrom;
    /** Epoch day. */
    private int visaValidUntil;
    /** The travel document's last valid day, epoch day (R6). */
    private int documentExpiry;

    public TravellerCrossing() {}

    /** The projection of {@code crossing}; the visa sticker is tokenised on the way. */
    public static TravellerCrossing of(BorderCrossing crossing, Pseudonymiser pseudonymiser) {
        TravellerCrossing c = new TravellerCrossing();
        c.project(crossing);
        c.localDate = Math.toIntExact(crossing.getLocalDate().toEpochDay());
        c.shortStay = crossing.getStayBasis() == StayBasis.SHORT_STAY;
        c.documentExpiry =
                Math.toIntExact(crossing.getDocument().getExpiryDate().toEpochDay());
        Visa visa = crossing.getVisa();
        if (visa != null) {
            c.visaDigest = pseudonymiser.digest(Pseudonymiser.Domain.DOCUMENT, "VISA/" + visa.getStickerNumber());
            c.entriesAuthorised = visa.getEntriesAuthorised();
            c.durationOfStayDays = visa.getDurationOfStayDays();
            c.visaValidFrom = Math.toIntExact(visa.getValidFrom().toEpochDay());
            c.visaValidUntil = Math.toIntExact(visa.getValidUntil().toEpochDay());
        }
        return c;
    }

    public boolean hasVisa() {
        return visaDigest != null;
    }

    /**
     * The last day the visa allows for a stay entered on this crossing's day, having spent {@code daysUsedBefore} under
     * it ({@link AuthorisedStay#lastDayByVisa}); {@link AuthorisedStay#UNLIMITED} without a visa.
     */
    public int lastDayByVisa(int daysUsedBefore) {
        return hasVisa()
                ? AuthorisedStay.lastDayByVisa(
                        localDate, visaValidFrom, visaValidUntil, durationOfStayDays, daysUsedBefore)
                : AuthorisedStay.UNLIMITED;
    }

    /** The visa limits entries, or its duration is a total: its count and days must be kept until it ends. */
    public boolean visaNeedsKeeping() {
        return hasVisa() && (entriesAuthorised != 0 || VisaTerms.durationIsTotal(visaValidFrom, visaValidUntil));
    }

    public int getLocalDate() {
        return localDate;
    }

    public void setLocalDate(int localDate) {
        this.localDate = localDate;
    }

    public boolean isShortStay() {
        return shortStay;
    }

    public void setShortStay(boolean shortStay) {
        this.shortStay = shortStay;
    }

    public Long getVisaDigest() {
        return visaDigest;
    }

    public void setVisaDigest(Long visaDigest) {
        this.visaDigest = visaDigest;
    }

    public int getEntriesAuthorised() {
        return entriesAuthorised;
    }

    public void setEntriesAuthorised(int entriesAuthorised) {
        this.entriesAuthorised = entriesAuthorised;
    }

    public int getDurationOfStayDays() {
        return durationOfStayDays;
    }

    public void setDurationOfStayDays(int durationOfStayDays) {
        this.durationOfStayDays = durationOfStayDays;
    }

    public int getVisaValidFrom() {
        return visaValidFrom;
    }

    public void setVisaValidFrom(int visaValidFrom) {
        this.visaValidFrom = visaValidFrom;
    }

    public int getDocumentExpiry() {
        return documentExpiry;
    }

    public void setDocumentExpiry(int documentExpiry) {
        this.documentExpiry = documentExpiry;
    }

    public int getVisaValidUntil() {
        return visaValidUntil;
    }

    public void setVisaValidUntil(int visaValidUntil) {
        this.visaValidUntil = visaValidUntil;
    }
}
