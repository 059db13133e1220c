package eu.borderflow.risk.alerts;

import eu.borderflow.job.ingest.DeadLetters;
import eu.borderflow.job.ingest.OperatorFailures;
import eu.borderflow.risk.RiskFlagJob;
import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.serde.SingleObjectSerde;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.state.StateInitializationContext;
import org.apache.flink.runtime.state.StateSnapshotContext;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.operators.TimestampedCollector;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The blocking keys of each crossing for R2 and R9: one probe per key ({@link CrossingProbes#person}).
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
 * <p>
 * The keys are the crossing's dates ({@link BlockingKeys}). Restored from a savepoint of a job before this operator
 * kept state (2026-12-08), whose person matcher may hold alerts under name keys alone (before 2026-12-06), the
 * crossings probe the name keys too, and go on doing so in every checkpoint after: such an alert is found by them
 * only. A job restored without this operator's state (R2 and R9 were switched off) cannot be told apart and does the
 * same. That costs about a third of the job's CPU; a job started without that state (its alerts replayed) drops them
 * (ops/RUNBOOK.md, "Upgrade and rescale").
 */
public final class PersonProbes extends AbstractStreamOperator<CrossingProbe>
        implements OneInputStreamOperator<BorderCrossing, CrossingProbe> {

    private static final Logger LOG = LoggerFactory.getLogger(PersonProbes.class);

    public static final String UID = "alerts-r2-r9-person-probes";
    private static final long serialVersionUID = 1L;

    private final OperatorFailures failures = new OperatorFailures(RiskFlagJob.CROSSINGS, UID);
    private final long outOfOrdernessMillis;
    private transient SingleObjectSerde<BorderCrossing> serde;
    private transient TimestampedCollector<CrossingProbe> collector;
    /** The last watermark sent on; not in a checkpoint, as every operator restarts from the start of time. */
    private transient long sentWatermark;
    /** Whether the crossings probe the name keys too; the same in every subtask, kept in each checkpoint. */
    private transient boolean nameKeys;

    private transient ListState<Boolean> nameKeysState;

    public PersonProbes(Duration outOfOrderness) {
        this.outOfOrdernessMillis = outOfOrderness.toMillis();
    }

    @Override
    public void initializeState(StateInitializationContext context) throws Exception {
        super.initializeState(context);
        nameKeysState = context.getOperatorStateStore()
                .getUnionListState(new ListStateDescriptor<>("person-probes-name-keys", Types.BOOLEAN));
        boolean restoredWithoutIt =
                context.isRestored() && !nameKeysState.get().iterator().hasNext();
        nameKeys = restoredWithoutIt;
        for (Boolean kept : nameKeysState.get()) {
            nameKeys |= kept;
        }
        if (nameKeys) {
            LOG.warn("restored from a savepoint of a job before 2026-12-08: the crossings probe the alerts' name keys"
                    + " too (slower); a job started without it, its alerts replayed, drops them (ops/RUNBOOK.md)");
        }
    }

    @Override
    public void snapshotState(StateSnapshotContext context) throws Exception {
        super.snapshotState(context);
        nameKeysState.update(List.of(nameKeys));
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
            probes = CrossingProbes.person(crossing, nameKeys);
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
