package eu.borderflow.picture.window;

import eu.borderflow.schema.Freshness;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;

/**
 * Whether a section's picture rests on current data: UNKNOWN when no record (crossing, incident or flag) has an event
 * time within {@code unknownAfter} before the window's end. A quiet section and a section whose feeds stopped look the
 * same in the counts; this keeps the second from being shown as the first.
 */
public final class SectionFreshness implements Serializable {

    private static final long serialVersionUID = 1L;

    private final long unknownAfterMillis;

    public SectionFreshness(Duration unknownAfter) {
        if (unknownAfter.isNegative() || unknownAfter.toMillis() > PictureWindows.DAY_MILLIS) {
            throw new IllegalArgumentException(
                    "freshness must be judged within the picture's 24 hours, not " + unknownAfter);
        }
        this.unknownAfterMillis = unknownAfter.toMillis();
    }

    /** The freshness at {@code windowEnd} of a section whose newest record is {@code lastData} (null: none). */
    public Freshness at(long windowEnd, Instant lastData) {
        return lastData == null || windowEnd - lastData.toEpochMilli() > unknownAfterMillis
                ? Freshness.UNKNOWN
                : Freshness.FRESH;
    }
}
