package eu.borderflow.seeds.reference;

import eu.borderflow.travel.MinimumTravelTime;

/** A WGS84 position in decimal degrees. */
public record GeoPoint(double latitude, double longitude) {

    /** Great-circle distance in kilometres, as R7 measures it ({@link MinimumTravelTime#distanceKm}). */
    public double distanceKm(GeoPoint other) {
        return MinimumTravelTime.distanceKm(latitude, longitude, other.latitude, other.longitude);
    }
}
