package eu.borderflow.seeds.world;

import eu.borderflow.seeds.reference.Calibration;
import java.util.OptionalLong;
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

    /** The noise of one concern ({@code "upload-noise"}, ...) of the world of {@code seed}. */
    public UploadNoise(long seed, String concern, Calibration calibration) {
        this.rng = new SplittableRandom(SeedMix.derive(seed, concern));
        this.fallbackShare = calibration.number("/noise/fallback_upload_share");
        // Strictly below the limit: a record exactly 72 h late would sit on the jobs' lateness bound.
        this.fallbackMaxMillis =
                calibration.integer("/noise/fallback_max_delay_hours") * Period.HOUR_MILLIS - Period.MINUTE_MILLIS;
        this.duplicateShare = calibration.number("/noise/duplicate_share");
        this.duplicateMaxMillis = calibration.integer("/noise/duplicate_max_delay_minutes") * Period.MINUTE_MILLIS;
    }

    /** When a crossing made at {@code eventMillis} reaches the central system: at once, or later if uploaded late. */
    public long ingestMillis(long eventMillis) {
        if (rng.nextDouble() < fallbackShare) {
            return eventMillis + Period.MINUTE_MILLIS + rng.nextLong(fallbackMaxMillis - Period.MINUTE_MILLIS);
        }
        return eventMillis;
    }

    /** The ingest time of a re-sent copy (same event id) of a record ingested at {@code ingestMillis}, if re-sent. */
    public OptionalLong resentMillis(long ingestMillis) {
        if (rng.nextDouble() >= duplicateShare) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(ingestMillis + 1 + rng.nextLong(duplicateMaxMillis));
    }

    /** The ingest time of a copy a scenario re-sends on purpose. */
    public long resendMillis(long ingestMillis) {
        return ingestMillis + 1 + rng.nextLong(duplicateMaxMillis);
    }
}
