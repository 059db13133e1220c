package eu.borderflow.picture.window;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Where a section's hourly publication stands: the hours published so far, {@code [publishedFrom, publishedUntil)}
 * (empty while both are the first hour), and the hours that hold records, from R11's look-back before the next hour
 * on. Whether the section is alive at an hour depends only on records of earlier hours, so it does not depend on the
 * order in which the inputs happened to arrive. A Flink POJO.
 */
public class SectionClock {

    private long publishedFrom;
    private long publishedUntil;
    private List<Long> dataHours = new ArrayList<>();

    public SectionClock() {
    }

    public SectionClock(long firstHour) {
        this.publishedFrom = firstHour;
        this.publishedUntil = firstHour;
    }

    /** Notes that {@code hour} holds a record. */
    public void addDataHour(long hour) {
        int at = Collections.binarySearch(dataHours, hour);
        if (at < 0) {
            dataHours.add(-at - 1, hour);
        }
    }

    /** Whether an hour in {@code [hour - lookBack + 1 h, hour]} holds a record: the section is alive at {@code hour}. */
    public boolean aliveAt(long hour, long lookBackMillis) {
        int at = Collections.binarySearch(dataHours, hour);
        if (at >= 0) {
            return true;
        }
        int before = -at - 2;
        return before >= 0 && dataHours.get(before) > hour - lookBackMillis;
    }

    /** The first hour at or after {@code hour} that holds a record, or null. */
    public Long nextDataHour(long hour) {
        int at = Collections.binarySearch(dataHours, hour);
        int index = at >= 0 ? at : -at - 1;
        return index < dataHours.size() ? dataHours.get(index) : null;
    }

    /** Forgets data hours no later hour's liveness depends on. */
    public void forgetBefore(long hour) {
        int from = 0;
        while (from < dataHours.size() && dataHours.get(from) < hour) {
            from++;
        }
        if (from > 0) {
            dataHours = new ArrayList<>(dataHours.subList(from, dataHours.size()));
        }
    }

    public boolean nothingPublished() {
        return publishedFrom == publishedUntil;
    }

    /** Whether {@code hour} lies in the published span. */
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

    public List<Long> getDataHours() {
        return dataHours;
    }

    public void setDataHours(List<Long> dataHours) {
        this.dataHours = dataHours;
    }
}
