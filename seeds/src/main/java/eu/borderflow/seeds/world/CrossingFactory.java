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

    private static final int EVENT_ID = field("event_id");
    private static final int SYNTHETIC = field("synthetic");
    private static final int KIND = field("kind");
    private static final int EVENT_TIME = field("event_time");
    private static final int LOCAL_DATE = field("local_date");
    private static final int INGEST_TIME = field("ingest_time");
    private static final int FALLBACK_UPLOAD = field("fallback_upload");
    private static final int BCP_CODE = field("bcp_code");
    private static final int SECTION_ID = field("section_id");
    private static final int BORDER_TYPE = field("border_type");
    private static final int AUTHORITY = field("authority");
    private static final int TRAVELLER = field("traveller");
    private static final int DOCUMENT = field("document");
    private static final int VISA = field("visa");
    private static final int STAY_BASIS_FIELD = field("stay_basis");
    private static final int BIOMETRICS = field("biometrics");
    private static final int REFUSAL_REASONS = field("refusal_reasons");
    private static final int RETENTION_UNTIL = field("retention_until");

    private final List<Bcp> bcps;
    private final String[] authorities;
    private final long firstCachedDay;
    private final LocalDate[] days;
    /** Retention end (epoch day) of a record of each day of the range. */
    private final long[] retentionDays;

    public CrossingFactory(List<Bcp> bcps, long firstDay, long lastDay) {
        this.bcps = bcps;
        this.authorities = bcps.stream().map(Bcp::authority).toArray(String[]::new);
        this.firstCachedDay = firstDay;
        int retentionSpan = RETENTION_YEARS * 366 + 1;
        this.days = new LocalDate[(int) (lastDay - firstDay + 1) + retentionSpan];
        this.retentionDays = new long[(int) (lastDay - firstDay + 1)];
        for (int i = 0; i < retentionDays.length; i++) {
            retentionDays[i] = LocalDate.ofEpochDay(firstDay + i)
                    .plusYears(RETENTION_YEARS)
                    .toEpochDay();
        }
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

    /** Retention end (epoch day) of a record whose exit (planned or actual) or refusal is on {@code epochDay}. */
    public long retentionDay(long epochDay) {
        long i = epochDay - firstCachedDay;
        if (i < 0 || i >= retentionDays.length) {
            return LocalDate.ofEpochDay(epochDay).plusYears(RETENTION_YEARS).toEpochDay();
        }
        return retentionDays[(int) i];
    }

    /**
     * The exit or refusal day a retention end was counted from: the latest day whose {@link #retentionDay} it is (29
     * February and 28 February give the same end three years on).
     */
    public long exitDayOf(long retentionDay) {
        long day =
                LocalDate.ofEpochDay(retentionDay).minusYears(RETENTION_YEARS).toEpochDay();
        return retentionDay(day + 1) == retentionDay ? day + 1 : day;
    }

    /** {@link #retentionDay} as a date. */
    public LocalDate retentionUntil(long epochDay) {
        return day(retentionDay(epochDay));
    }

    private static int field(String name) {
        return BorderCrossing.getClassSchema().getField(name).pos();
    }

    public BorderCrossing crossing(
            String eventId,
            CrossingKind kind,
            long eventMillis,
            long localDay,
            int bcpIndex,
            TravellerIdentity identity,
            TravelDocument document,
            Visa visa,
            StayBasis basis,
            String facialTemplateId,
            String fingerprintTemplateId,
            FingerprintStatus fingerprints,
            float verificationScore,
            List<RefusalReason> reasons,
            long retentionBaseDay) {
        Bcp bcp = bcps.get(bcpIndex);
        Instant at = Instant.ofEpochMilli(eventMillis);
        // Field by field rather than through the all-arguments constructor: the generated constructor truncates each
        // timestamp to millis (Instant.truncatedTo, several long divisions per call), and these are whole millis
        // already.
        BorderCrossing c = new BorderCrossing();
        c.put(EVENT_ID, eventId);
        c.put(SYNTHETIC, Boolean.TRUE);
        c.put(KIND, kind);
        c.put(EVENT_TIME, at);
        c.put(LOCAL_DATE, day(localDay));
        c.put(INGEST_TIME, at);
        c.put(FALLBACK_UPLOAD, Boolean.FALSE);
        c.put(BCP_CODE, bcp.code());
        c.put(SECTION_ID, bcp.sectionId());
        c.put(BORDER_TYPE, bcp.type());
        c.put(AUTHORITY, authorities[bcpIndex]);
        c.put(TRAVELLER, identity);
        c.put(DOCUMENT, document);
        c.put(VISA, visa);
        c.put(STAY_BASIS_FIELD, basis);
        c.put(BIOMETRICS, new Biometrics(facialTemplateId, fingerprintTemplateId, fingerprints, verificationScore));
        c.put(REFUSAL_REASONS, reasons);
        c.put(RETENTION_UNTIL, retentionUntil(retentionBaseDay));
        return c;
    }
}
