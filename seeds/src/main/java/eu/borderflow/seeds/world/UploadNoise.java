package eu.borderflow.seeds.world;

import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.seeds.reference.Calibration;

import java.time.Instant;
import java.util.SplittableRandom;

/**
 * Realistic transport noise a correct pipeline must tolerate without flags: EES fall-back uploads (Art. 21) arriving
 * up to 72 hours late and therefore out of order, and records re-sent with the same event id.
 */
public final class UploadNoise {

    private final SplittableRandom rng;
    private final double fallbackShare;
    private final long fallbackMaxMillis;
    private final double duplicateShare;
    private final long duplicateMaxMillis;

    public UploadNoise(long seed, Calibration calibration) {
        this.rng = new SplittableRandom(SeedMix.derive(seed, "upload-noise"));
        this.fallbackShare = calibration.number("/noise/fallback_upload_share");
        // Strictly below the limit: a record exactly 72 h late would sit on the jobs' lateness bound.
        this.fallbackMaxMillis = calibration.integer("/noise/fallback_max_delay_hours") * Period.HOUR_MILLIS - Period.MINUTE_MILLIS;
        this.duplicateShare = calibration.number("/noise/duplicate_share");
        this.duplicateMaxMillis = calibration.integer("/noise/duplicate_max_delay_minutes") * Period.MINUTE_MILLIS;
    }

    /** Maybe turns {@code crossing} into a fall-back upload (sets ingest time and the flag). */
    public void delay(BorderCrossing crossing) {
        if (rng.nextDouble() < fallbackShare) {
            long event = crossing.getEventTime().toEpochMilli();
            crossing.setIngestTime(Instant.ofEpochMilli(event + Period.MINUTE_MILLIS + rng.nextLong(fallbackMaxMillis - Period.MINUTE_MILLIS)));
            crossing.setFallbackUpload(true);
        }
    }

    /** A re-sent copy (same event id, later ingest time), or null. */
    public BorderCrossing duplicate(BorderCrossing crossing) {
        if (rng.nextDouble() >= duplicateShare) {
            return null;
        }
        BorderCrossing copy = BorderCrossing.newBuilder(crossing).build();
        copy.setIngestTime(Instant.ofEpochMilli(crossing.getIngestTime().toEpochMilli() + 1 + rng.nextLong(duplicateMaxMillis)));
        return copy;
    }
}
