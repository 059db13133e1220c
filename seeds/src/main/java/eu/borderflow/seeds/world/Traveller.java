package eu.borderflow.seeds.world;

import eu.borderflow.schema.FingerprintStatus;
import eu.borderflow.schema.TravelDocument;
import eu.borderflow.schema.TravellerIdentity;
import eu.borderflow.schema.Visa;

import java.util.SplittableRandom;

/**
 * One member of the background population: identity, document, visa and biometric ids (shared, never mutated, by
 * every crossing record of the traveller), plus the state of the traveller's itinerary.
 */
public final class Traveller {

    final int index;
    final TravellerIdentity identity;
    /** The same person with a transliterated spelling, or null when the names have no variants. */
    final TravellerIdentity variantIdentity;
    final TravelDocument document;
    final Visa visa;
    final String facialTemplateId;
    final String fingerprintTemplateId;
    final FingerprintStatus fingerprintStatus;
    final boolean frequent;
    final int homeBcp;
    final SplittableRandom rng;

    /** The Avro bytes of the shared parts above, kept here by the generator's encoder; null until it makes them. */
    private byte[] encoded;

    /** Entries the visa still allows; Integer.MAX_VALUE without a visa or with a multiple-entry visa. */
    int entriesLeft;
    /** Itinerary state: the planned trip. */
    long entryMillis;
    long exitMillis;
    int entryBcp;
    int exitBcp;
    long exitDay;
    boolean inside;

    Traveller(int index, TravellerIdentity identity, TravellerIdentity variantIdentity, TravelDocument document,
              Visa visa, String facialTemplateId, String fingerprintTemplateId, FingerprintStatus fingerprintStatus,
              boolean frequent, int homeBcp, SplittableRandom rng) {
        this.index = index;
        this.identity = identity;
        this.variantIdentity = variantIdentity;
        this.document = document;
        this.visa = visa;
        this.facialTemplateId = facialTemplateId;
        this.fingerprintTemplateId = fingerprintTemplateId;
        this.fingerprintStatus = fingerprintStatus;
        this.frequent = frequent;
        this.homeBcp = homeBcp;
        this.rng = rng;
        this.entriesLeft = visa == null || visa.getEntriesAuthorised() == 0 ? Integer.MAX_VALUE : visa.getEntriesAuthorised();
    }

    public int index() {
        return index;
    }

    public TravellerIdentity identity() {
        return identity;
    }

    public TravelDocument document() {
        return document;
    }

    public Visa visa() {
        return visa;
    }

    public boolean frequent() {
        return frequent;
    }

    /** The transliterated identity, or null when the names have no variants. */
    public TravellerIdentity variantIdentity() {
        return variantIdentity;
    }

    public String facialTemplateId() {
        return facialTemplateId;
    }

    public String fingerprintTemplateId() {
        return fingerprintTemplateId;
    }

    public FingerprintStatus fingerprintStatus() {
        return fingerprintStatus;
    }

    /** The encoder's bytes of this traveller's shared parts (identity, document, visa, biometric ids), or null. */
    public byte[] encoded() {
        return encoded;
    }

    public void encoded(byte[] bytes) {
        this.encoded = bytes;
    }
}
