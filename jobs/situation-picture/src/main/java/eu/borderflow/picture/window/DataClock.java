package eu.borderflow.picture.window;

import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * How far the data has reached: the newest event time this instance has seen less the out-of-orderness, as the full
 * hour it falls in, emitted each time it moves on (about once an hour of event time). Broadcast to every
 * {@link SectionHourWindow}, whose largest value says up to where hours may be published at the end of a bounded
 * input. The whole job's newest record decides it, so the last hours published do not depend on how sections were
 * spread over parallel instances.
 */
public final class DataClock extends ProcessFunction<SectionEvent, Long> {

    public static final String UID = "data-clock";

    /** The broadcast state of {@link SectionHourWindow}: {@link #REACHED} to the data clock's full hour. */
    public static final MapStateDescriptor<String, Long> STATE =
            new MapStateDescriptor<>("data-clock", Types.STRING, Types.LONG);

    static final String REACHED = "reached";
    private static final long serialVersionUID = 1L;

    private final long outOfOrdernessMillis;
    private transient long emitted = Long.MIN_VALUE;

    public DataClock(long outOfOrdernessMillis) {
        this.outOfOrdernessMillis = outOfOrdernessMillis;
    }

    @Override
    public void processElement(SectionEvent e, Context ctx, Collector<Long> out) {
        long reached = PictureWindows.hourStart(e.getEventTime() - outOfOrdernessMillis);
        if (reached > emitted) {
            emitted = reached;
            out.collect(reached);
        }
    }
}
