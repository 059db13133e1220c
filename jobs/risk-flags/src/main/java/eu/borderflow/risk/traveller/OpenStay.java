package eu.borderflow.risk.traveller;

/**
 * A short stay that has an entry and no exit yet: what R3 needs at the exit and R4 when its deadline passes.
 */
public final class OpenStay {

    private String entryEventId;
    /** Epoch milliseconds. */
    private long entryTime;
    /** Local date, epoch day. */
    private int entryDay;

    private String bcpCode;
    private String sectionId;
    /** The entry's retention, epoch day. */
    private int retentionUntil;
    /** Last day the visa allows for this stay (validity and duration); Integer.MAX_VALUE without a visa. */
    private int lastDayAllowed;
    /**
     * The stay's authorised end (AuthorisedStay: 90/180 with the earlier stays, the visa's validity and what was left
     * of its total) as known at the entry, or AuthorisedStay.NO_LAWFUL_DAY.
     */
    private int latestLawfulExit;
    /** Event time at which R4 checks for the exit; Long.MAX_VALUE when R4 is off. */
    private long missingExitDeadline;
    /** R4 has flagged this stay. */
    private boolean missingExitRaised;
    /** Token digest of the visa the stay was entered on, whose days it spends; null without one. */
    private Long visaDigest;

    public OpenStay() {}

    /** A copy of every field (all of them values). */
    public OpenStay copy() {
        OpenStay copy = new OpenStay();
        copy.entryEventId = entryEventId;
        copy.entryTime = entryTime;
        copy.entryDay = entryDay;
        copy.bcpCode = bcpCode;
        copy.sectionId = sectionId;
        copy.retentionUntil = retentionUntil;
        copy.lastDayAllowed = lastDayAllowed;
        copy.latestLawfulExit = latestLawfulExit;
        copy.missingExitDeadline = missingExitDeadline;
        copy.missingExitRaised = missingExitRaised;
        copy.visaDigest = visaDigest;
        return copy;
    }

    public String getEntryEventId() {
        return entryEventId;
    }

    public void setEntryEventId(String entryEventId) {
        this.entryEventId = entryEventId;
    }

    public long getEntryTime() {
        return entryTime;
    }

    public void setEntryTime(long entryTime) {
        this.entryTime = entryTime;
    }

    public int getEntryDay() {
        return entryDay;
    }

    public void setEntryDay(int entryDay) {
        this.entryDay = entryDay;
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

    public int getRetentionUntil() {
        return retentionUntil;
    }

    public void setRetentionUntil(int retentionUntil) {
        this.retentionUntil = retentionUntil;
    }

    public int getLastDayAllowed() {
        return lastDayAllowed;
    }

    public void setLastDayAllowed(int lastDayAllowed) {
        this.lastDayAllowed = lastDayAllowed;
    }

    public int getLatestLawfulExit() {
        return latestLawfulExit;
    }

    public void setLatestLawfulExit(int latestLawfulExit) {
        this.latestLawfulExit = latestLawfulExit;
    }

    public long getMissingExitDeadline() {
        return missingExitDeadline;
    }

    public void setMissingExitDeadline(long missingExitDeadline) {
        this.missingExitDeadline = missingExitDeadline;
    }

    public Long getVisaDigest() {
        return visaDigest;
    }

    public void setVisaDigest(Long visaDigest) {
        this.visaDigest = visaDigest;
    }

    public boolean isMissingExitRaised() {
        return missingExitRaised;
    }

    public void setMissingExitRaised(boolean missingExitRaised) {
        this.missingExitRaised = missingExitRaised;
    }
}
