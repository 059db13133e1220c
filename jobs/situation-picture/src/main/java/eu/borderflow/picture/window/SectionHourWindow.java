package eu.borderflow.picture.window;

import eu.borderflow.job.ingest.DeadLetters;
import eu.borderflow.picture.PictureSettings;
import eu.borderflow.schema.PictureUpdate;
import eu.borderflow.schema.SectionImpactLevel;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/**
 * The tumbling hour of one border section (keyed by section id): counts each record in the hour of its event time
 * (an overdue report also in the hour it was received) and publishes every hour, empty ones included, once the
 * watermark has passed its end plus {@code publish_after}. A record for an hour already published revises it (the
 * hour is published again); one later than the allowed lateness after its hour's end becomes a LATE dead letter.
 *
 * <p>A section's hours are published from the first hour that holds a record on, every hour: a section that falls
 * silent goes on being published (and shown UNKNOWN), since silence is what the picture must not hide. Each hour's
 * state is dropped by an event-time timer at its end plus the allowed lateness; what remains of a section is its
 * clock, one small value for each section of the reference table. At the end of a bounded input (watermark at
 * +infinity) hours are published up to the newest record of the whole input less the out-of-orderness
 * ({@link DataClock}, broadcast): later hours were not reached by the data.
 */
public final class SectionHourWindow extends KeyedBroadcastProcessFunction<String, SectionEvent, Long, PictureUpdate> {

    public static final String UID = "section-hour-window";
    static final String HOURS_PUBLISHED = "hoursPublished";
    static final String HOURS_REVISED = "hoursRevised";
    private static final long serialVersionUID = 1L;
    private static final long H = PictureWindows.HOUR_MILLIS;

    private final long latenessMillis;
    private final long publishAfterMillis;
    private final long reportDueMillis;
    private final int maxIncidents;
    private final HashMap<String, SectionImpactLevel> referenceLevels;

    private transient MapState<Long, HourBucket> hours;
    private transient ValueState<SectionClock> clock;
    private transient Counter published;
    private transient Counter revised;
    private transient Counter late;

    public SectionHourWindow(PictureSettings settings) {
        this.latenessMillis = settings.allowedLatenessMillis();
        this.publishAfterMillis = settings.publishAfterMillis();
        this.reportDueMillis = settings.reportDueMillis();
        this.maxIncidents = settings.maxContributingIncidents();
        this.referenceLevels = new HashMap<>(settings.referenceLevels());
    }

    /** Each hour's counts, by the hour's start. */
    static MapStateDescriptor<Long, HourBucket> hoursState() {
        return new MapStateDescriptor<>("hours", Types.LONG, TypeInformation.of(HourBucket.class));
    }

    static ValueStateDescriptor<SectionClock> clockState() {
        return new ValueStateDescriptor<>("clock", TypeInformation.of(SectionClock.class));
    }

    @Override
    public void open(OpenContext context) {
        hours = getRuntimeContext().getMapState(hoursState());
        clock = getRuntimeContext().getState(clockState());
        published = getRuntimeContext().getMetricGroup().counter(HOURS_PUBLISHED);
        revised = getRuntimeContext().getMetricGroup().counter(HOURS_REVISED);
        late = getRuntimeContext().getMetricGroup().addGroup("deadletters", DeadLetters.LATE).counter("count");
    }

    @Override
    public void processElement(SectionEvent e, ReadOnlyContext ctx, Collector<PictureUpdate> out) throws Exception {
        long watermark = ctx.timerService().currentWatermark();
        long hour = PictureWindows.hourStart(e.getEventTime());
        if (hour + H + latenessMillis <= watermark) {
            late.inc();
            ctx.output(DeadLetters.TAG, DeadLetters.builder(e.getSource(), DeadLetters.NO_PARTITION,
                            DeadLetters.NO_OFFSET, e.getEventTime(), null, null)
                    .eventId(e.getRecordId())
                    .reason(DeadLetters.LATE, e.getKind() + " of section " + e.getSectionId() + " at "
                            + Instant.ofEpochMilli(e.getEventTime()) + " came more than "
                            + Duration.ofMillis(latenessMillis) + " after its hour ended (watermark "
                            + Instant.ofEpochMilli(watermark) + "); the hour is final")
                    .operator(UID)
                    .build());
            return;
        }
        SectionClock c = clock.value();
        boolean backfill = false;
        if (c == null || hour < c.getPublishedFrom() && c.nothingPublished()) {
            c = new SectionClock(hour);
            ctx.timerService().registerEventTimeTimer(hour + H + publishAfterMillis);
        } else {
            // Hours before the first published one are due already when a stream starts mid-way.
            backfill = hour < c.getPublishedFrom();
        }
        boolean changed = update(hour, b -> b.count(e), ctx);
        if (backfill) {
            for (long h = hour; h < c.getPublishedFrom(); h += H) {
                published.inc();
                out.collect(record(ctx.getCurrentKey(), h));
            }
            c.setPublishedFrom(hour);
        } else if (changed) {
            publishIfPublished(hour, c, ctx.getCurrentKey(), out);
        }
        clock.update(c);
        if (e.getKind() == SectionEvent.Kind.INCIDENT && e.getReportedTime() - e.getEventTime() > reportDueMillis) {
            long reportHour = PictureWindows.hourStart(e.getReportedTime());
            if (reportHour + H + latenessMillis > watermark && update(reportHour, b -> b.countOverdue(e), ctx)) {
                publishIfPublished(reportHour, c, ctx.getCurrentKey(), out);
            }
        }
    }

    /** Applies {@code change} to the hour's bucket; true when it changed anything. */
    private boolean update(long hour, BucketChange change, ReadOnlyContext ctx) throws Exception {
        HourBucket bucket = hours.get(hour);
        if (bucket == null) {
            bucket = new HourBucket(hour);
            ctx.timerService().registerEventTimeTimer(hour + H + latenessMillis);
        }
        if (!change.apply(bucket)) {
            return false;
        }
        hours.put(hour, bucket);
        return true;
    }

    /** An hour already published is published again at once: a revision. */
    private void publishIfPublished(long hour, SectionClock c, String section, Collector<PictureUpdate> out)
            throws Exception {
        if (c.published(hour)) {
            revised.inc();
            out.collect(record(section, hour));
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<PictureUpdate> out) throws Exception {
        long watermark = ctx.timerService().currentWatermark();
        boolean endOfInput = watermark == Long.MAX_VALUE;
        SectionClock c = clock.value();
        if (c != null) {
            Long reached = ctx.getBroadcastState(DataClock.STATE).get(DataClock.REACHED);
            long limit = !endOfInput ? watermark - publishAfterMillis : reached == null ? Long.MIN_VALUE : reached;
            while (c.getPublishedUntil() + H <= limit) {
                published.inc();
                out.collect(record(ctx.getCurrentKey(), c.getPublishedUntil()));
                c.setPublishedUntil(c.getPublishedUntil() + H);
            }
            clock.update(c);
            if (!endOfInput) {
                ctx.timerService().registerEventTimeTimer(c.getPublishedUntil() + H + publishAfterMillis);
            }
        }
        List<Long> expired = new ArrayList<>();
        for (Long hour : hours.keys()) {
            if (hour + H + latenessMillis <= watermark) {
                expired.add(hour);
            }
        }
        for (Long hour : expired) {
            hours.remove(hour);
        }
        if (endOfInput && hours.isEmpty()) {
            clock.clear();
        }
    }

    private PictureUpdate record(String section, long hour) throws Exception {
        HourBucket bucket = hours.get(hour);
        return (bucket != null ? bucket : new HourBucket(hour))
                .toRecord(section, referenceLevels.get(section), maxIncidents);
    }

    /** The newest full hour the data of any instance has reached. */
    @Override
    public void processBroadcastElement(Long reached, Context ctx, Collector<PictureUpdate> out) throws Exception {
        BroadcastState<String, Long> clock = ctx.getBroadcastState(DataClock.STATE);
        Long known = clock.get(DataClock.REACHED);
        if (known == null || reached > known) {
            clock.put(DataClock.REACHED, reached);
        }
    }

    /** A change of one hour's bucket. */
    @FunctionalInterface
    private interface BucketChange {
        boolean apply(HourBucket bucket);
    }
}
