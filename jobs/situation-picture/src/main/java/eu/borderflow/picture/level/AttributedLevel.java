package eu.borderflow.picture.level;

import eu.borderflow.picture.PictureSettings;
import eu.borderflow.picture.window.HeldWindows;
import eu.borderflow.schema.PictureUpdate;
import eu.borderflow.schema.SectionImpactLevel;
import eu.borderflow.schema.SectionLevelChange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;

/**
 * The attributed level of a border section (keyed by section id), passed through, never computed: each window gets
 * the level in force at its end, from the reference table or from a supervisor's change on
 * {@code eurosur.section.levels} (Reg. 2019/1896 Art. 34). A change that arrives after windows ending after it were
 * emitted stamps them again. Windows are kept for that until they can no longer be revised (event-time timer); the
 * level history keeps only what those windows and later ones need, which is at least the latest change: a section's
 * level outlives its traffic.
 */
public final class AttributedLevel
        extends KeyedCoProcessFunction<String, PictureUpdate, SectionLevelChange, PictureUpdate> {

    private static final long serialVersionUID = 1L;

    private final HashMap<String, SectionImpactLevel> referenceLevels;
    private final long latenessMillis;

    private transient ValueState<LevelHistory> history;
    private transient MapState<String, PictureUpdate> windows;

    public AttributedLevel(PictureSettings settings) {
        this.referenceLevels = new HashMap<>(settings.referenceLevels());
        this.latenessMillis = settings.allowedLatenessMillis();
    }

    static ValueStateDescriptor<LevelHistory> historyState() {
        return new ValueStateDescriptor<>("level-history", TypeInformation.of(LevelHistory.class));
    }

    /** The windows emitted, by {@code <view>/<end>}, while a level change may still stamp them again. */
    static MapStateDescriptor<String, PictureUpdate> windowsState() {
        return new MapStateDescriptor<>("windows", Types.STRING, new AvroTypeInfo<>(PictureUpdate.class));
    }

    @Override
    public void open(OpenContext context) {
        history = getRuntimeContext().getState(historyState());
        windows = getRuntimeContext().getMapState(windowsState());
    }

    @Override
    public void processElement1(PictureUpdate window, Context ctx, Collector<PictureUpdate> out) throws Exception {
        LevelHistory levels = history.value();
        PictureUpdate stamped = levels == null
                ? new LevelHistory().stamp(window, reference(ctx.getCurrentKey()))
                : levels.stamp(window, reference(ctx.getCurrentKey()));
        long end = window.getWindowEnd().toEpochMilli();
        windows.put(HeldWindows.key(window.getView(), end), stamped);
        ctx.timerService().registerEventTimeTimer(end + latenessMillis);
        out.collect(stamped);
    }

    @Override
    public void processElement2(SectionLevelChange change, Context ctx, Collector<PictureUpdate> out) throws Exception {
        LevelHistory levels = history.value() == null ? new LevelHistory() : history.value();
        long until = change.getUntil() == null
                ? LevelMark.PERMANENT
                : change.getUntil().toEpochMilli();
        if (!levels.add(
                new LevelMark(change.getChangeId(), change.getChangedAt().toEpochMilli(), change.getLevel(), until))) {
            return;
        }
        history.update(levels);
        SectionImpactLevel reference = reference(ctx.getCurrentKey());
        List<Map.Entry<String, PictureUpdate>> restamped = new ArrayList<>();
        for (Map.Entry<String, PictureUpdate> held : windows.entries()) {
            PictureUpdate again = levels.stamp(held.getValue(), reference);
            if (!again.equals(held.getValue())) {
                restamped.add(Map.entry(held.getKey(), again));
            }
        }
        restamped.sort(Map.Entry.comparingByKey());
        for (Map.Entry<String, PictureUpdate> entry : restamped) {
            windows.put(entry.getKey(), entry.getValue());
            out.collect(entry.getValue());
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<PictureUpdate> out) throws Exception {
        // Each window held has its own timer: this one ends the views of the window ending a lateness ago. A scan of
        // every window per timer cost the square of the windows after a jump of the watermark.
        HeldWindows.forget(windows, timestamp - latenessMillis);
        long cutoff = ctx.timerService().currentWatermark() - latenessMillis;
        LevelHistory levels = history.value();
        if (levels != null) {
            levels.forgetBefore(cutoff);
            history.update(levels);
        }
    }

    private SectionImpactLevel reference(String section) {
        return referenceLevels.get(section);
    }
}
