package eu.borderflow.seeds.reference;

import eu.borderflow.schema.BorderType;
import java.time.ZoneId;

/**
 * An external border crossing point. {@code index} is its position in {@link ReferenceData#bcps()}, so hot loops can
 * keep per-BCP state in arrays; {@code weight} is its relative share of traffic among BCPs of the same type.
 */
public record Bcp(
        int index,
        String code,
        String name,
        String country,
        BorderType type,
        GeoPoint position,
        ZoneId zone,
        String sectionId,
        double weight) {

    /** The authority that records crossings here (synthetic, one per BCP). */
    public String authority() {
        return country + "-BG-" + code.substring(code.lastIndexOf('-') + 1);
    }
}
