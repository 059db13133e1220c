package eu.borderflow.seeds.world;

import eu.borderflow.schema.FingerprintStatus;
import eu.borderflow.schema.TravelDocument;
import eu.borderflow.schema.TravellerIdentity;
import eu.borderflow.schema.Visa;

/**
 * One member of the background population: identity, document, visa and biometric ids, shared by every crossing of
 * the traveller, and the traveller's own random stream, from which its itinerary is drawn.
 */
public record Traveller(int index, TravellerIdentity identity, TravellerIdentity variantIdentity,
                        TravelDocument document, Visa visa, String facialTemplateId, String fingerprintTemplateId,
                        FingerprintStatus fingerprintStatus, boolean frequent, int homeBcp, RandomStream rng) {

    /** The transliterated identity, or null when the names have no variants. */
    @Override
    public TravellerIdentity variantIdentity() {
        return variantIdentity;
    }
}
