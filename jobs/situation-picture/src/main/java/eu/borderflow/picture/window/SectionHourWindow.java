package eu.borderflow.picture.window;

import eu.borderflow.job.ingest.DeadLetters;
import eu.borderflow.job.ingest.JobInput;
import eu.borderflow.job.ingest.OperatorFailures;
import eu.borderflow.picture.PictureSettings;
import eu.borderflow.picture.SituationPictureJob;
import eu.borderflow.schema.PictureUpdate;
import eu.borderflow.schema.SectionImpactLevel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;

/**
 * The tumbling hour of one border section (keyed by section id): counts each record in the hour of its event time
 * (an overdue report also in the hour it was received) and publishes every hour, empty ones included, once the
 * watermark has passed its end plus {@code publish_after}. A record for an hour already published revises it (the
 * hour is published again); one later than the allowed lateness after its hour's end becomes a LATE dead letter.
 * A record the operator fails on becomes a PROCESSING_ERROR dead letter and changes nothing: its changes are worked
 * out on copies and stored only when all of them succeeded.
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
    /** What a dead letter of a timer names as its source: the section's facts, of no one input. */
    private static final JobInput FACTS = new JobInput(SituationPictureJob.JOB, "section facts");

    private final long latenessMillis;
    private final long publishAfterMillis;
    private final long reportDueMillis;
    private final int maxIncidents;
    private final HashMap<String, SectionImpactLevel> referenceLevels;
    /** LATE and PROCESSING_ERROR dead letters, counted per reason; each names the record's input. */
    private final OperatorFailures failures = new OperatorFailures(FACTS, UID);

    private transient MapState<Long, HourBucket> hours;
    private transient ValueState<SectionClock> clock;
    private transient Counter published;
    private transient Counter revised;
    private transient TypeSerializer<HourBucket> bucketCopier;
    private transient Map<String, OperatorFailures> failuresByInput;

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
        bucketCopier = getRuntimeContext().createSerializer(TypeInformation.of(HourBucket.class));
        failures.open(getRuntimeContext().getMetricGroup());
        failuresByInput = new HashMap<>();
    }

    @Override
    public void processElement(SectionEvent e, ReadOnlyContext ctx, Collector<PictureUpdate> out) throws Exception {
        SectionClock stored = clock.value();
        // After a restore the watermark starts anew; the stored one still says which hours were dropped as final.
        long watermark = Math.max(
                ctx.timerService().currentWatermark(), stored == null ? Long.MIN_VALUE : stored.getWatermark());
        long hour = PictureWindows.hourStart(e.getEventTime());
        if (hour + H + latenessMillis <= watermark) {
            ctx.output(
                    DeadLetters.TAG,
                    failures(e.getSource())
                            .late(
                                    e.getRecordId(),
                                    e.getEventTime(),
                                    null,
                                    e.getKind() + " of section " + e.getSectionId() + " at "
                                            + Instant.ofEpochMilli(e.getEventTime())
                                            + " came more than " + Duration.ofMillis(latenessMillis)
                                            + " after its hour ended "
                                            + "(watermark " + Instant.ofEpochMilli(watermark)
                                            + "); the hour is final"));
            return;
        }
        Change change = new Change();
        try {
            apply(e, hour, watermark, change);
        } catch (RuntimeException failure) {
            ctx.output(DeadLetters.TAG, failures(e.getSource()).on(failure, e.getRecordId(), e.getEventTime()));
            return;
        }
        change.commit(ctx, out);
    }

    /** Works out what {@code e} changes, on copies: nothing is stored or sent unless all of it succeeds. */
    private void apply(SectionEvent e, long hour, long watermark, Change change) throws Exception {
        SectionClock stored = clock.value();
        SectionClock c;
        boolean backfill = false;
        if (stored == null || hour < stored.getPublishedFrom() && stored.nothingPublished()) {
            c = new SectionClock(hour);
            change.timers.add(hour + H + publishAfterMillis);
        } else {
            c = new SectionClock(stored.getPublishedFrom(), stored.getPublishedUntil());
            // Hours before the first published one are due already when a stream starts mid-way.
            backfill = hour < c.getPublishedFrom();
        }
        if (stored != null) {
            c.setWatermark(stored.getWatermark());
        }
        change.newClock = c;
        boolean changed = change.bucket(hour).count(e) && change.dirty.add(hour);
        if (backfill) {
            for (long h = hour; h < c.getPublishedFrom(); h += H) {
                change.published.add(h);
            }
            c.setPublishedFrom(hour);
        } else if (changed && c.published(hour)) {
            change.revised.add(hour);
        }
        if (e.getKind() == SectionEvent.Kind.INCIDENT && e.getReportedTime() - e.getEventTime() > reportDueMillis) {
            long reportHour = PictureWindows.hourStart(e.getReportedTime());
            if (reportHour + H + latenessMillis > watermark
                    && change.bucket(reportHour).countOverdue(e)
                    && change.dirty.add(reportHour)
                    && c.published(reportHour)) {
                change.revised.add(reportHour);
            }
        }
    }

    private OperatorFailures failures(String input) {
        return failuresByInput.computeIfAbsent(input, name -> failures.forInput(FACTS.other(name)));
    }

    /** What one record changes: buckets (copies), the clock, timers and the hours to send. */
    private final class Change {
        private final Map<Long, HourBucket> buckets = new HashMap<>();
        private final Set<Long> dirty = new HashSet<>();
        private final List<Long> timers = new ArrayList<>();
        private final List<Long> published = new ArrayList<>();
        private final List<Long> revised = new ArrayList<>();
        private SectionClock newClock;

        /** A working copy of the hour's bucket (a new one if there is none). */
        HourBucket bucket(long hour) throws Exception {
            HourBucket working = buckets.get(hour);
            if (working == null) {
                HourBucket stored = hours.get(hour);
                working = stored == null ? new HourBucket(hour) : bucketCopier.copy(stored);
                buckets.put(hour, working);
            }
            return working;
        }

        void commit(ReadOnlyContext ctx, Collector<PictureUpdate> out) throws Exception {
            for (Long hour : dirty) {
                if (!hours.contains(hour)) {
                    ctx.timerService().registerEventTimeTimer(hour + H + latenessMillis);
                }
                hours.put(hour, buckets.get(hour));
            }
            SectionHourWindow.this.clock.update(newClock);
            timers.forEach(ctx.timerService()::registerEventTimeTimer);
            for (Long hour : published) {
                SectionHourWindow.this.published.inc();
                out.collect(record(ctx.getCurrentKey(), hour));
            }
            for (Long hour : revised) {
                SectionHourWindow.this.revised.inc();
                out.collect(record(ctx.getCurrentKey(), hour));
            }
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
            List<PictureUpdate> due = new ArrayList<>();
            long until = c.getPublishedUntil();
            try {
                for (; until + H <= limit; until += H) {
                    due.add(record(ctx.getCurrentKey(), until));
                }
            } catch (RuntimeException failure) {
                ctx.output(DeadLetters.TAG, failures.on(failure, null, timestamp));
                due.clear();
                until = c.getPublishedUntil();
            }
            c.setPublishedUntil(until);
            if (!endOfInput) {
                c.setWatermark(Math.max(c.getWatermark(), watermark));
            }
            clock.update(c);
            for (PictureUpdate hour : due) {
                published.inc();
                out.collect(hour);
            }
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
}
