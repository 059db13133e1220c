package eu.borderflow.seeds.reference;

import eu.borderflow.schema.BorderType;
import eu.borderflow.schema.SectionImpactLevel;
import java.util.List;

/** A Eurosur border section with its attributed impact level (set by people) and a polyline to draw it. */
public record BorderSection(
        String id, String name, BorderType type, SectionImpactLevel impactLevel, List<GeoPoint> geometry) {

    /** The member state responsible for the section: the first country code in its id. */
    public String memberState() {
        int start = id.indexOf('-') + 1;
        int end = id.indexOf('-', start);
        return end < 0 ? id.substring(start) : id.substring(start, end);
    }

    /** A point on the polyline: {@code fraction} in [0, 1) picks the segment and the position along it. */
    public GeoPoint pointAt(double fraction) {
        if (geometry.size() == 1) {
            return geometry.get(0);
        }
        double scaled = fraction * (geometry.size() - 1);
        int segment = Math.min((int) scaled, geometry.size() - 2);
        double t = scaled - segment;
        GeoPoint a = geometry.get(segment);
        GeoPoint b = geometry.get(segment + 1);
        return new GeoPoint(
                a.latitude() + t * (b.latitude() - a.latitude()), a.longitude() + t * (b.longitude() - a.longitude()));
    }
}
