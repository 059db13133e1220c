package eu.borderflow.seeds.generate;

import eu.borderflow.schema.CrossingKind;
import eu.borderflow.seeds.world.BackgroundCrossing;
import eu.borderflow.seeds.world.BackgroundTraffic;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The background crossings of one time window, in event-time order (ties by traveller index). {@link BackgroundTraffic}
 * makes them traveller by traveller, so the window keeps each crossing's encoded {@linkplain BackgroundEncoder#tail
 * tail} in an arena in that order, sorts one key per crossing (event time and traveller, packed in a long), and then
 * finds each crossing's tail from its traveller: a traveller's crossings sit next to each other, in time order.
 */
final class CrossingWindow {

    private static final int INDEX_BITS = BackgroundTraffic.INDEX_BITS;
    private static final long INDEX_MASK = (1L << INDEX_BITS) - 1;
    private static final int INITIAL_CROSSINGS = 1 << 12;
    private static final CrossingKind[] KINDS = CrossingKind.values();

    private final BackgroundEncoder encoder;
    private final long originMillis;
    /** Per traveller: the number (in making order) of its next crossing in this window. */
    private final int[] nextOfTraveller;
    private final AvroBytes tails = new AvroBytes();
    /** Per crossing, in making order: kind, local day and where its tail ends. */
    private byte[] kinds = new byte[INITIAL_CROSSINGS];
    private int[] localDays = new int[INITIAL_CROSSINGS];
    private int[] tailEnds = new int[INITIAL_CROSSINGS];
    private long[] keys = new long[INITIAL_CROSSINGS];
    /** Where {@link #sortKeys} puts the keys; then the two arrays swap. */
    private long[] sorted = new long[INITIAL_CROSSINGS];
    /** Per bucket of {@link #sortKeys}: where it starts, then (after the keys are placed) where it ends. */
    private int[] bucketEnds = new int[2 * INITIAL_CROSSINGS + 2];
    private int size;
    private int position;
    private int lastTraveller;
    private int current;
    private long currentMillis;

    /** A window for {@code travellers} travellers whose crossings are at or after {@code originMillis}. */
    CrossingWindow(BackgroundEncoder encoder, long originMillis, int travellers) {
        this.encoder = encoder;
        this.originMillis = originMillis;
        this.nextOfTraveller = new int[travellers];
    }

    /** Replaces the window's content with every background crossing not made yet before {@code endMillis}. */
    void fill(BackgroundTraffic traffic, long endMillis) {
        tails.reset();
        size = 0;
        position = 0;
        lastTraveller = -1;
        traffic.crossingsBefore(endMillis, this::add);
        sortKeys();
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

    private void add(BackgroundCrossing c) {
        if (size == keys.length) {
            grow();
        }
        int traveller = c.travellerIndex();
        if (traveller != lastTraveller) {
            nextOfTraveller[traveller] = size;
            lastTraveller = traveller;
        }
        encoder.tail(c, tails);
        kinds[size] = (byte) c.kind().ordinal();
        localDays[size] = (int) c.localDay();
        tailEnds[size] = tails.position();
        keys[size] = (c.eventMillis() - originMillis) << INDEX_BITS | traveller;
        size++;
    }

    private void grow() {
        int capacity = keys.length * 2;
        kinds = Arrays.copyOf(kinds, capacity);
        localDays = Arrays.copyOf(localDays, capacity);
        tailEnds = Arrays.copyOf(tailEnds, capacity);
        keys = Arrays.copyOf(keys, capacity);
        sorted = new long[capacity];
    }

    boolean hasNext() {
        return position < size;
    }

    /** Event time of the next crossing; only valid when {@link #hasNext()}. */
    long peekMillis() {
        return originMillis + (keys[position] >>> INDEX_BITS);
    }

    /** Moves to the next crossing in event-time order and returns its event time. */
    long advance() {
        long key = keys[position++];
        current = nextOfTraveller[(int) (key & INDEX_MASK)]++;
        currentMillis = originMillis + (key >>> INDEX_BITS);
        return currentMillis;
    }

    /** The record of the crossing {@link #advance()} moved to, as the {@code counter}-th background crossing. */
    ByteBuffer record(long counter, long ingestMillis, boolean fallbackUpload) {
        int start = current == 0 ? 0 : tailEnds[current - 1];
        return encoder.record(counter, KINDS[kinds[current]], currentMillis, localDays[current], ingestMillis,
                fallbackUpload, tails.array(), start, tailEnds[current] - start);
    }
}
