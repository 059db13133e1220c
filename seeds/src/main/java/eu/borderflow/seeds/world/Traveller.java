package eu.borderflow.seeds.world;

import eu.borderflow.schema.FingerprintStatus;
import eu.borderflow.schema.StayBasis;
import eu.borderflow.schema.TravelDocument;
import eu.borderflow.schema.TravellerIdentity;
import eu.borderflow.schema.Visa;

/**
 * One person of the world: identity, document, visa, stay basis and biometric ids, shared by every crossing of the
 * traveller, how the traveller travels, and the traveller's own random stream, from which its itinerary is drawn.
 * Planted travellers are drawn the same way (from indexes after the background's), so nothing but a planted rule's
 * inputs sets them apart.
 *
 * @param visaRequired the nationality needs a short-stay visa
 * @param plannedDay   the rare profile's one entry day (epoch day), which its document's expiry is set against
 */
public record Traveller(
        int index,
        TravellerIdentity identity,
        TravellerIdentity variantIdentity,
        NamePicker.Names names,
        TravelDocument document,
        Visa visa,
        StayBasis stayBasis,
        String facialTemplateId,
        String fingerprintTemplateId,
        FingerprintStatus fingerprintStatus,
        boolean visaRequired,
        TravellerProfile profile,
        int homeBcp,
        long plannedDay,
        RandomStream rng) {

    /** The transliterated identity, or null when the names have no variants. */
    @Override
    public TravellerIdentity variantIdentity() {
        return variantIdentity;
    }
}
