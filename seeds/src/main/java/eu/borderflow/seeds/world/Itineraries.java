package eu.borderflow.seeds.world;

import java.util.Arrays;

/**
 * What {@link BackgroundTraffic} reads and changes at every crossing, for every traveller: the position of its random
 * stream, the planned trip, and the bytes the writer keeps of it. One array per field, indexed by traveller: the
 * traffic visits travellers in index order, so every array is read front to back and the CPU fetches the next
 * travellers' values ahead. (One object per traveller, with its own random generator, cost cache misses at every
 * crossing.) The person ({@link Traveller}) is not kept.
 */
final class Itineraries {

    final long[] randomPositions;
    final boolean[] frequent;
    final int[] homeBcp;
    final boolean[] hasVariantSpelling;
    /** Entries the visa still allows; Integer.MAX_VALUE without a visa or with a multiple-entry visa. */
    final int[] entriesLeft;
    final long[] entryMillis;
    final long[] exitMillis;
    final int[] entryBcp;
    final int[] exitBcp;
    final long[] exitDay;
    final boolean[] inside;
    /** Traveller i's kept bytes are {@code bytes[bytesEnd[i - 1], bytesEnd[i])} (from 0 for the first). */
    private byte[] bytes;
    private final int[] bytesEnd;

    Itineraries(int travellers, int expectedBytesPerTraveller) {
        randomPositions = new long[travellers];
        frequent = new boolean[travellers];
        homeBcp = new int[travellers];
        hasVariantSpelling = new boolean[travellers];
        entriesLeft = new int[travellers];
        entryMillis = new long[travellers];
        exitMillis = new long[travellers];
        entryBcp = new int[travellers];
        exitBcp = new int[travellers];
        exitDay = new long[travellers];
        inside = new boolean[travellers];
        bytes = new byte[travellers * expectedBytesPerTraveller];
        bytesEnd = new int[travellers];
    }

    /** Takes traveller {@code t} (the next index) and the bytes kept of it; its random position is set apart. */
    void add(Traveller t, byte[] kept) {
        int i = t.index();
        frequent[i] = t.frequent();
        homeBcp[i] = t.homeBcp();
        hasVariantSpelling[i] = t.variantIdentity() != null;
        entriesLeft[i] = t.visa() == null || t.visa().getEntriesAuthorised() == 0 ? Integer.MAX_VALUE
                : t.visa().getEntriesAuthorised();
        int start = bytesStart(i);
        if (start + kept.length > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, start + kept.length));
        }
        System.arraycopy(kept, 0, bytes, start, kept.length);
        bytesEnd[i] = start + kept.length;
    }

    int size() {
        return bytesEnd.length;
    }

    byte[] bytes() {
        return bytes;
    }

    int bytesStart(int traveller) {
        return traveller == 0 ? 0 : bytesEnd[traveller - 1];
    }
}
