package eu.borderflow.review;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * R10's two moments for an alert's review date (DOMAIN.md section 2: review periods, deletion notified in advance):
 * the notice {@code noticeMonths} before it and the date itself, each at the start of the day in UTC. The one
 * definition used by the risk job's timers and by the generator's ground truth.
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

    /** The start of the day {@code noticeMonths} before the review date, UTC, epoch millis. */
    public long noticeAt(LocalDate reviewDate) {
        return dueAt(reviewDate.minusMonths(noticeMonths));
    }
}
