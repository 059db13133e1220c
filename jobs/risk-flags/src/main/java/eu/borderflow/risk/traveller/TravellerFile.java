package eu.borderflow.risk.traveller;

import eu.borderflow.stay.StayHistory;
import eu.borderflow.stay.VisaDays;
import java.util.Arrays;
import org.apache.commons.lang3.ArrayUtils;

/**
 * The part of a traveller's EES individual file the rules keep in keyed state: closed short stays still inside
 * the 90/180 window as epoch-day pairs, the open stay, and per visa (by sticker, as a token digest) the entries made
 * on it (R5) and the days spent under it (its duration of stay is a total over its validity: R3, R4, R6). A visa is
 * kept only while its count or days can still matter: until its last valid day, and only when it limits entries or
 * has a total.
 */
public final class TravellerFile {

    /** Closed short stays, {@code [entry0, exit0, ...]} epoch days (StayHistory pairs). */
    private int[] stays;
    /** Null when the traveller is not inside on a short stay. */
    private OpenStay openStay;
    /** Latest local date of an entry or exit applied to the stays, epoch day. */
    private int lastMovementDay;
    /** The visas kept, one slot each in the arrays below: sticker token digest. */
    private long[] visaDigests;
    /** Entries recorded on each visa. */
    private int[] visaEntries;
    /** Days spent under each visa ({@link VisaDays#used()}) and the last of them ({@link VisaDays#lastDay()}). */
    private int[] visaDaysUsed;

    private int[] visaLastDays;
    /** Each visa's last valid day, epoch day: it is dropped after it. */
    private int[] visaKeepUntil;
    /** The epoch day of the file's pending expiry timer (it fires that day plus the lateness); 0 when none. */
    private int expiryTimerDay;

    public TravellerFile() {}

    public static TravellerFile empty() {
        TravellerFile file = new TravellerFile();
        file.stays = new int[0];
        file.lastMovementDay = Integer.MIN_VALUE;
        file.visaDigests = new long[0];
        file.visaEntries = new int[0];
        file.visaDaysUsed = new int[0];
        file.visaLastDays = new int[0];
        file.visaKeepUntil = new int[0];
        return file;
    }

    /**
     * A copy that the rules may change while this one stays as it was (a crossing applied as a unit); by hand, as
     * the reflective POJO serializer's copy cost more than the rules themselves (issue 12).
     */
    public TravellerFile copy() {
        TravellerFile copy = new TravellerFile();
        copy.stays = ArrayUtils.clone(stays);
        copy.openStay = openStay == null ? null : openStay.copy();
        copy.lastMovementDay = lastMovementDay;
        copy.visaDigests = ArrayUtils.clone(visaDigests);
        copy.visaEntries = ArrayUtils.clone(visaEntries);
        copy.visaDaysUsed = ArrayUtils.clone(visaDaysUsed);
        copy.visaLastDays = ArrayUtils.clone(visaLastDays);
        copy.visaKeepUntil = ArrayUtils.clone(visaKeepUntil);
        copy.expiryTimerDay = expiryTimerDay;
        return copy;
    }

    public StayHistory history() {
        return StayHistory.ofEpochDayPairs(stays);
    }

    public void history(StayHistory history) {
        stays = history.toEpochDayPairs();
    }

    /** The slot of the visa with {@code digest}, or -1 when it is not kept. */
    int visa(long digest) {
        for (int i = 0; i < visaDigests.length; i++) {
            if (visaDigests[i] == digest) {
                return i;
            }
        }
        return -1;
    }

    /** The slot of the visa with {@code digest}, added when missing. */
    int visaOrNew(long digest, int keepUntil) {
        int i = visa(digest);
        if (i >= 0) {
            return i;
        }
        int n = visaDigests.length;
        visaDigests = Arrays.copyOf(visaDigests, n + 1);
        visaEntries = Arrays.copyOf(visaEntries, n + 1);
        visaDaysUsed = Arrays.copyOf(visaDaysUsed, n + 1);
        visaLastDays = Arrays.copyOf(visaLastDays, n + 1);
        visaKeepUntil = Arrays.copyOf(visaKeepUntil, n + 1);
        visaDigests[n] = digest;
        visaLastDays[n] = VisaDays.NONE.lastDay();
        visaKeepUntil[n] = keepUntil;
        return n;
    }

    /** The days spent under the visa in slot {@code i}. */
    VisaDays visaDays(int i) {
        return i < 0 ? VisaDays.NONE : new VisaDays(visaDaysUsed[i], visaLastDays[i]);
    }

    void visaDays(int i, VisaDays days) {
        visaDaysUsed[i] = days.used();
        visaLastDays[i] = days.lastDay();
    }

    /** Drops the visas whose last valid day is before {@code day}. */
    void dropVisasEndedBefore(int day) {
        int kept = 0;
        for (int i = 0; i < visaDigests.length; i++) {
            if (visaKeepUntil[i] >= day) {
                visaDigests[kept] = visaDigests[i];
                visaEntries[kept] = visaEntries[i];
                visaDaysUsed[kept] = visaDaysUsed[i];
                visaLastDays[kept] = visaLastDays[i];
                visaKeepUntil[kept] = visaKeepUntil[i];
                kept++;
            }
        }
        if (kept < visaDigests.length) {
            visaDigests = Arrays.copyOf(visaDigests, kept);
            visaEntries = Arrays.copyOf(visaEntries, kept);
            visaDaysUsed = Arrays.copyOf(visaDaysUsed, kept);
            visaLastDays = Arrays.copyOf(visaLastDays, kept);
            visaKeepUntil = Arrays.copyOf(visaKeepUntil, kept);
        }
    }

    /** The latest last valid day of the visas kept; Integer.MIN_VALUE when none. */
    int visasNeededUntil() {
        int last = Integer.MIN_VALUE;
        for (int until : visaKeepUntil) {
            last = Math.max(last, until);
        }
        return last;
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

    public long[] getVisaDigests() {
        return visaDigests;
    }

    public void setVisaDigests(long[] visaDigests) {
        this.visaDigests = visaDigests;
    }

    public int[] getVisaEntries() {
        return visaEntries;
    }

    public void setVisaEntries(int[] visaEntries) {
        this.visaEntries = visaEntries;
    }

    public int[] getVisaDaysUsed() {
        return visaDaysUsed;
    }

    public void setVisaDaysUsed(int[] visaDaysUsed) {
        this.visaDaysUsed = visaDaysUsed;
    }

    public int[] getVisaLastDays() {
        return visaLastDays;
    }

    public void setVisaLastDays(int[] visaLastDays) {
        this.visaLastDays = visaLastDays;
    }

    public int[] getVisaKeepUntil() {
        return visaKeepUntil;
    }

    public void setVisaKeepUntil(int[] visaKeepUntil) {
        this.visaKeepUntil = visaKeepUntil;
    }

    public int getExpiryTimerDay() {
        return expiryTimerDay;
    }

    public void setExpiryTimerDay(int expiryTimerDay) {
        this.expiryTimerDay = expiryTimerDay;
    }
}
