package eu.borderflow.seeds.world;

import eu.borderflow.schema.CrossingKind;
import eu.borderflow.schema.RefusalReason;

/**
 * One crossing of the background traffic as the values that vary from crossing to crossing; everything else (identity,
 * document, visa, biometric ids, the BCP's names) is the traveller's or the BCP's own, and the event id is given when
 * the crossing takes its place in event-time order. {@link BackgroundTraffic} fills one instance again for every
 * crossing, so the generator writes a million records without making a million objects: read it before the next.
 */
public final class BackgroundCrossing {

    CrossingKind kind;
    long eventMillis;
    long localDay;
    int bcp;
    int traveller;
    byte[] travellerBytes;
    int travellerBytesStart;
    boolean variantSpelling;
    float verificationScore;
    RefusalReason refusalReason;
    long retentionDay;
    int labels;

    BackgroundCrossing() {}

    public CrossingKind kind() {
        return kind;
    }

    public long eventMillis() {
        return eventMillis;
    }

    /** The BCP's local date, as an epoch day. */
    public long localDay() {
        return localDay;
    }

    /** Index of the BCP in the reference list. */
    public int bcp() {
        return bcp;
    }

    /** The index of the traveller in the population. */
    public int travellerIndex() {
        return traveller;
    }

    /**
     * What the writer made of the traveller when it was created (see {@link BackgroundTraffic}) begins at
     * {@code travellerBytes()[travellerBytesStart()]}; the array holds every traveller's, one after the other.
     */
    public byte[] travellerBytes() {
        return travellerBytes;
    }

    public int travellerBytesStart() {
        return travellerBytesStart;
    }

    /** True when the record carries the traveller's transliterated identity rather than the usual spelling. */
    public boolean variantSpelling() {
        return variantSpelling;
    }

    public float verificationScore() {
        return verificationScore;
    }

    /** The refusal's reason letter; null unless the crossing is a refusal. */
    public RefusalReason refusalReason() {
        return refusalReason;
    }

    /** The record's retention end (Art. 34), as an epoch day. */
    public long retentionDay() {
        return retentionDay;
    }

    /** Why the crossing is deliberately close to a rule's threshold ({@link TruthLabels}); 0 for nothing. */
    public int labels() {
        return labels;
    }
}
