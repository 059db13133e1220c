package eu.borderflow.job.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.borderflow.config.ConfigException;
import eu.borderflow.config.ConfigLoader;
import java.time.Duration;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The ingest ranges are checked on the client: a negative window or a zero cap is a configuration error naming the
 * setting, not a job that makes every record a dead letter (a negative max_clock_skew did, 12,442 crossings of 12,442
 * in a bounded run of a small world).
 */
class IngestSettingsTest {

    @Test
    void theShippedRangesPass() {
        assertEquals(Duration.ofMinutes(5), shipped().check().getMaxClockSkew());
    }

    @Test
    void aNegativeWindowOrAZeroCapIsAConfigErrorNamingTheSetting() {
        assertRefused("max_clock_skew", s -> s.setMaxClockSkew(Duration.ofMinutes(-5)));
        assertRefused("max_upload_delay", s -> s.setMaxUploadDelay(Duration.ofDays(-30)));
        assertRefused("max_upload_delay", s -> s.setMaxUploadDelay(null));
        assertRefused("max_alert_valid_from_after_change", s -> s.setMaxAlertValidFromAfterChange(Duration.ofDays(-1)));
        assertRefused("max_age_years", s -> s.setMaxAgeYears(0));
        assertRefused("max_short_stay_days", s -> s.setMaxShortStayDays(-90));
        assertRefused("max_alert_version", s -> s.setMaxAlertVersion(0));
    }

    private static void assertRefused(String setting, Consumer<IngestSettings> change) {
        IngestSettings settings = shipped();
        change.accept(settings);
        ConfigException e = assertThrows(ConfigException.class, settings::check);
        assertTrue(e.getMessage().startsWith("rules.yaml /ingest: " + setting + " must be"), e.getMessage());
    }

    private static IngestSettings shipped() {
        return ConfigLoader.defaults().bind("rules", "/ingest", IngestSettings.class);
    }
}
