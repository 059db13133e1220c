package eu.borderflow.risk.traveller;

import eu.borderflow.job.ingest.DeadLetters;
import eu.borderflow.job.ingest.OperatorFailures;
import eu.borderflow.privacy.Pseudonymiser;
import eu.borderflow.risk.RiskFlagJob;
import eu.borderflow.risk.RiskSettings;
import eu.borderflow.schema.RiskFlag;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.util.ListCollector;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * One travel document's crossings (key: the document token) in event-time order: R7 on each consecutive pair, R8
 * against the document's enrolled biometric identity. The document's trail is kept for rules.yaml
 * /retention/document_trail_years after its last crossing in event time, then cleared by an event-time timer.
 * <p>
 * A crossing is judged on arrival, after the crossings waiting before it, on a copy of the trail, so that R7 and R8
 * reach a border guard while the traveller is there; and again when the allowed lateness has passed, in the
 * complete order, which settles the trail and revises or withdraws an early flag a late upload changed
 * ({@link EarlyFlags}).
 * <p>
 * A crossing later than the allowed lateness is applied at once: R8 judges it, but it cannot be placed between
 * crossings already judged, so R7 skips it when it is older than the last one.
 */
public final class DocumentSequenceOperator extends KeyedProcessFunction<Long, DocumentCrossing, RiskFlag> {

    public static final String UID = "document-sequence";
    private static final long serialVersionUID = 1L;
    private static final long DAY_MS = Duration.ofDays(1).toMillis();

    private final BcpLocations bcps;
    private final ImpossibleTravelRule travel;
    private final BiometricIdentityRule identity;
    private final long latenessMs;
    private final int trailYears;
    private final OperatorFailures failures = new OperatorFailures(RiskFlagJob.CROSSINGS, UID);

    private transient ValueState<DocumentTrail> trail;
    private transient ListState<DocumentCrossing> pending;
    private transient EarlyFlags early;
    private transient EarlyJudgement.Rules<DocumentTrail, DocumentCrossing> earlyRules;
    private final Pseudonymiser tokens;

    public DocumentSequenceOperator(RiskSettings config, BcpLocations bcps) {
        this.tokens = config.tokens();
        this.bcps = bcps;
        this.travel = new ImpossibleTravelRule(config);
        this.identity = new BiometricIdentityRule(config);
        this.latenessMs = config.time().getAllowedLateness().toMillis();
        this.trailYears = config.retention().getDocumentTrailYears();
    }

    @Override
    public void open(OpenContext context) {
        trail = getRuntimeContext()
                .getState(new ValueStateDescriptor<>("document-trail", DocumentTrailSerializer.INSTANCE));
        pending = getRuntimeContext()
                .getListState(new ListStateDescriptor<>("document-pending", DocumentCrossingSerializer.INSTANCE));
        early = new EarlyFlags(getRuntimeContext(), "document-early-flags");
        earlyRules = new EarlyJudgement.Rules<>() {
            @Override
            public DocumentTrail copy(DocumentTrail state) {
                return state == null ? new DocumentTrail() : state.copy();
            }

            @Override
            public void apply(DocumentTrail state, DocumentCrossing crossing, Collector<RiskFlag> out) {
                DocumentSequenceOperator.this.apply(state, crossing, out, false);
            }
        };
        failures.open(getRuntimeContext().getMetricGroup());
    }

    @Override
    public void processElement(DocumentCrossing crossing, Context ctx, Collector<RiskFlag> out) throws Exception {
        long due = crossing.getEventTime() + latenessMs;
        if (due > ctx.timerService().currentWatermark()) {
            var sequence = EventTimeOrder.withWaiting(pending, crossing);
            early.judge(trail.value(), sequence, earlyRules, out);
            EventTimeOrder.buffer(pending, sequence, latenessMs, ctx.timerService());
            return;
        }
        DocumentTrail stored = trail.value();
        DocumentTrail current = applySafely(stored == null ? new DocumentTrail() : stored, crossing, null, ctx, out);
        store(current, ctx);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<RiskFlag> out) throws Exception {
        DocumentTrail stored = trail.value();
        var due = EventTimeOrder.takeDue(pending, timestamp, latenessMs);
        EventTimeOrder.timerForTheRest(pending, latenessMs, ctx.timerService());
        if (stored == null && due.isEmpty()) {
            return;
        }
        DocumentTrail current = stored == null ? new DocumentTrail() : stored;
        if (!due.isEmpty()) {
            try (EarlyFlags.Ledger ledger = early.ledger()) {
                for (DocumentCrossing crossing : due) {
                    current = applySafely(current, crossing, ledger, ctx, out);
                }
            }
        }
        store(current, ctx);
    }

    /**
     * Applies one crossing as a unit, on a copy of the trail with its flags held back until it succeeded, then settled
     * against its early flags (none when {@code ledger} is null: the crossing was not judged early). A crossing
     * the rules fail on becomes a dead letter, its early flags are withdrawn, and the trail stays as it was.
     */
    private DocumentTrail applySafely(
            DocumentTrail current,
            DocumentCrossing crossing,
            EarlyFlags.Ledger ledger,
            Context ctx,
            Collector<RiskFlag> out) {
        DocumentTrail working = current.copy();
        List<RiskFlag> flags = new ArrayList<>(1);
        try {
            apply(working, crossing, new ListCollector<>(flags), true);
        } catch (RuntimeException e) {
            ctx.output(DeadLetters.TAG, failures.on(e, crossing.getEventId(), crossing.getEventTime()));
            EarlyFlags.settle(ledger, crossing, List.of(), out);
            return current;
        }
        EarlyFlags.settle(ledger, crossing, flags, out);
        return working;
    }

    /** {@code settled}: in the complete order, after the allowed lateness; else an early judgement. */
    private void apply(DocumentTrail current, DocumentCrossing crossing, Collector<RiskFlag> out, boolean settled) {
        if (current.getLastEventId() == null || crossing.getEventTime() >= current.getLastTime()) {
            if (travel.enabled()) {
                travel.check(current, crossing, bcps, tokens, settled).ifPresent(out::collect);
            }
            ImpossibleTravelRule.remember(current, crossing);
        }
        if (identity.enabled()) {
            identity.check(current, crossing, tokens).ifPresent(out::collect);
        }
        current.setKeepUntil(Math.max(current.getKeepUntil(), retentionEnd(crossing)));
    }

    /**
     * Keeps the trail, or erases it once it may go. The expiry timer is only registered ahead of the watermark: a
     * timer registered behind it from onTimer would fire again at once. One expiry timer per trail at a time (its day
     * is kept in the trail): the retention only grows, so a pending timer stands for the later expiry, and when it
     * fires the trail is stored again and the timer moves on; not one timer per crossing for three years.
     */
    private void store(DocumentTrail current, Context ctx) throws Exception {
        long watermark = ctx.timerService().currentWatermark();
        long expiry = expiry(current);
        if (expiry <= watermark && EventTimeOrder.isEmpty(pending)) {
            trail.clear();
            early.clear();
            return;
        }
        long pendingTimer = current.getExpiryTimerDay() == 0 ? Long.MIN_VALUE : current.getExpiryTimerDay() * DAY_MS;
        if (expiry > watermark && (pendingTimer <= watermark || pendingTimer > expiry)) {
            ctx.timerService().registerEventTimeTimer(expiry);
            current.setExpiryTimerDay(current.getKeepUntil() + 1);
        }
        trail.update(current);
    }

    /**
     * The last day a crossing keeps the trail: its UTC date plus the legal retention, counted from the crossing's own
     * event time (the job's clock), never from the retention date the record carries.
     */
    private int retentionEnd(DocumentCrossing crossing) {
        return (int) Instant.ofEpochMilli(crossing.getEventTime())
                .atOffset(ZoneOffset.UTC)
                .toLocalDate()
                .plusYears(trailYears)
                .toEpochDay();
    }

    /** The start of the day after the latest retention date of the document's crossings. */
    private static long expiry(DocumentTrail current) {
        return (current.getKeepUntil() + 1L) * DAY_MS;
    }
}
