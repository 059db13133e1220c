package eu.borderflow.picture.output;

import eu.borderflow.picture.window.HeldWindows;
import eu.borderflow.schema.PictureUpdate;
import eu.borderflow.schema.PictureView;
import java.util.EnumMap;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Numbers the versions of each window of one border section (keyed by section id): the first version of a
 * (view, window end) is revision 0, each later one that differs is the next revision, and one that changes nothing is
 * dropped (maps compare by content). The last version of each window is kept until it can no longer be revised
 * (event-time timer).
 */
public final class PictureRevisions extends KeyedProcessFunction<String, PictureUpdate, PictureUpdate> {

    public static final String UID = "picture-revisions";

    static final String WINDOWS = "windows";
    static final String REVISIONS = "revisions";
    static final String UNCHANGED = "unchangedVersions";
    private static final long serialVersionUID = 1L;

    private final long latenessMillis;

    private transient MapState<String, PictureUpdate> published;
    private transient Map<PictureView, Counter> firstVersions;
    private transient Map<PictureView, Counter> revisions;
    private transient Counter unchanged;

    public PictureRevisions(long latenessMillis) {
        this.latenessMillis = latenessMillis;
    }

    /** The last revision of each window, by {@code <view>/<end>}. */
    static MapStateDescriptor<String, PictureUpdate> publishedState() {
        return new MapStateDescriptor<>("published", Types.STRING, new AvroTypeInfo<>(PictureUpdate.class));
    }

    @Override
    public void open(OpenContext context) {
        published = getRuntimeContext().getMapState(publishedState());
        firstVersions = new EnumMap<>(PictureView.class);
        revisions = new EnumMap<>(PictureView.class);
        for (PictureView view : PictureView.values()) {
            MetricGroup group = getRuntimeContext().getMetricGroup().addGroup("view", view.name());
            firstVersions.put(view, group.counter(WINDOWS));
            revisions.put(view, group.counter(REVISIONS));
        }
        unchanged = getRuntimeContext().getMetricGroup().counter(UNCHANGED);
    }

    @Override
    public void processElement(PictureUpdate version, Context ctx, Collector<PictureUpdate> out) throws Exception {
        long end = version.getWindowEnd().toEpochMilli();
        String key = HeldWindows.key(version.getView(), end);
        PictureUpdate previous = published.get(key);
        PictureUpdate candidate = PictureUpdate.newBuilder(version)
                .setRevision(previous == null ? 0 : previous.getRevision())
                .build();
        if (candidate.equals(previous)) {
            unchanged.inc();
            return;
        }
        if (previous == null) {
            firstVersions.get(version.getView()).inc();
            ctx.timerService().registerEventTimeTimer(end + latenessMillis);
        } else {
            candidate.setRevision(previous.getRevision() + 1);
            revisions.get(version.getView()).inc();
        }
        published.put(key, candidate);
        out.collect(candidate);
    }

    /** Each window's first version registered a timer a lateness after its end: found by key, not by a scan. */
    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<PictureUpdate> out) throws Exception {
        HeldWindows.forget(published, timestamp - latenessMillis);
    }
}
