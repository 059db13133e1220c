package eu.borderflow.seeds.world;

import eu.borderflow.schema.StayBasis;
import eu.borderflow.stay.AuthorisedStay;
import eu.borderflow.stay.VisaDays;
import eu.borderflow.stay.VisaTerms;
import java.util.Arrays;

/**
 * What {@link BackgroundTraffic} reads and changes at every crossing, for every traveller: the position of its random
 * stream, the planned trip, what limits the next one (visa, document), the truth labels of the planned crossings, and
 * the bytes the writer keeps of it. One array per field, indexed by traveller: the traffic visits travellers in index
 * order, so every array is read front to back and the CPU fetches the next travellers' values ahead. (One object per
 * traveller, with its own random generator, cost cache misses at every crossing.) The person ({@link Traveller}) is
 * not kept.
 */
final class Itineraries {

    /** No visa limits the day. */
    static final int NO_LIMIT = Integer.MAX_VALUE;

    final long[] randomPositions;
    final byte[] profile;
    final int[] homeBcp;
    final boolean[] hasVariantSpelling;
    /** Entries the visa still allows; Integer.MAX_VALUE without a visa or with a multiple-entry visa. */
    final int[] entriesLeft;
    /** Entries the visa allows in all: 2 for a double-entry visa, else 0. */
    final byte[] doubleEntry;

    final long[] entryMillis;
    final long[] exitMillis;
    final int[] entryBcp;
    final int[] exitBcp;
    /** Local dates (epoch days) of the planned entry and exit. */
    final int[] entryDay;

    final int[] exitDay;
    final boolean[] inside;
    /** The visa's validity, epoch days; Integer.MIN_VALUE and MAX_VALUE without a visa. */
    final int[] validFrom;

    final int[] validUntil;
    /** The visa's total duration of stay; {@link #NO_LIMIT} when it has none (no visa, valid over six months). */
    final int[] visaDuration;
    /** Days spent under the visa and the last of them ({@link VisaDays}: a same-day re-entry does not count twice). */
    final int[] visaUsed;

    final int[] visaLastDay;
    /** The travel document's last valid day, epoch day. */
    final int[] expiry;
    /** First day of the current run of presence (occasional travellers' trips joined by quick re-entries). */
    final int[] runStart;
    /** {@link TruthLabels} of the planned entry and exit. */
    final short[] entryLabels;

    final short[] exitLabels;
    /** Index into a profile's own state (commuters' presence, long stayers' earlier stays); -1 for none. */
    final int[] side;
    /** Traveller i's kept bytes are {@code bytes[bytesEnd[i - 1], bytesEnd[i])} (from 0 for the first). */
    private byte[] bytes;

    private final int[] bytesEnd;

    Itineraries(int travellers, int expectedBytesPerTraveller) {
        randomPositions = new long[travellers];
        profile = new byte[travellers];
        homeBcp = new int[travellers];
        hasVariantSpelling = new boolean[travellers];
        entriesLeft = new int[travellers];
        doubleEntry = new byte[travellers];
        entryMillis = new long[travellers];
        exitMillis = new long[travellers];
        entryBcp = new int[travellers];
        exitBcp = new int[travellers];
        entryDay = new int[travellers];
        exitDay = new int[travellers];
        inside = new boolean[travellers];
        validFrom = new int[travellers];
        validUntil = new int[travellers];
        visaDuration = new int[travellers];
        visaUsed = new int[travellers];
        visaLastDay = new int[travellers];
        expiry = new int[travellers];
        runStart = new int[travellers];
        entryLabels = new short[travellers];
        exitLabels = new short[travellers];
        side = new int[travellers];
        bytes = new byte[(int) Math.min(Integer.MAX_VALUE - 8L, (long) travellers * expectedBytesPerTraveller)];
        bytesEnd = new int[travellers];
    }

    /** Takes traveller {@code t} (the next index) and the bytes kept of it; its random position is set apart. */
    void add(int i, Traveller t, byte[] kept) {
        profile[i] = (byte) t.profile().ordinal();
        homeBcp[i] = t.homeBcp();
        hasVariantSpelling[i] = t.variantIdentity() != null;
        var visa = t.visa();
        entriesLeft[i] =
                visa == null || visa.getEntriesAuthorised() == 0 ? Integer.MAX_VALUE : visa.getEntriesAuthorised();
        doubleEntry[i] = (byte) (visa != null && visa.getEntriesAuthorised() == 2 ? 1 : 0);
        validFrom[i] =
                visa == null ? Integer.MIN_VALUE : (int) visa.getValidFrom().toEpochDay();
        validUntil[i] =
                visa == null ? Integer.MAX_VALUE : (int) visa.getValidUntil().toEpochDay();
        boolean total = visa != null
                && t.stayBasis() == StayBasis.SHORT_STAY
                && VisaTerms.durationIsTotal(validFrom[i], validUntil[i]);
        visaDuration[i] = total ? visa.getDurationOfStayDays() : NO_LIMIT;
        visaLastDay[i] = Integer.MIN_VALUE;
        expiry[i] = (int) t.document().getExpiryDate().toEpochDay();
        side[i] = -1;
        int start = bytesStart(i);
        if ((long) start + kept.length > bytes.length) {
            long grown = Math.max((long) bytes.length * 2, (long) start + kept.length);
            if (grown > Integer.MAX_VALUE - 8L) {
                throw new IllegalStateException("the travellers' kept bytes outgrow one array (2 GiB)");
            }
            bytes = Arrays.copyOf(bytes, (int) grown);
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

    /**
     * The last day the visa allows for a stay entered on {@code day} (its validity and what is left of its total),
     * {@link AuthorisedStay#NO_LAWFUL_DAY} when none, {@link #NO_LIMIT} without a visa.
     */
    int lastDayByVisa(int t, int day) {
        if (validUntil[t] == NO_LIMIT) {
            return NO_LIMIT;
        }
        boolean total = visaDuration[t] != NO_LIMIT;
        return AuthorisedStay.lastDayByVisa(
                day,
                validFrom[t],
                validUntil[t],
                visaDuration[t],
                total ? new VisaDays(visaUsed[t], visaLastDay[t]).usedBefore(day) : 0,
                total);
    }

    /** Counts the stay {@code entry..exit} against the visa's total. */
    void countVisaDays(int t, int entry, int exit) {
        if (visaDuration[t] != NO_LIMIT) {
            VisaDays days = new VisaDays(visaUsed[t], visaLastDay[t]).plusStay(entry, exit);
            visaUsed[t] = days.used();
            visaLastDay[t] = days.lastDay();
        }
    }
}
