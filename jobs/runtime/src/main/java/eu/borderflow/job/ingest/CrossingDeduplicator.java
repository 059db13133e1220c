package eu.borderflow.job.ingest;

import eu.borderflow.schema.BorderCrossing;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

import java.time.Duration;

/**
 * Drops re-sent crossings (keyed by event id): the first copy passes, later copies are counted and dropped. The
 * "seen" mark is erased by an event-time timer {@code retention} after the crossing's event time.
 */
public final class CrossingDeduplicator extends KeyedProcessFunction<String, BorderCrossing, BorderCrossing> {

    static final String DUPLICATES_COUNTER = "duplicateCrossings";
    private static final long serialVersionUID = 1L;

    private final long retentionMillis;
    private transient ValueState<Boolean> seen;
    private transient Counter duplicates;

    public CrossingDeduplicator(Duration retention) {
        this.retentionMillis = retention.toMillis();
    }

    @Override
    public void open(OpenContext context) {
        seen = getRuntimeContext().getState(new ValueStateDescriptor<>("seen", Types.BOOLEAN));
        duplicates = getRuntimeContext().getMetricGroup().counter(DUPLICATES_COUNTER);
    }

    @Override
    public void processElement(BorderCrossing crossing, Context ctx, Collector<BorderCrossing> out) throws Exception {
        if (seen.value() != null) {
            duplicates.inc();
            return;
        }
        seen.update(Boolean.TRUE);
        ctx.timerService().registerEventTimeTimer(crossing.getEventTime().toEpochMilli() + retentionMillis);
        out.collect(crossing);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<BorderCrossing> out) {
        seen.clear();
    }

    long duplicateCount() {
        return duplicates.getCount();
    }
}
