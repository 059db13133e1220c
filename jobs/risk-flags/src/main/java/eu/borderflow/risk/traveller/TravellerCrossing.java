package eu.borderflow.risk.traveller;

import eu.borderflow.privacy.Pseudonymiser;
import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.CrossingKind;
import eu.borderflow.schema.StayBasis;
import eu.borderflow.schema.Visa;

/**
 * What the EES-file rules (R3, R4, R5) need of a crossing, and nothing more: no names, and the visa sticker
 * only as a token. Buffered in keyed state for up to the allowed lateness, so it is kept compact.
 */
public final class TravellerCrossing implements Sequenced {

    private String fileId;
    private String eventId;
    private CrossingKind kind;
    /** Epoch milliseconds (UTC). */
    private long eventTime;
    /** The BCP's local date, epoch day. */
    private int localDate;
    private String bcpCode;
    private String sectionId;
    /** Counts toward 90/180 (stay basis SHORT_STAY). */
    private boolean shortStay;
    /** Token of the visa sticker number; null without a visa. */
    private String visaToken;
    /** 0 means multiple entries. */
    private int entriesAuthorised;
    private int durationOfStayDays;
    /** Epoch day. */
    private int visaValidFrom;
    /** Epoch day. */
    private int visaValidUntil;
    /** Epoch day. */
    private int retentionUntil;

    public TravellerCrossing() {
    }

    /** The projection of {@code crossing}; the visa sticker is tokenised on the way. */
    public static TravellerCrossing of(BorderCrossing crossing, Pseudonymiser pseudonymiser) {
        TravellerCrossing c = new TravellerCrossing();
        c.fileId = crossing.getTraveller().getFileId();
        c.eventId = crossing.getEventId();
        c.kind = crossing.getKind();
        c.eventTime = crossing.getEventTime().toEpochMilli();
        c.localDate = Math.toIntExact(crossing.getLocalDate().toEpochDay());
        c.bcpCode = crossing.getBcpCode();
        c.sectionId = crossing.getSectionId();
        c.shortStay = crossing.getStayBasis() == StayBasis.SHORT_STAY;
        c.retentionUntil = Math.toIntExact(crossing.getRetentionUntil().toEpochDay());
        Visa visa = crossing.getVisa();
        if (visa != null) {
            c.visaToken = pseudonymiser.token(Pseudonymiser.Domain.DOCUMENT, "VISA/" + visa.getStickerNumber());
            c.entriesAuthorised = visa.getEntriesAuthorised();
            c.durationOfStayDays = visa.getDurationOfStayDays();
            c.visaValidFrom = Math.toIntExact(visa.getValidFrom().toEpochDay());
            c.visaValidUntil = Math.toIntExact(visa.getValidUntil().toEpochDay());
        }
        return c;
    }

    public boolean hasVisa() {
        return visaToken != null;
    }

    public String getFileId() {
        return fileId;
    }

    public void setFileId(String fileId) {
        this.fileId = fileId;
    }

    @Override
    public String getEventId() {
        return eventId;
    }

    public void setEventId(String eventId) {
        this.eventId = eventId;
    }

    public CrossingKind getKind() {
        return kind;
    }

    public void setKind(CrossingKind kind) {
        this.kind = kind;
    }

    @Override
    public long getEventTime() {
        return eventTime;
    }

    public void setEventTime(long eventTime) {
        this.eventTime = eventTime;
    }

    public int getLocalDate() {
        return localDate;
    }

    public void setLocalDate(int localDate) {
        this.localDate = localDate;
    }

    public String getBcpCode() {
        return bcpCode;
    }

    public void setBcpCode(String bcpCode) {
        this.bcpCode = bcpCode;
    }

    public String getSectionId() {
        return sectionId;
    }

    public void setSectionId(String sectionId) {
        this.sectionId = sectionId;
    }

    public boolean isShortStay() {
        return shortStay;
    }

    public void setShortStay(boolean shortStay) {
        this.shortStay = shortStay;
    }

    public String getVisaToken() {
        return visaToken;
    }

    public void setVisaToken(String visaToken) {
        this.visaToken = visaToken;
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

    public int getRetentionUntil() {
        return retentionUntil;
    }

    public void setRetentionUntil(int retentionUntil) {
        this.retentionUntil = retentionUntil;
    }
}
