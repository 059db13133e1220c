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
 * out-of-orderness (5 minutes) after the crossing at the pace of real traffic.
 * <p>
 * A crossing that comes after a newer one of its partition is behind that watermark already. Each probe carries the
 * watermark this subtask had sent on before it ({@link CrossingProbe#getProbedAfter}): the next one follows the
 * probes on every channel, and a matcher forwards a watermark only after the matches of what came before it, so the
 * assembler has every match of such a crossing before its watermark passes that value, and waits for it.
 */
public final class PersonProbes extends AbstractStreamOperator<CrossingProbe>
        implements OneInputStreamOperator<BorderCrossing, CrossingProbe> {

    public static final String UID = "alerts-r2-r9-person-probes";
    private static final long serialVersionUID = 1L;

    private final OperatorFailures failures = new OperatorFailures(RiskFlagJob.CROSSINGS, UID);
    private final long outOfOrdernessMillis;
    private transient SingleObjectSerde<BorderCrossing> serde;
    private transient TimestampedCollector<CrossingProbe> collector;
    /** The last watermark sent on; not in a checkpoint, as every operator restarts from the start of time. */
    private transient long sentWatermark;

    public PersonProbes(Duration outOfOrderness) {
        this.outOfOrdernessMillis = outOfOrderness.toMillis();
    }

    @Override
    public void open() throws Exception {
        super.open();
        failures.open(getMetricGroup());
        serde = SingleObjectSerde.of(BorderCrossing.class);
        collector = new TimestampedCollector<>(output);
        sentWatermark = Long.MIN_VALUE;
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
        for (CrossingProbe probe : probes) {
            probe.setProbedAfter(sentWatermark);
            collector.collect(probe);
        }
    }

    @Override
    public void processWatermark(Watermark mark) throws Exception {
        long input = mark.getTimestamp();
        boolean unbounded = input == Long.MIN_VALUE || input >= Long.MAX_VALUE - outOfOrdernessMillis - 1;
        Watermark sent = unbounded ? mark : new Watermark(input + outOfOrdernessMillis + 1);
        super.processWatermark(sent);
        sentWatermark = sent.getTimestamp();
    }
}
