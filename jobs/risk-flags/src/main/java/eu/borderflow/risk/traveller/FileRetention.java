package eu.borderflow.risk.traveller;

import java.io.Serializable;
import java.time.Duration;
import java.time.LocalDate;

/**
 * When a traveller's EES file may be erased (rules.yaml /retention), in the job's event time, plus the allowed
 * lateness for crossings still on their way. Expiries fall at the start of a UTC day plus the lateness, so the file
 * keeps its pending expiry timer as a day number.
 */
final class FileRetention implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final long DAY_MS = Duration.ofDays(1).toMillis();

    private final long latenessMs;
    private final int overstayYears;
    private final int windowDays;

    FileRetention(long latenessMs, int overstayYears, int windowDays) {
        this.latenessMs = latenessMs;
        this.overstayYears = overstayYears;
        this.windowDays = windowDays;
    }

    /** When {@code file} may go as it is now. */
    long expiryOf(TravellerFile file) {
        return file.getOpenStay() != null ? openStayExpiry(file.getOpenStay()) : closedExpiry(file);
    }

    /** The expiry time of a timer kept as {@code day}. */
    long expiryAt(long day) {
        return day * DAY_MS + latenessMs;
    }

    /** The day an expiry time is kept as. */
    int dayOf(long expiry) {
        return Math.toIntExact((expiry - latenessMs) / DAY_MS);
    }

    /**
     * When a file whose stay has no recorded exit may go: the retention of an overstayer's record after the day the
     * stay's authorisation ended (rules.yaml /retention/overstay_years).
     */
    long openStayExpiry(OpenStay stay) {
        long end = LocalDate.ofEpochDay(MissingExitRule.dayAfterAuthorisedStay(stay))
                .plusYears(overstayYears)
                .toEpochDay();
        return expiryAt(end);
    }

    /**
     * When the closed file may go: its last movement has left the 90/180 window and a limited-entry visa's count is no
     * longer needed.
     */
    long closedExpiry(TravellerFile file) {
        long lastNeededDay =
                Math.max((long) file.getLastMovementDay() + windowDays, (long) file.visasNeededUntil() + 1);
        return expiryAt(lastNeededDay);
    }
}
