package eu.borderflow.risk.traveller;

import eu.borderflow.job.ingest.DeadLetters;
import eu.borderflow.job.ingest.OperatorFailures;
import eu.borderflow.privacy.Pseudonymiser;
import eu.borderflow.risk.RiskFlagJob;
import eu.borderflow.risk.RiskSettings;
import eu.borderflow.risk.rules.JustifiedWatermark;
import eu.borderflow.risk.state.TokenKeyGuard;
import eu.borderflow.schema.CrossingKind;
import eu.borderflow.schema.RiskFlag;
import eu.borderflow.stay.AuthorisedStay;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.util.ListCollector;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * The traveller's EES individual file (key: {@code traveller.file_id}) as keyed state, evaluated in event-time order:
 * R5 and R6 at each entry, R3 at each exit, R4 when an open stay's deadline passes. A stay's authorised end (R3, R4,
 * R6) is worked out at its entry by the domain's one definition ({@link AuthorisedStay}) from the short stays in the
 * window and the days already spent under the same visa ({@link StayMovements}). Only short stays count toward
 * 90/180. Stays that left the window are pruned; the whole file is cleared by an event-time timer once nothing is
 * open, nothing waits, the last stay has left the window and no limited-entry visa can still be used; a stay whose
 * exit is never recorded is kept for rules.yaml /retention/overstay_years after its authorised end, then erased
 * ({@link FileRetention}).
 * <p>
 * An entry while a stay is open (its exit never recorded) closes that stay on the new entry's day, the EES
 * presumption of presence until a movement is recorded; R7 reports the broken sequence. A crossing later than the
 * allowed lateness is applied at once; an entry or exit dated before the file's last movement cannot be placed in
 * the stays any more and only counts for R5.
 * <p>
 * A crossing is judged twice: on arrival, on what is known then, so that R3, R5 and R6 reach a border guard while
 * the traveller is there ({@link EarlyStayCheck}); and when the allowed lateness has passed, in the complete order,
 * which settles the file and revises or withdraws an early flag a late upload changed ({@link EarlyFlags}).
 * <p>
 * At the end of a bounded input the watermark jumps to Long.MAX_VALUE and fires every timer. An R4 deadline counts as
 * reached there only up to the watermark the crossings themselves justify: the newest event time this instance saw,
 * less the out-of-orderness. That bound depends on the data alone (kept in operator state across restores), not on
 * when the last periodic watermark happened to be emitted, so a bounded run raises the same flags every time.
 */
public final class TravellerFileOperator extends KeyedProcessFunction<String, TravellerCrossing, RiskFlag>
        implements CheckpointedFunction {

    public static final String UID = "traveller-file";
    private static final long serialVersionUID = 1L;

    private final MissingExitRule missingExit;
    private final StayMovements movements;
    private final EarlyStayCheck earlyCheck;
    private final FileRetention retention;
    private final long latenessMs;
    private final JustifiedWatermark justified;
    private final TokenKeyGuard tokenKey;
    private final OperatorFailures failures = new OperatorFailures(RiskFlagJob.CROSSINGS, UID);

    private transient ValueState<TravellerFile> file;
    private transient ListState<TravellerCrossing> pending;
    private transient ValueState<RiskFlag> missingExitFlag;
    private transient EarlyFlags early;
    private final Pseudonymiser tokens;

    public TravellerFileOperator(RiskSettings config, BcpLocations bcps) {
        this.tokens = config.tokens();
        OverstayRule overstay = new OverstayRule(config);
        this.missingExit = new MissingExitRule(config);
        this.movements = new StayMovements(config, bcps, overstay, missingExit);
        this.earlyCheck = new EarlyStayCheck(movements);
        this.latenessMs = config.time().getAllowedLateness().toMillis();
        this.retention = new FileRetention(
                latenessMs,
                config.retention().getOverstayYears(),
                config.stayRule().windowDays());
        this.justified = new JustifiedWatermark(config.time().getOutOfOrderness());
        this.tokenKey = new TokenKeyGuard(tokens.keyId());
    }

    @Override
    public void initializeState(FunctionInitializationContext context) throws Exception {
        justified.initialize(context.getOperatorStateStore(), "ees-file-newest-crossing");
        tokenKey.initialize(context.getOperatorStateStore(), "ees-file-token-key-id");
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) throws Exception {
        justified.snapshot();
        tokenKey.snapshot();
    }

    @Override
    public void open(OpenContext context) {
        file = getRuntimeContext().getState(new ValueStateDescriptor<>("ees-file", TravellerFileSerializer.INSTANCE));
        pending = getRuntimeContext()
                .getListState(new ListStateDescriptor<>("ees-file-pending", TravellerCrossingSerializer.INSTANCE));
        missingExitFlag = getRuntimeContext()
                .getState(new ValueStateDescriptor<>("ees-file-missing-exit-flag", new AvroTypeInfo<>(RiskFlag.class)));
        early = new EarlyFlags(getRuntimeContext(), "ees-file-early-flags");
        failures.open(getRuntimeContext().getMetricGroup());
    }

    @Override
    public void processElement(TravellerCrossing crossing, Context ctx, Collector<RiskFlag> out) throws Exception {
        justified.see(crossing.getEventTime());
        long due = crossing.getEventTime() + latenessMs;
        if (due > ctx.timerService().currentWatermark()) {
            var sequence = EventTimeOrder.withWaiting(pending, crossing);
            if (crossing.getKind() != CrossingKind.REFUSAL) {
                // A refusal changes no stay: it raises nothing and changes nothing for the crossings after it.
                early.judge(file.value(), sequence, earlyCheck, out);
            }
            EventTimeOrder.buffer(pending, sequence, latenessMs, ctx.timerService());
            return;
        }
        TravellerFile stored = file.value();
        TravellerFile current = applySafely(stored == null ? TravellerFile.empty() : stored, crossing, null, ctx, out);
        store(current, ctx);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<RiskFlag> out) throws Exception {
        TravellerFile stored = file.value();
        var due = EventTimeOrder.takeDue(pending, timestamp, latenessMs);
        EventTimeOrder.timerForTheRest(pending, latenessMs, ctx.timerService());
        if (stored == null && due.isEmpty()) {
            return;
        }
        TravellerFile current = stored == null ? TravellerFile.empty() : stored;
        if (!due.isEmpty()) {
            try (EarlyFlags.Ledger ledger = early.ledger()) {
                for (TravellerCrossing crossing : due) {
                    current = applySafely(current, crossing, ledger, ctx, out);
                }
            }
        }
        RiskFlag raisedBefore = missingExitFlag.value();
        TravellerFile before = current.copy();
        try {
            checkMissingExit(current, timestamp, ctx, out);
        } catch (RuntimeException e) {
            OpenStay stay = before.getOpenStay();
            ctx.output(DeadLetters.TAG, failures.on(e, stay == null ? null : stay.getEntryEventId(), timestamp));
            restore(raisedBefore);
            current = before;
        }
        store(current, ctx);
    }

    /**
     * Applies one crossing as a unit: on a copy of the file, its flags held back until it succeeded, then settled
     * against its early flags (none when {@code ledger} is null: the crossing was not judged early). A crossing
     * the rules fail on becomes a dead letter, its early flags are withdrawn, and the file and the raised R4 flag stay
     * as they were before it.
     *
     * @return the file after the crossing, or as it was when the crossing failed
     */
    private TravellerFile applySafely(
            TravellerFile current,
            TravellerCrossing crossing,
            EarlyFlags.Ledger ledger,
            Context ctx,
            Collector<RiskFlag> out)
            throws Exception {
        RiskFlag raisedBefore = missingExitFlag.value();
        TravellerFile working = current.copy();
        List<RiskFlag> flags = new ArrayList<>(1);
        try {
            movements.apply(working, crossing, missingExitFlag, ctx.timerService(), new ListCollector<>(flags));
        } catch (RuntimeException e) {
            ctx.output(DeadLetters.TAG, failures.on(e, crossing.getEventId(), crossing.getEventTime()));
            restore(raisedBefore);
            EarlyFlags.settle(ledger, crossing, List.of(), out);
            return current;
        }
        EarlyFlags.settle(ledger, crossing, flags, out);
        OpenStay left = current.getOpenStay();
        if (left != null && left != working.getOpenStay() && !sameStay(left, working.getOpenStay())) {
            // The stay closed: its retention timer has nothing left to erase, its R4 deadline nothing to check.
            long watermark = ctx.timerService().currentWatermark();
            deleteTimer(retention.openStayExpiry(left), working, ctx);
            if (!left.isMissingExitRaised()
                    && left.getMissingExitDeadline() != Long.MAX_VALUE
                    && left.getMissingExitDeadline() > watermark) {
                deleteTimer(left.getMissingExitDeadline(), working, ctx);
            }
        }
        return working;
    }

    /**
     * Deletes the timer at {@code time} unless something else of this file needs a timer at that very millisecond (a
     * timer is one per key and time): a waiting crossing, the open stay's R4 deadline or the file's expiry.
     */
    private void deleteTimer(long time, TravellerFile working, Context ctx) throws Exception {
        OpenStay open = working.getOpenStay();
        if (open != null && (open.getMissingExitDeadline() == time || retention.openStayExpiry(open) == time)) {
            return;
        }
        if (open == null && retention.closedExpiry(working) == time) {
            return;
        }
        Iterable<TravellerCrossing> waiting = pending.get();
        if (waiting != null) {
            for (TravellerCrossing crossing : waiting) {
                if (crossing.getEventTime() + latenessMs == time) {
                    return;
                }
            }
        }
        ctx.timerService().deleteEventTimeTimer(time);
        if (working.getExpiryTimerDay() != 0 && retention.expiryAt(working.getExpiryTimerDay()) == time) {
            working.setExpiryTimerDay(0);
        }
    }

    private static boolean sameStay(OpenStay a, OpenStay b) {
        return b != null && a.getEntryEventId().equals(b.getEntryEventId());
    }

    private void restore(RiskFlag raised) throws Exception {
        if (raised == null) {
            missingExitFlag.clear();
        } else {
            missingExitFlag.update(raised);
        }
    }

    /**
     * R4: the open stay's deadline passed with no exit. An exit that happened before the deadline but still waits in
     * the buffer to be sequenced counts as recorded. Deadlines the data did not reach raise nothing.
     */
    private void checkMissingExit(TravellerFile current, long timestamp, OnTimerContext ctx, Collector<RiskFlag> out)
            throws Exception {
        OpenStay stay = current.getOpenStay();
        if (stay == null
                || stay.isMissingExitRaised()
                || stay.getMissingExitDeadline() > timestamp
                || !reachedByTheData(timestamp, ctx)
                || exitWaiting(stay)) {
            return;
        }
        RiskFlag flag = missingExit.raise(stay, ctx.getCurrentKey(), timestamp, tokens);
        stay.setMissingExitRaised(true);
        missingExitFlag.update(flag);
        out.collect(flag);
    }

    /** Always before the end of a bounded input; at its end, up to the newest crossing less the out-of-orderness. */
    private boolean reachedByTheData(long timestamp, Context ctx) {
        return ctx.timerService().currentWatermark() != Long.MAX_VALUE || timestamp <= justified.get();
    }

    private boolean exitWaiting(OpenStay stay) throws Exception {
        Iterable<TravellerCrossing> waiting = pending.get();
        if (waiting != null) {
            for (TravellerCrossing crossing : waiting) {
                // An exit, or an entry that presumes one (EES), made before the deadline closes the stay.
                if (crossing.getKind() != CrossingKind.REFUSAL
                        && crossing.getEventTime() > stay.getEntryTime()
                        && crossing.getEventTime() < stay.getMissingExitDeadline()) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Keeps the file, or erases it once it may go. The expiry timer is only registered ahead of the watermark: a
     * timer registered behind it from onTimer would fire again at once. A file that may go while crossings still
     * wait is erased when their own timers fire.
     * <p>
     * One expiry timer per file at a time (its day is kept in the file): a pending one at or before the new expiry
     * stands for it, and when it fires the file is stored again and the timer moves on to the expiry then. A timer
     * per crossing instead kept every superseded expiry in the timer queue for the whole retention.
     */
    private void store(TravellerFile current, Context ctx) throws Exception {
        long watermark = ctx.timerService().currentWatermark();
        boolean open = current.getOpenStay() != null;
        long expiry = retention.expiryOf(current);
        // At the end of a bounded input, an open stay's retention ends only as far as the data reached, like R4.
        if (expiry <= watermark && (!open || reachedByTheData(expiry, ctx)) && EventTimeOrder.isEmpty(pending)) {
            file.clear();
            missingExitFlag.clear();
            early.clear();
            return;
        }
        long pendingTimer =
                current.getExpiryTimerDay() == 0 ? Long.MIN_VALUE : retention.expiryAt(current.getExpiryTimerDay());
        if (expiry > watermark && (pendingTimer <= watermark || pendingTimer > expiry)) {
            ctx.timerService().registerEventTimeTimer(expiry);
            current.setExpiryTimerDay(retention.dayOf(expiry));
        }
        file.update(current);
    }
}
