package eu.borderflow.review;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The moments of an alert's review date (DOMAIN.md section 2: review periods, deletion notified in advance): R10's
 * notice {@code noticeMonths} before it and the date itself, each at the start of the day in UTC; and the end of the
 * review period, when an alert not extended is deleted. The one definition used by the risk job and by the
 * generator's ground truth.
 *
 * @param noticeMonths months of notice before the review date (rules.yaml R10 {@code notice_months})
 */
public record ReviewDates(int noticeMonths) implements Serializable {

    public ReviewDates {
        if (noticeMonths < 0) {
            throw new IllegalArgumentException("notice months cannot be negative: " + noticeMonths);
        }
    }

    /** The review date's start, UTC, epoch millis. */
    public long dueAt(LocalDate reviewDate) {
        return reviewDate.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    /**
     * The end of the review period: the start, UTC, of the day after the review date, epoch millis. An alert that no
     * change extended by then is deleted (Reg. (EU) 2018/1861 Art. 39(5), 2018/1862 Art. 53(8)) and matches nothing
     * from this moment on.
     */
    public static long expiresAt(LocalDate reviewDate) {
        return reviewDate.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    /** The start of the day {@code noticeMonths} before the review date, UTC, epoch millis. */
    public long noticeAt(LocalDate reviewDate) {
        return dueAt(reviewDate.minusMonths(noticeMonths));
    }
}
