package eu.borderflow.reference;

import eu.borderflow.schema.BorderType;
import eu.borderflow.schema.SectionImpactLevel;
import java.io.Serializable;
import java.util.List;

/**
 * One border section of the reference table (Eurosur, Reg. 2019/1896 Art. 30): its id, name, kind, the impact level
 * people attributed to it, and a few points drawing it (a polyline; an air section a small closed polygon).
 */
public record SectionRecord(
        String id, String name, BorderType type, SectionImpactLevel impactLevel, List<LatLon> geometry)
        implements Serializable {

    /** A point of a section's geometry, in degrees. */
    public record LatLon(double latitude, double longitude) implements Serializable {}
}
