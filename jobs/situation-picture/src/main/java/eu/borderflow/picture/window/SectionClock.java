package eu.borderflow.picture.window;

/**
 * Where a section's hourly publication stands: the hours published so far, {@code [publishedFrom, publishedUntil)},
 * empty while both are the section's first hour; and the watermark of the section's last timer, which dropped the
 * hours that ended the allowed lateness before it: a job restored from a checkpoint or savepoint starts without a
 * watermark, and must not take such an hour for a new, empty one. A Flink POJO.
 */
public class SectionClock {

    private long publishedFrom;
    private long publishedUntil;
    private long watermark = Long.MIN_VALUE;

    public SectionClock() {}

    public SectionClock(long firstHour) {
        this(firstHour, firstHour);
    }

    public SectionClock(long publishedFrom, long publishedUntil) {
        this.publishedFrom = publishedFrom;
        this.publishedUntil = publishedUntil;
    }

    public boolean nothingPublished() {
        return publishedFrom == publishedUntil;
    }

    /** Whether {@code hour} has been published. */
    public boolean published(long hour) {
        return hour >= publishedFrom && hour < publishedUntil;
    }

    public long getPublishedFrom() {
        return publishedFrom;
    }

    public void setPublishedFrom(long publishedFrom) {
        this.publishedFrom = publishedFrom;
    }

    public long getPublishedUntil() {
        return publishedUntil;
    }

    public void setPublishedUntil(long publishedUntil) {
        this.publishedUntil = publishedUntil;
    }

    public long getWatermark() {
        return watermark;
    }

    public void setWatermark(long watermark) {
        this.watermark = watermark;
    }
}
