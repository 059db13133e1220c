package eu.borderflow.seeds.generate;

import eu.borderflow.privacy.Pseudonymiser;
import eu.borderflow.rules.RuleIds;
import eu.borderflow.schema.GroundTruthEntry;
import eu.borderflow.seeds.reference.Bcp;
import eu.borderflow.seeds.world.CrossingFactory;
import eu.borderflow.seeds.world.IdFactory;
import eu.borderflow.seeds.world.TruthLabels;
import eu.borderflow.stay.AuthorisedStay;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The ground truth of the background: the entries a labelled crossing stands for ({@link TruthLabels}), noted when the
 * crossing is written and its event id known. An R4 entry carries its deadline as {@code not_before}: a flag raised
 * before it is premature.
 *
 * <p>A year of ten million travellers has millions of entries, all written after the crossings. Each is kept as a
 * few numbers (crossing, traveller, which entry, deadline) and becomes a record only when written: kept as records,
 * with their strings, they held over a gigabyte that every garbage collection copied along.
 */
final class BackgroundTruth {

    private static final int INITIAL_ENTRIES = 1 << 10;
    private static final long NO_DEADLINE = Long.MIN_VALUE;

    private final IdFactory ids;
    private final Pseudonymiser tokens;
    private final List<Bcp> bcps;
    private final CrossingFactory factory;
    private final Duration grace;

    /** The distinct entries met so far, numbered in the order met. */
    private final List<TruthLabels.Entry> kinds = new ArrayList<>();

    private final Map<TruthLabels.Entry, Integer> kindNumbers = new HashMap<>();
    private long[] counters = new long[INITIAL_ENTRIES];
    private int[] travellers = new int[INITIAL_ENTRIES];
    private byte[] kindOf = new byte[INITIAL_ENTRIES];
    private long[] deadlines = new long[INITIAL_ENTRIES];
    private int size;

    BackgroundTruth(IdFactory ids, Pseudonymiser tokens, List<Bcp> bcps, CrossingFactory factory, Duration grace) {
        this.ids = ids;
        this.tokens = tokens;
        this.bcps = bcps;
        this.factory = factory;
        this.grace = grace;
    }

    /** Notes the entries of the {@code counter}-th background crossing, the window's current one. */
    void add(CrossingWindow window, long counter) {
        List<TruthLabels.Entry> entries = TruthLabels.entries(window.labels(), window.kind());
        if (entries.isEmpty()) {
            return;
        }
        int traveller = window.traveller();
        for (TruthLabels.Entry e : entries) {
            if (size == counters.length) {
                grow();
            }
            counters[size] = counter;
            travellers[size] = traveller;
            kindOf[size] = (byte) kindNumber(e);
            deadlines[size] = e.ruleId().equals("R4") ? deadline(window) : NO_DEADLINE;
            size++;
        }
    }

    /**
     * The whole ground truth in file order: by rule; within a rule {@code scripted}'s entries in their order, then the
     * background's in the order noted.
     */
    Stream<GroundTruthEntry> withScripted(List<GroundTruthEntry> scripted) {
        int[] ruleOfKind =
                kinds.stream().mapToInt(k -> RuleIds.number(k.ruleId())).toArray();
        TreeSet<Integer> rules = new TreeSet<>();
        scripted.forEach(e -> rules.add(RuleIds.number(e.getRuleId())));
        Arrays.stream(ruleOfKind).forEach(rules::add);
        return rules.stream()
                .flatMap(rule -> Stream.concat(
                        scripted.stream().filter(e -> RuleIds.number(e.getRuleId()) == rule),
                        IntStream.range(0, size)
                                .filter(i -> ruleOfKind[kindOf[i]] == rule)
                                .mapToObj(this::entry)));
    }

    private GroundTruthEntry entry(int i) {
        TruthLabels.Entry e = kinds.get(kindOf[i]);
        String eventId = ids.eventId(counters[i]);
        return new GroundTruthEntry(
                e.family() + "/" + eventId,
                e.kind(),
                e.ruleId(),
                tokens.token(Pseudonymiser.Domain.FILE, ids.fileId(travellers[i])),
                eventId,
                e.description(),
                e.family(),
                deadlines[i] == NO_DEADLINE ? null : Instant.ofEpochMilli(deadlines[i]));
    }

    private int kindNumber(TruthLabels.Entry e) {
        Integer n = kindNumbers.get(e);
        if (n == null) {
            n = kinds.size();
            if (n > Byte.MAX_VALUE) {
                throw new IllegalStateException("more kinds of background truth entry than a byte numbers");
            }
            kinds.add(e);
            kindNumbers.put(e, n);
        }
        return n;
    }

    private void grow() {
        int capacity = counters.length * 2;
        counters = Arrays.copyOf(counters, capacity);
        travellers = Arrays.copyOf(travellers, capacity);
        kindOf = Arrays.copyOf(kindOf, capacity);
        deadlines = Arrays.copyOf(deadlines, capacity);
    }

    /** R4's deadline for an entry whose stay ends on its planned exit day (the day its retention counts from). */
    private long deadline(CrossingWindow window) {
        long exitDay = factory.exitDayOf(window.retentionDay());
        return AuthorisedStay.missingExitDeadline(
                (int) exitDay, (int) window.localDay(), bcps.get(window.bcp()).zone(), grace);
    }
}
