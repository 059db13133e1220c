package eu.borderflow.seeds.world;

import eu.borderflow.seeds.reference.Bcp;
import eu.borderflow.travel.MinimumTravelTime;
import java.util.List;

/**
 * R7's minimum time between crossings at two BCPs ({@link MinimumTravelTime}, the definition the risk job uses), for
 * every pair of BCPs once: the background plans quick movements just above it and scenarios know what is impossible.
 */
public final class TravelTimes {

    private final MinimumTravelTime rule;
    private final long[][] minMillis;

    public TravelTimes(List<Bcp> bcps, MinimumTravelTime rule) {
        this.rule = rule;
        minMillis = new long[bcps.size()][bcps.size()];
        for (Bcp a : bcps) {
            for (Bcp b : bcps) {
                if (a.index() != b.index()) {
                    double km = MinimumTravelTime.distanceKm(
                            a.position().latitude(),
                            a.position().longitude(),
                            b.position().latitude(),
                            b.position().longitude());
                    minMillis[a.index()][b.index()] = rule.minimumMillis(km, a.type(), b.type());
                }
            }
        }
    }

    /** Minimum plausible millis between crossing at {@code from} and at {@code to}; 0 for the same BCP. */
    public long minMillis(int from, int to) {
        return minMillis[from][to];
    }

    public MinimumTravelTime rule() {
        return rule;
    }
}
