package eu.borderflow.seeds.scenario;

import eu.borderflow.schema.FingerprintStatus;
import eu.borderflow.schema.TravelDocument;
import eu.borderflow.schema.TravellerIdentity;
import eu.borderflow.schema.Visa;
import eu.borderflow.seeds.world.NamePicker;

/**
 * A traveller a scenario plants, outside the background population. Scenarios change the document, visa, spelling or
 * biometric template between crossings; each crossing copies the current values.
 */
public final class PlantedTraveller {

    TravellerIdentity identity;
    /** The names as drawn from the lists, with their alternative spellings. */
    NamePicker.Names names;
    /** The spelling the next crossings carry (a transliteration variant, or the identity itself). */
    TravellerIdentity presented;
    TravelDocument document;
    Visa visa;
    String facialTemplateId;
    String fingerprintTemplateId;
    FingerprintStatus fingerprintStatus;

    public TravellerIdentity identity() {
        return identity;
    }

    public String fileId() {
        return identity.getFileId();
    }

    public TravelDocument document() {
        return document;
    }

    public Visa visa() {
        return visa;
    }
}
