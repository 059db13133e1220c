package eu.borderflow.seeds.generate;

import eu.borderflow.schema.CrossingKind;
import eu.borderflow.schema.RefusalReason;
import eu.borderflow.seeds.world.BackgroundCrossing;
import eu.borderflow.seeds.world.BackgroundTraffic;
import eu.borderflow.seeds.world.Period;
import eu.borderflow.seeds.world.TruthLabels;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The background crossings of one time window, in event-time order (ties by traveller index). {@link BackgroundTraffic}
 * makes them traveller by traveller; the window keeps each crossing's values packed in two longs, in making order, and
 * sorts one key per crossing: its event time and its number in making order. Travellers are visited in index order
 * and make their crossings in time order, so on equal times making order is traveller order. A record is encoded only
 * when it is written, from the packed values and the traveller's kept bytes: the window reads each crossing's values
 * at a random place, and a few bytes there cost less than a copy of the whole record.
 */
final class CrossingWindow {

    /**
     * A key's low bits: the crossing's number in making order (an int index, so 32 bits always hold it); the event
     * time (from the window's start) above.
     */
    private static final int NUMBER_BITS = 32;

    private static final long NUMBER_MASK = (1L << NUMBER_BITS) - 1;
    /** The longest window whose times fit in a key beside the number. */
    private static final long MAX_SPAN_MILLIS = 1L << (Long.SIZE - 1 - NUMBER_BITS);

    private static final int INITIAL_CROSSINGS = 1 << 12;
    /** Crossings whose traveller bytes {@link #touchAhead} reads together, that many crossings early. */
    private static final int AHEAD = 16;

    private static final int CACHE_LINE = 64;
    /** Cache lines of a traveller's kept bytes to touch: three cover most of their 140-180 bytes (four ran alike). */
    private static final int LINES = 3;

    private static final CrossingKind[] KINDS = CrossingKind.values();
    private static final RefusalReason[] REASONS = RefusalReason.values();

    /*
     * The second long of a crossing's values: local day and retention day (signed, from the origin's day: at most 89
     * years either way), BCP, kind, variant spelling, refusal reason (0 for none) and truth labels.
     */
    private static final int DAY_BITS = 16;
    private static final long DAY_MASK = (1L << DAY_BITS) - 1;
    private static final int RETENTION_SHIFT = DAY_BITS;
    private static final int BCP_SHIFT = 2 * DAY_BITS;
    private static final int BCP_BITS = 10;
    private static final int BCP_MASK = (1 << BCP_BITS) - 1;
    private static final int KIND_SHIFT = BCP_SHIFT + BCP_BITS;
    private static final int KIND_BITS = 2;
    private static final int KIND_MASK = (1 << KIND_BITS) - 1;
    private static final int VARIANT_SHIFT = KIND_SHIFT + KIND_BITS;
    private static final int REASON_SHIFT = VARIANT_SHIFT + 1;
    private static final int REASON_BITS = 4;
    private static final int LABELS_SHIFT = REASON_SHIFT + REASON_BITS;
    private static final long LABELS_MASK = (1L << TruthLabels.BITS) - 1;

    private final BackgroundEncoder encoder;
    private final long originDay;
    private byte[] travellerBytes;
    /** Per crossing, in making order: traveller's bytes start and verification score; then the second long above. */
    private long[] values = new long[2 * INITIAL_CROSSINGS];
    /** Per crossing, in making order: its traveller's index. */
    private int[] travellers = new int[INITIAL_CROSSINGS];

    private long[] keys = new long[INITIAL_CROSSINGS];
    /** Where {@link #sortKeys} puts the keys; then the two arrays swap. */
    private long[] sorted = new long[INITIAL_CROSSINGS];
    /** Per bucket of {@link #sortKeys}: where it starts, then (after the keys are placed) where it ends. */
    private int[] bucketEnds = new int[2 * INITIAL_CROSSINGS + 2];

    private long startMillis;
    private int size;
    private int position;
    private int current;
    private long currentMillis;
    /** Sum of the bytes {@link #touchAhead} read: kept so that the reads are not optimised away. */
    private int touched;

    /** A window for crossings at or after {@code originMillis}. */
    CrossingWindow(BackgroundEncoder encoder, long originMillis) {
        if (encoder.bcps() > 1 << BCP_BITS) {
            throw new IllegalArgumentException("a window packs BCP indexes in " + BCP_BITS + " bits");
        }
        this.encoder = encoder;
        this.originDay = Math.floorDiv(originMillis, Period.DAY_MILLIS);
    }

    /**
     * Replaces the window's content with the background crossings not made yet in the {@code spanMillis} (at most 24
     * days) from the earliest of them; false when none are left.
     */
    boolean fill(BackgroundTraffic traffic, long spanMillis) {
        if (spanMillis > MAX_SPAN_MILLIS) {
            throw new IllegalArgumentException("a window spans at most " + MAX_SPAN_MILLIS + " ms");
        }
        size = 0;
        position = 0;
        startMillis = traffic.nextMillis();
        if (startMillis == Long.MAX_VALUE) {
            return false;
        }
        traffic.crossingsBefore(startMillis + spanMillis, this::add);
        sortKeys();
        return true;
    }

    private void add(BackgroundCrossing c) {
        if (size == keys.length) {
            grow();
        }
        travellerBytes = c.travellerBytes();
        values[2 * size] = (long) c.travellerBytesStart() << Integer.SIZE
                | Integer.toUnsignedLong(Float.floatToRawIntBits(c.verificationScore()));
        values[2 * size + 1] = (c.localDay() - originDay & DAY_MASK)
                | (c.retentionDay() - originDay & DAY_MASK) << RETENTION_SHIFT
                | (long) c.bcp() << BCP_SHIFT
                | (long) c.kind().ordinal() << KIND_SHIFT
                | (c.variantSpelling() ? 1L : 0L) << VARIANT_SHIFT
                | (c.refusalReason() == null ? 0L : c.refusalReason().ordinal() + 1L) << REASON_SHIFT
                | (long) c.labels() << LABELS_SHIFT;
        travellers[size] = c.travellerIndex();
        keys[size] = (c.eventMillis() - startMillis) << NUMBER_BITS | size;
        size++;
    }

    private void grow() {
        int capacity = keys.length * 2;
        values = Arrays.copyOf(values, 2 * capacity);
        travellers = Arrays.copyOf(travellers, capacity);
        keys = Arrays.copyOf(keys, capacity);
        sorted = new long[capacity];
    }

    /**
     * Sorts the window's keys: places them in about one bucket per key by their high bits (a counting sort), then
     * sorts each bucket. A window's crossings are spread over its whole time span, so buckets hold a key or two and
     * this takes a few passes over the keys, several times faster than a comparison sort of the whole window.
     */
    private void sortKeys() {
        if (size < 2) {
            return;
        }
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int i = 0; i < size; i++) {
            min = Math.min(min, keys[i]);
            max = Math.max(max, keys[i]);
        }
        int keyBits = Long.SIZE - Long.numberOfLeadingZeros(max - min);
        int bucketBits = Integer.SIZE - Integer.numberOfLeadingZeros(size);
        int shift = Math.max(0, keyBits - bucketBits);
        int buckets = (int) ((max - min) >>> shift) + 1;
        if (bucketEnds.length < buckets + 1) {
            bucketEnds = new int[2 * buckets + 2];
        }
        int[] ends = bucketEnds;
        Arrays.fill(ends, 0, buckets + 1, 0);
        for (int i = 0; i < size; i++) {
            ends[(int) ((keys[i] - min) >>> shift) + 1]++;
        }
        for (int b = 1; b <= buckets; b++) {
            ends[b] += ends[b - 1];
        }
        for (int i = 0; i < size; i++) {
            long key = keys[i];
            sorted[ends[(int) ((key - min) >>> shift)]++] = key;
        }
        for (int b = 0, start = 0; b < buckets; start = ends[b++]) {
            if (ends[b] - start > 1) {
                Arrays.sort(sorted, start, ends[b]);
            }
        }
        long[] placed = sorted;
        sorted = keys;
        keys = placed;
    }

    boolean hasNext() {
        return position < size;
    }

    /** Event time of the next crossing; only valid when {@link #hasNext()}. */
    long peekMillis() {
        return startMillis + (keys[position] >>> NUMBER_BITS);
    }

    /** Moves to the next crossing in event-time order and returns its event time. */
    long advance() {
        if (position % AHEAD == 0) {
            touchAhead(position + AHEAD);
        }
        long key = keys[position++];
        current = (int) (key & NUMBER_MASK);
        currentMillis = startMillis + (key >>> NUMBER_BITS);
        return currentMillis;
    }

    /**
     * The record of the crossing {@link #advance()} moved to, as the {@code counter}-th background crossing; valid
     * until the next record.
     */
    ByteBuffer record(long counter, long ingestMillis, boolean fallbackUpload) {
        long first = values[2 * current];
        long second = values[2 * current + 1];
        int reason = (int) (second >>> REASON_SHIFT) & ((1 << REASON_BITS) - 1);
        encoder.start(
                counter,
                KINDS[(int) (second >>> KIND_SHIFT) & KIND_MASK],
                currentMillis,
                originDay + day(second),
                ingestMillis,
                fallbackUpload);
        return encoder.finish(
                (int) (second >>> BCP_SHIFT) & BCP_MASK,
                travellerBytes,
                (int) (first >>> Integer.SIZE),
                (second >>> VARIANT_SHIFT & 1) == 1,
                Float.intBitsToFloat((int) first),
                reason == 0 ? null : REASONS[reason - 1],
                originDay + day(second >>> RETENTION_SHIFT));
    }

    /** The truth labels of the crossing {@link #advance()} moved to; 0 for most. */
    int labels() {
        return (int) (values[2 * current + 1] >>> LABELS_SHIFT & LABELS_MASK);
    }

    /** The kind of the crossing {@link #advance()} moved to. */
    CrossingKind kind() {
        return KINDS[(int) (values[2 * current + 1] >>> KIND_SHIFT) & KIND_MASK];
    }

    /** The BCP index of the crossing {@link #advance()} moved to. */
    int bcp() {
        return (int) (values[2 * current + 1] >>> BCP_SHIFT) & BCP_MASK;
    }

    /** The local date (epoch day) of the crossing {@link #advance()} moved to. */
    long localDay() {
        return originDay + day(values[2 * current + 1]);
    }

    /** The retention end (epoch day) of the crossing {@link #advance()} moved to. */
    long retentionDay() {
        return originDay + day(values[2 * current + 1] >>> RETENTION_SHIFT);
    }

    /** The index of the traveller of the crossing {@link #advance()} moved to. */
    int traveller() {
        return travellers[current];
    }

    /**
     * Reads a byte of each cache line of the kept bytes of the {@link #AHEAD} crossings from {@code from} on. In
     * event-time order a crossing's traveller bytes are at a random place in a store of tens of megabytes: read one
     * at a time, each would wait for memory; read together, the waits overlap, and the records find them in cache.
     */
    private void touchAhead(int from) {
        int sum = 0;
        int last = travellerBytes == null ? 0 : travellerBytes.length - 1;
        for (int i = from, end = Math.min(size, from + AHEAD); i < end; i++) {
            int start = (int) (values[2 * (int) (keys[i] & NUMBER_MASK)] >>> Integer.SIZE);
            for (int line = 0; line < LINES; line++) {
                sum += travellerBytes[Math.min(start + line * CACHE_LINE, last)];
            }
        }
        touched += sum;
    }

    /** The signed day count in the low {@link #DAY_BITS} bits. */
    private static long day(long bits) {
        return bits << (Long.SIZE - DAY_BITS) >> (Long.SIZE - DAY_BITS);
    }
}
