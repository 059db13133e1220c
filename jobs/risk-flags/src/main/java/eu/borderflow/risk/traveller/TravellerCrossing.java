package eu.borderflow.risk.traveller;

import eu.borderflow.privacy.Pseudonymiser;
import eu.borderflow.risk.rules.CrossingFacts;
import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.StayBasis;
import eu.borderflow.schema.Visa;

/**
 * What the EES-file rules (R3, R4, R5) need of a crossing, and nothing more: no names, and the visa sticker
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

    public TravellerCrossing() {
    }

    /** The projection of {@code crossing}; the visa sticker is tokenised on the way. */
    public static TravellerCrossing of(BorderCrossing crossing, Pseudonymiser pseudonymiser) {
        TravellerCrossing c = new TravellerCrossing();
        c.project(crossing);
        c.localDate = Math.toIntExact(crossing.getLocalDate().toEpochDay());
        c.shortStay = crossing.getStayBasis() == StayBasis.SHORT_STAY;
        Visa visa = crossing.getVisa();
        if (visa != null) {
            c.visaDigest = TokenDigest.of(
                    pseudonymiser.token(Pseudonymiser.Domain.DOCUMENT, "VISA/" + visa.getStickerNumber()));
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

    public int getVisaValidUntil() {
        return visaValidUntil;
    }

    public void setVisaValidUntil(int visaValidUntil) {
        this.visaValidUntil = visaValidUntil;
    }

}
