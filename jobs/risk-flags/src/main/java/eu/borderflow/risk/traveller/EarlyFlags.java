package eu.borderflow.risk.traveller;

import eu.borderflow.risk.flag.Flags;
import eu.borderflow.schema.FlagStatus;
import eu.borderflow.schema.RiskFlag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.util.Collector;

/**
 * The flags a key's crossings raised before the allowed lateness (72 h of event time) had passed: a border guard
 * needs "check the visa before confirming the entry" at the entry, not three days later. A crossing is judged when
 * it arrives, on what is known then ({@link EarlyJudgement}), again whenever a late upload arrives before it, and
 * finally when its wait is over, in the complete order, which settles it. Each judgement emits only what changed: a
 * flag raised, a REVISED revision of one whose content changed, a WITHDRAWN one of one that no longer holds. So the
 * standing flags are those of the complete order alone, and the early ones differ from them only while a crossing
 * uploaded late is still missing. The newest revision of each early flag is kept until its crossing is settled.
 */
final class EarlyFlags {

    private static final String WITHDRAWN_REASON =
            "a crossing uploaded late (within the allowed lateness) changed the sequence, and in event-time order the"
                    + " rule no longer holds";

    private final ListState<RiskFlag> kept;

    EarlyFlags(RuntimeContext context, String stateName) {
        kept = context.getListState(new ListStateDescriptor<>(stateName, new AvroTypeInfo<>(RiskFlag.class)));
    }

    /**
     * Judges {@code sequence}'s arrival on the key's {@code settled} state, and the crossings waiting after it when it
     * arrived late, and emits what that changes.
     */
    <S, T extends Sequenced> void judge(
            S settled, EventTimeOrder.Sequence<T> sequence, EarlyJudgement.Rules<S, T> rules, Collector<RiskFlag> out)
            throws Exception {
        if (!sequence.arrivedLate()) {
            EarlyJudgement.judge(settled, sequence.inOrder(), sequence.arrival(), rules, (crossing, flags) -> {
                for (RiskFlag flag : flags) {
                    kept.add(RiskFlag.newBuilder(flag).build());
                    out.collect(flag);
                }
            });
            return;
        }
        try (Ledger ledger = ledger()) {
            EarlyJudgement.judge(
                    settled,
                    sequence.inOrder(),
                    sequence.arrival(),
                    rules,
                    (crossing, flags) -> ledger.judged(crossing, flags, false, out));
        }
    }

    /** The kept flags, read once for all the crossings judged or settled at one moment. */
    Ledger ledger() throws Exception {
        return new Ledger();
    }

    /**
     * Emits the complete-order {@code flags} of {@code crossing}: settled with {@code ledger}, or as they are when the
     * crossing was never judged early ({@code ledger} null).
     */
    static void settle(Ledger ledger, Sequenced crossing, List<RiskFlag> flags, Collector<RiskFlag> out) {
        if (ledger == null) {
            flags.forEach(out::collect);
        } else {
            ledger.judged(crossing, flags, true, out);
        }
    }

    void clear() {
        kept.clear();
    }

    /** A key's kept flags by flag id; {@link #close} stores them if a judgement changed them. */
    final class Ledger implements AutoCloseable {

        private final Map<String, RiskFlag> newest = new LinkedHashMap<>();
        private boolean changed;

        private Ledger() throws Exception {
            Iterable<RiskFlag> stored = kept.get();
            if (stored != null) {
                stored.forEach(flag -> newest.put(flag.getFlagId(), flag));
            }
        }

        /**
         * Emits what {@code flags}, raised by {@code crossing} now, change against its kept flags, and keeps the
         * newest revisions, or forgets them when {@code settled}.
         */
        void judged(Sequenced crossing, List<RiskFlag> flags, boolean settled, Collector<RiskFlag> out) {
            if (newest.isEmpty()) {
                flags.forEach(out::collect);
                if (!settled) {
                    flags.forEach(flag -> newest.put(
                            flag.getFlagId(), RiskFlag.newBuilder(flag).build()));
                    changed |= !flags.isEmpty();
                }
                return;
            }
            Map<String, RiskFlag> now = new LinkedHashMap<>();
            for (RiskFlag flag : flags) {
                RiskFlag before = newest.get(flag.getFlagId());
                RiskFlag emitted = before == null ? flag : revision(before, flag);
                if (emitted != before) {
                    out.collect(emitted);
                }
                now.put(
                        flag.getFlagId(),
                        emitted == before
                                ? before
                                : RiskFlag.newBuilder(emitted).build());
            }
            for (Iterator<RiskFlag> it = newest.values().iterator(); it.hasNext(); ) {
                RiskFlag before = it.next();
                if (!before.getTriggerEventId().equals(crossing.getEventId())) {
                    continue;
                }
                it.remove();
                changed = true;
                if (now.containsKey(before.getFlagId())) {
                    continue;
                }
                if (before.getStatus() == FlagStatus.WITHDRAWN) {
                    now.put(before.getFlagId(), before);
                } else {
                    RiskFlag withdrawn = withdraw(before, crossing.getEventTime());
                    out.collect(withdrawn);
                    now.put(before.getFlagId(), RiskFlag.newBuilder(withdrawn).build());
                }
            }
            if (!settled) {
                newest.putAll(now);
                changed |= !now.isEmpty();
            }
        }

        @Override
        public void close() throws Exception {
            if (changed) {
                kept.update(new ArrayList<>(newest.values()));
            }
        }
    }

    /** {@code before} itself when {@code flag} repeats it, else the next revision of it with {@code flag}'s content. */
    private static RiskFlag revision(RiskFlag before, RiskFlag flag) {
        RiskFlag next = RiskFlag.newBuilder(flag)
                .setRevision(before.getRevision())
                .setStatus(before.getStatus())
                .build();
        if (before.getStatus() != FlagStatus.WITHDRAWN && next.equals(before)) {
            return before;
        }
        next.setRevision(before.getRevision() + 1);
        next.setStatus(FlagStatus.REVISED);
        return next;
    }

    private static RiskFlag withdraw(RiskFlag early, long eventTime) {
        return Flags.withdraw(
                early,
                WITHDRAWN_REASON,
                List.of(Flags.condition("holds with every crossing in event-time order", "no", "=", "yes", false)),
                early.getEvidenceIds(),
                Instant.ofEpochMilli(eventTime));
    }
}
