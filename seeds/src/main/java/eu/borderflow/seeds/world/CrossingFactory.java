package eu.borderflow.seeds.world;

import eu.borderflow.schema.Biometrics;
import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.CrossingKind;
import eu.borderflow.schema.FingerprintStatus;
import eu.borderflow.schema.RefusalReason;
import eu.borderflow.schema.StayBasis;
import eu.borderflow.schema.TravelDocument;
import eu.borderflow.schema.TravellerIdentity;
import eu.borderflow.schema.Visa;
import eu.borderflow.seeds.reference.Bcp;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Builds crossing records. Strings and dates are shared, not formatted per event: BCP codes, sections and authorities
 * come from the reference data, dates from a cache of the days around the period.
 */
public final class CrossingFactory {

    /** Art. 34: crossing records are kept 3 years after the exit or refusal. */
    public static final int RETENTION_YEARS = 3;

    private final List<Bcp> bcps;
    private final String[] authorities;
    private final long firstCachedDay;
    private final LocalDate[] days;
    private final LocalDate[] retention;

    public CrossingFactory(List<Bcp> bcps, long firstDay, long lastDay) {
        this.bcps = bcps;
        this.authorities = bcps.stream().map(Bcp::authority).toArray(String[]::new);
        this.firstCachedDay = firstDay;
        int retentionSpan = RETENTION_YEARS * 366 + 1;
        this.days = new LocalDate[(int) (lastDay - firstDay + 1) + retentionSpan];
        this.retention = new LocalDate[(int) (lastDay - firstDay + 1)];
    }

    public LocalDate day(long epochDay) {
        long i = epochDay - firstCachedDay;
        if (i < 0 || i >= days.length) {
            return LocalDate.ofEpochDay(epochDay);
        }
        LocalDate d = days[(int) i];
        if (d == null) {
            d = LocalDate.ofEpochDay(epochDay);
            days[(int) i] = d;
        }
        return d;
    }

    /** Retention end of a record whose exit (planned or actual) or refusal is on {@code epochDay}. */
    public LocalDate retentionUntil(long epochDay) {
        long i = epochDay - firstCachedDay;
        if (i < 0 || i >= retention.length) {
            return day(epochDay).plusYears(RETENTION_YEARS);
        }
        LocalDate r = retention[(int) i];
        if (r == null) {
            r = day(day(epochDay).plusYears(RETENTION_YEARS).toEpochDay());
            retention[(int) i] = r;
        }
        return r;
    }

    public BorderCrossing crossing(String eventId, CrossingKind kind, long eventMillis, long localDay, int bcpIndex,
                                   TravellerIdentity identity, TravelDocument document, Visa visa,
                                   String facialTemplateId, String fingerprintTemplateId, FingerprintStatus fingerprints,
                                   float verificationScore, List<RefusalReason> reasons, long retentionBaseDay) {
        Bcp bcp = bcps.get(bcpIndex);
        Instant at = Instant.ofEpochMilli(eventMillis);
        return new BorderCrossing(eventId, true, kind, at, day(localDay), at, false, bcp.code(), bcp.sectionId(),
                bcp.type(), authorities[bcpIndex], identity, document, visa, StayBasis.SHORT_STAY,
                new Biometrics(facialTemplateId, fingerprintTemplateId, fingerprints, verificationScore),
                reasons, retentionUntil(retentionBaseDay));
    }
}
