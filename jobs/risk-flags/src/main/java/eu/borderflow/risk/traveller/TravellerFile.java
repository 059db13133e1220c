package eu.borderflow.risk.traveller;

import eu.borderflow.stay.StayHistory;

/**
 * The part of a traveller's EES individual file the rules keep in keyed state: closed short stays still inside
 * the 90/180 window as epoch-day pairs, the open stay, and the entries used on the current visa (as a token digest).
 */
public final class TravellerFile {

    /** Closed short stays, {@code [entry0, exit0, ...]} epoch days (StayHistory pairs). */
    private int[] stays;
    /** Null when the traveller is not inside on a short stay. */
    private OpenStay openStay;
    /** Latest local date of an entry or exit applied to the stays, epoch day. */
    private int lastMovementDay;
    /** Token digest of the visa whose entries are counted; null before the first visa. */
    private Long visaDigest;
    /** Entries recorded on that visa. */
    private int visaEntries;
    /** Last day the count matters (visa end for a limited-entry visa), epoch day. */
    private int visaKeepUntil;
    /** The epoch day of the file's pending expiry timer (it fires that day plus the lateness); 0 when none. */
    private int expiryTimerDay;


    public TravellerFile() {
    }

    public static TravellerFile empty() {
        TravellerFile file = new TravellerFile();
        file.stays = new int[0];
        file.lastMovementDay = Integer.MIN_VALUE;
        file.visaKeepUntil = Integer.MIN_VALUE;
        return file;
    }

    public StayHistory history() {
        return StayHistory.ofEpochDayPairs(stays);
    }

    public void history(StayHistory history) {
        stays = history.toEpochDayPairs();
    }

    public int[] getStays() {
        return stays;
    }

    public void setStays(int[] stays) {
        this.stays = stays;
    }

    public OpenStay getOpenStay() {
        return openStay;
    }

    public void setOpenStay(OpenStay openStay) {
        this.openStay = openStay;
    }

    public int getLastMovementDay() {
        return lastMovementDay;
    }

    public void setLastMovementDay(int lastMovementDay) {
        this.lastMovementDay = lastMovementDay;
    }

    public Long getVisaDigest() {
        return visaDigest;
    }

    public void setVisaDigest(Long visaDigest) {
        this.visaDigest = visaDigest;
    }

    public int getVisaEntries() {
        return visaEntries;
    }

    public void setVisaEntries(int visaEntries) {
        this.visaEntries = visaEntries;
    }

    public int getVisaKeepUntil() {
        return visaKeepUntil;
    }

    public void setVisaKeepUntil(int visaKeepUntil) {
        this.visaKeepUntil = visaKeepUntil;
    }

    public int getExpiryTimerDay() {
        return expiryTimerDay;
    }

    public void setExpiryTimerDay(int expiryTimerDay) {
        this.expiryTimerDay = expiryTimerDay;
    }
}
