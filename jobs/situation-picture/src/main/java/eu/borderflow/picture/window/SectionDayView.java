package eu.borderflow.picture.window;

import eu.borderflow.picture.PictureSettings;
import eu.borderflow.schema.PictureUpdate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * The 24-hour view of one border section (keyed by section id), from the hour records of {@link SectionHourWindow}.
 * For each hour ending at {@code e} it emits the DAY record of the 24 hours ending at {@code e}, then the HOUR
 * record, both stamped with what is known of the section as of {@code e}: the newest event time within those 24
 * hours, its freshness, and the incidents behind R11's figure. A revised hour changes every day window holding it, so
 * both records of each later window end within 24 hours are emitted again; {@code PictureRevisions} numbers the
 * versions and drops those that did not change. An hour's record is dropped by an event-time timer once no window
 * holding it can be revised any more.
 */
public final class SectionDayView extends KeyedProcessFunction<String, PictureUpdate, PictureUpdate> {

    private static final long serialVersionUID = 1L;
    private static final long H = PictureWindows.HOUR_MILLIS;

    private final long latenessMillis;
    private final int maxIncidents;
    private final SectionFreshness freshness;

    private transient MapState<Long, PictureUpdate> hours;

    public SectionDayView(PictureSettings settings) {
        this.latenessMillis = settings.allowedLatenessMillis();
        this.maxIncidents = settings.maxContributingIncidents();
        this.freshness = settings.freshness();
    }

    /** The hour records of the last 24 hours (and the allowed lateness), by the hour's start. */
    static MapStateDescriptor<Long, PictureUpdate> hoursState() {
        return new MapStateDescriptor<>("hours", Types.LONG, new AvroTypeInfo<>(PictureUpdate.class));
    }

    @Override
    public void open(OpenContext context) {
        hours = getRuntimeContext().getMapState(hoursState());
    }

    @Override
    public void processElement(PictureUpdate hour, Context ctx, Collector<PictureUpdate> out) throws Exception {
        long start = hour.getWindowStart().toEpochMilli();
        hours.put(start, hour);
        // The last day window holding this hour ends 23 hours after it; it can be revised until then plus the lateness.
        ctx.timerService().registerEventTimeTimer(start + PictureWindows.DAY_MILLIS + latenessMillis);
        for (long end = start + H; end <= start + PictureWindows.DAY_MILLIS; end += H) {
            PictureUpdate endingHour = end == start + H ? hour : hours.get(end - H);
            if (endingHour != null) {
                emit(end, endingHour, out);
            }
        }
    }

    private void emit(long end, PictureUpdate endingHour, Collector<PictureUpdate> out) throws Exception {
        List<PictureUpdate> newestFirst = new ArrayList<>(PictureWindows.HOURS_PER_DAY);
        for (long start = end - H; start >= end - PictureWindows.DAY_MILLIS; start -= H) {
            PictureUpdate h = start == end - H ? endingHour : hours.get(start);
            if (h != null) {
                newestFirst.add(h);
            }
        }
        PictureUpdate day = PictureWindows.day(end, newestFirst, maxIncidents);
        Instant lastData = day.getLastDataTime();
        day.setFreshness(freshness.at(end, lastData));
        out.collect(day);
        out.collect(PictureUpdate.newBuilder(endingHour)
                .setLastDataTime(lastData)
                .setFreshness(day.getFreshness())
                .setContributingIncidentIds(day.getContributingIncidentIds())
                .build());
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<PictureUpdate> out) throws Exception {
        hours.remove(timestamp - PictureWindows.DAY_MILLIS - latenessMillis);
    }
}
