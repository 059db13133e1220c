package eu.borderflow.risk.traveller;

import eu.borderflow.schema.BorderType;
import java.time.ZoneId;

/** Where a border crossing point is, what kind it is, and its local time zone (reference data). */
public record BcpLocation(String code, BorderType type, double latitude, double longitude, ZoneId zone) {

    private static final double EARTH_RADIUS_KM = 6371.0088;

    /** Great-circle distance by the haversine formula, in km. */
    public double distanceKm(BcpLocation other) {
        double phi1 = Math.toRadians(latitude);
        double phi2 = Math.toRadians(other.latitude);
        double dPhi = phi2 - phi1;
        double dLambda = Math.toRadians(other.longitude - longitude);
        double h = Math.sin(dPhi / 2) * Math.sin(dPhi / 2)
                + Math.cos(phi1) * Math.cos(phi2) * Math.sin(dLambda / 2) * Math.sin(dLambda / 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
    }
}
