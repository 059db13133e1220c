package eu.borderflow.seeds.world;

/** How a background traveller travels (reference/calibration.yaml {@code profiles}). */
public enum TravellerProfile {
    /** Trips of up to 28 days with gaps of at least 32. */
    OCCASIONAL,
    /** Same-day trips at the home BCP every 2-9 days. */
    FREQUENT,
    /** Same-day trips every other day, up to exactly 90 days in any 180. */
    COMMUTER,
    /** Short stays of 30-90 days, each up to (or close to) its authorised end. */
    LONG_STAYER,
    /** One trip on a document that expires on or just after the stay's authorised end. */
    RARE,
    /** Stays under a long-stay visa or residence permit, not counted toward 90/180. */
    RESIDENT;

    private static final TravellerProfile[] VALUES = values();

    public static TravellerProfile of(int ordinal) {
        return VALUES[ordinal];
    }
}
