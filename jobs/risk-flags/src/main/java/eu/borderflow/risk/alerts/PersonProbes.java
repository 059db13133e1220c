package eu.borderflow.risk.alerts;

import eu.borderflow.job.ingest.DeadLetters;
import eu.borderflow.job.ingest.OperatorFailures;
import eu.borderflow.risk.RiskFlagJob;
import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.serde.SingleObjectSerde;
import java.time.Duration;
import java.util.List;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.operators.TimestampedCollector;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * The name and date blocking keys of each crossing for R2 and R9: one probe per key ({@link CrossingProbes#person}).
 * <p>
 * Its watermark is the crossings' without the out-of-orderness allowance: the newest event time of the partition
 * furthest behind (its input's watermark plus time.out_of_orderness and 1 ms, as Flink's bounded-out-of-orderness
 * watermarks are made; {@code ResumingWatermarks}). {@link PersonFlagAssembler} waits for it to make one flag of a
 * crossing's matches at all its keys: with the crossings' own watermark, a wanted person's flag came the
 * out-of-orderness (5 minutes) after the crossing at the pace of real traffic. A crossing that comes after a newer one
 * of its partition still has all its probes matched, since the matcher waits for the alert changelog only; its
 * matches reach the assembler behind its watermark, which assembles them at its next one. The price: such a crossing
 * whose matches at two keys come from two matcher subtasks may be flagged with one of them first and revised with
 * both, in an order that depends on which answers first (as for a late crossing before); the standing flag is the
 * same.
 */
public final class PersonProbes extends AbstractStreamOperator<CrossingProbe>
        implements OneInputStreamOperator<BorderCrossing, CrossingProbe> {

    public static final String UID = "alerts-r2-r9-person-probes";
    private static final long serialVersionUID = 1L;

    private final OperatorFailures failures = new OperatorFailures(RiskFlagJob.CROSSINGS, UID);
    private final long outOfOrdernessMillis;
    private transient SingleObjectSerde<BorderCrossing> serde;
    private transient TimestampedCollector<CrossingProbe> collector;

    public PersonProbes(Duration outOfOrderness) {
        this.outOfOrdernessMillis = outOfOrderness.toMillis();
    }

    @Override
    public void open() throws Exception {
        super.open();
        failures.open(getMetricGroup());
        serde = SingleObjectSerde.of(BorderCrossing.class);
        collector = new TimestampedCollector<>(output);
    }

    @Override
    public void processElement(StreamRecord<BorderCrossing> element) {
        BorderCrossing crossing = element.getValue();
        long at = crossing.getEventTime().toEpochMilli();
        List<CrossingProbe> probes;
        try {
            probes = CrossingProbes.person(crossing);
        } catch (RuntimeException e) {
            output.collect(
                    DeadLetters.TAG,
                    new StreamRecord<>(failures.on(e, crossing.getEventId(), at, crossing, serde), at));
            return;
        }
        collector.setTimestamp(element);
        probes.forEach(collector::collect);
    }

    @Override
    public void processWatermark(Watermark mark) throws Exception {
        long input = mark.getTimestamp();
        boolean unbounded = input == Long.MIN_VALUE || input >= Long.MAX_VALUE - outOfOrdernessMillis - 1;
        super.processWatermark(unbounded ? mark : new Watermark(input + outOfOrdernessMillis + 1));
    }
}
