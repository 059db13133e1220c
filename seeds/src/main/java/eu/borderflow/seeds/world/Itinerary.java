package eu.borderflow.seeds.world;

import java.util.SplittableRandom;

/**
 * What {@link BackgroundTraffic} reads and changes at every crossing of one traveller, in one small object: the
 * traveller's random stream, the planned trip, and the bytes the writer keeps of the traveller. The person
 * ({@link Traveller}) is not kept: the hot loop touches a few cache lines per crossing instead of a whole object graph.
 */
final class Itinerary {

    final int index;
    final boolean frequent;
    final int homeBcp;
    final boolean hasVariantSpelling;
    final SplittableRandom rng;
    final byte[] travellerBytes;

    /** Entries the visa still allows; Integer.MAX_VALUE without a visa or with a multiple-entry visa. */
    int entriesLeft;
    long entryMillis;
    long exitMillis;
    int entryBcp;
    int exitBcp;
    long exitDay;
    boolean inside;

    Itinerary(Traveller t, byte[] travellerBytes) {
        this.index = t.index();
        this.frequent = t.frequent();
        this.homeBcp = t.homeBcp();
        this.hasVariantSpelling = t.variantIdentity() != null;
        this.rng = t.rng();
        this.travellerBytes = travellerBytes;
        this.entriesLeft = t.visa() == null || t.visa().getEntriesAuthorised() == 0 ? Integer.MAX_VALUE
                : t.visa().getEntriesAuthorised();
    }
}
