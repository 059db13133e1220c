package eu.borderflow.picture.pressure;

import eu.borderflow.picture.PictureSettings;
import eu.borderflow.picture.window.PictureWindows;
import eu.borderflow.rules.SectionPressureRule;
import eu.borderflow.schema.FlagStatus;
import eu.borderflow.schema.PictureUpdate;
import eu.borderflow.schema.PictureView;
import eu.borderflow.schema.RiskFlag;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * R11 for one border section (keyed by section id): fills the pressure figures of each window end into its DAY and
 * HOUR records ({@link SectionPressureRule}: the DAY's incidents against the DAY records of the same weekday and hour
 * in the previous weeks, which it keeps), and raises an R11 flag on the side output {@link #FLAGS} at the first window
 * end of each episode. A revised DAY record revises the flag's figures; when late reports show that the window an
 * hour earlier met the rule too, the flag is withdrawn (the earlier window then carries the episode's flag).
 *
 * <p>Incidents only add up and a baseline is at least a week old when it is used (the allowed lateness is at most a
 * week), so whether a window meets the rule can only turn from no to yes. Kept per window end: the DAY's incident
 * count (for later baselines, until the last of them can no longer be revised), whether it met the rule and its flag
 * (while the window can be revised); each dropped by an event-time timer.
 */
public final class SectionPressureWindow extends KeyedProcessFunction<String, PictureUpdate, PictureUpdate> {

    public static final String UID = "section-pressure-r11";
    public static final OutputTag<RiskFlag> FLAGS = new OutputTag<>("r11-flags", new AvroTypeInfo<>(RiskFlag.class));
    static final String RAISED = "r11Raised";
    static final String REVISED = "r11Revised";
    static final String WITHDRAWN = "r11Withdrawn";
    private static final long serialVersionUID = 1L;
    private static final long H = PictureWindows.HOUR_MILLIS;

    private final SectionPressureRule rule;
    private final PressureFlags flagBuilder;
    private final long latenessMillis;

    private transient MapState<Long, Long> dayIncidents;
    private transient MapState<Long, Boolean> met;
    private transient MapState<Long, RiskFlag> flags;
    private transient ValueState<Long> since;
    private transient Counter raised;
    private transient Counter revised;
    private transient Counter withdrawn;

    public SectionPressureWindow(PictureSettings settings) {
        this.rule = settings.pressure();
        this.flagBuilder = new PressureFlags(rule, settings.flagRetentionDays());
        this.latenessMillis = settings.allowedLatenessMillis();
    }

    /** The incidents of each DAY window, by its end: later windows' baselines. */
    static MapStateDescriptor<Long, Long> dayIncidentsState() {
        return new MapStateDescriptor<>("day-incidents", Types.LONG, Types.LONG);
    }

    /** Whether each DAY window met the rule, by its end. */
    static MapStateDescriptor<Long, Boolean> metState() {
        return new MapStateDescriptor<>("met", Types.LONG, Types.BOOLEAN);
    }

    /** The latest revision of the flag on each window end that started an episode. */
    static MapStateDescriptor<Long, RiskFlag> flagsState() {
        return new MapStateDescriptor<>("flags", Types.LONG, new AvroTypeInfo<>(RiskFlag.class));
    }

    /** The start of the section's first hour: where its history begins. */
    static ValueStateDescriptor<Long> sinceState() {
        return new ValueStateDescriptor<>("since", Types.LONG);
    }

    @Override
    public void open(OpenContext context) {
        dayIncidents = getRuntimeContext().getMapState(dayIncidentsState());
        met = getRuntimeContext().getMapState(metState());
        flags = getRuntimeContext().getMapState(flagsState());
        since = getRuntimeContext().getState(sinceState());
        raised = getRuntimeContext().getMetricGroup().counter(RAISED);
        revised = getRuntimeContext().getMetricGroup().counter(REVISED);
        withdrawn = getRuntimeContext().getMetricGroup().counter(WITHDRAWN);
    }

    @Override
    public void processElement(PictureUpdate window, Context ctx, Collector<PictureUpdate> out) throws Exception {
        long end = window.getWindowEnd().toEpochMilli();
        Long first = since.value();
        if (first == null || end - H < first) {
            since.update(end - H);
        }
        if (window.getView() == PictureView.DAY) {
            dayIncidents.put(end, window.getIncidents());
            ctx.timerService()
                    .registerEventTimeTimer(
                            end + rule.baselineWeeks() * SectionPressureRule.WEEK_MILLIS + latenessMillis);
        }
        SectionPressureRule.Assessment a = assess(end);
        PictureUpdate filled = PictureUpdate.newBuilder(window)
                .setPressureEvents(a.events())
                .setBaseline(a.baseline())
                .setPressureRatio(a.ratio())
                .setPressureRatioThreshold(rule.minRatio())
                .setPressureMinEvents(rule.minEvents())
                .setReviewSuggested(rule.enabled() && a.met())
                .build();
        if (window.getView() == PictureView.DAY) {
            met.put(end, a.met());
            ctx.timerService().registerEventTimeTimer(end + H + latenessMillis);
            if (rule.enabled()) {
                flagEpisodeStart(end, filled, ctx);
                withdrawIfNoLongerStart(end + H, ctx);
            }
        }
        out.collect(filled);
    }

    private SectionPressureRule.Assessment assess(long end) throws Exception {
        long[] baseline = new long[rule.baselineWeeks()];
        for (int week = 1; week <= baseline.length; week++) {
            Long count = dayIncidents.get(SectionPressureRule.baselineWindowEnd(end, week));
            baseline[week - 1] = count == null ? 0 : count;
        }
        Long events = dayIncidents.get(end);
        return rule.assess(events == null ? 0 : events, baseline, rule.historyComplete(end, since.value()));
    }

    private void flagEpisodeStart(long end, PictureUpdate day, Context ctx) throws Exception {
        boolean start = SectionPressureRule.startsEpisode(met(end), met(end - H));
        RiskFlag previous = flags.get(end);
        RiskFlag next = null;
        if (start && previous == null) {
            next = flagBuilder.raise(day);
            raised.inc();
        } else if (start) {
            next = flagBuilder.revise(previous, day);
            if (next != null) {
                revised.inc();
            }
        } else if (previous != null && previous.getStatus() != FlagStatus.WITHDRAWN) {
            next = flagBuilder.withdraw(previous);
            withdrawn.inc();
        }
        if (next != null) {
            flags.put(end, next);
            ctx.timerService().registerEventTimeTimer(end + latenessMillis);
            ctx.output(FLAGS, next);
        }
    }

    /** A window that started an episode no longer does once the window an hour before it meets the rule. */
    private void withdrawIfNoLongerStart(long end, Context ctx) throws Exception {
        RiskFlag flag = flags.get(end);
        if (flag != null
                && flag.getStatus() != FlagStatus.WITHDRAWN
                && !SectionPressureRule.startsEpisode(met(end), met(end - H))) {
            RiskFlag next = flagBuilder.withdraw(flag);
            withdrawn.inc();
            flags.put(end, next);
            ctx.output(FLAGS, next);
        }
    }

    private boolean met(long end) throws Exception {
        return Boolean.TRUE.equals(met.get(end));
    }

    /**
     * Each entry's timer is at its window end plus how long it is kept, so the timer at {@code timestamp} drops the
     * one entry of each map due then, by key: a watermark that jumps over weeks (a catch-up after an outage) fires a
     * timer per window, and a scan of every entry per timer made that quadratic and held the checkpoints behind it.
     */
    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<PictureUpdate> out) throws Exception {
        dayIncidents.remove(timestamp - rule.baselineWeeks() * SectionPressureRule.WEEK_MILLIS - latenessMillis);
        met.remove(timestamp - H - latenessMillis);
        flags.remove(timestamp - latenessMillis);
        if (dayIncidents.isEmpty() && met.isEmpty() && flags.isEmpty()) {
            since.clear();
        }
    }
}
