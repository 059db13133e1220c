package eu.borderflow.picture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.borderflow.config.ConfigException;
import eu.borderflow.config.ConfigLoader;
import eu.borderflow.job.environment.JobEnvironment;
import eu.borderflow.schema.SectionImpactLevel;
import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The settings bound on the client: the shipped defaults, the reference tables, and what is refused. */
class PictureSettingsTest {

    @Test
    void theShippedDefaultsBindAndSerialise() throws Exception {
        PictureSettings settings = PictureSettings.bind(ConfigLoader.defaults());
        assertEquals(4 * 24 * 3_600_000L, settings.allowedLatenessMillis());
        assertEquals(0, settings.publishAfterMillis());
        assertEquals(
                settings.allowedLatenessMillis(),
                settings.settledPicture().publishAfterMillis(),
                "a bounded run publishes each window once it is final");
        assertEquals(62, settings.referenceLevels().size());
        assertEquals(SectionImpactLevel.CRITICAL, settings.referenceLevels().get("LAND-POL-BLR"));
        assertEquals("AIR-DEU", settings.bcpSections().get("DEU-A-FRA"));
        try (ObjectOutputStream out = new ObjectOutputStream(new ByteArrayOutputStream())) {
            out.writeObject(settings);
        }
    }

    /**
     * The risk job's flags reach risk.flags at its checkpoints; after a quiet spell the picture's crossings must wait
     * for the first of them (config/picture.yaml, crossings_resume_hold), in every environment shipped.
     */
    @ParameterizedTest
    @ValueSource(strings = {"local", "cluster", "kubernetes"})
    void theCrossingsWaitLongerThanTheRiskJobTakesToCommitItsFlags(String environment) {
        Duration checkpoints = JobEnvironment.load(ConfigLoader.defaults(), environment)
                .getJob()
                .getCheckpointInterval();
        PictureSettings settings = PictureSettings.bind(ConfigLoader.defaults());
        Duration hold = settings.crossingsTiming().resumeHold();
        assertTrue(
                hold.compareTo(checkpoints.plusSeconds(5)) >= 0,
                "crossings_resume_hold " + hold + " against a checkpoint every " + checkpoints);
        assertTrue(settings.sourceTiming().resumeHold().compareTo(hold) < 0, "the other inputs hold less");
    }

    @Test
    void valuesTheJobCannotKeepItsPromisesWithAreRefusedByName(@TempDir Path dir) throws Exception {
        String shipped = Files.readString(Path.of("..", "..", "config", "picture.yaml"));
        assertRefused(dir, shipped.replace("allowed_lateness: P4D", "allowed_lateness: P8D"), "time.allowed_lateness");
        assertRefused(dir, shipped.replace("publish_after: PT0S", "publish_after: P5D"), "time.publish_after");
        assertRefused(dir, shipped.replace("unknown_after: PT6H", "unknown_after: PT25H"), "freshness.unknown_after");
        assertRefused(
                dir,
                shipped.replace("max_contributing_incidents: 100", "max_contributing_incidents: 0"),
                "max_contributing_incidents");
        assertRefused(dir, shipped.replace("unknown_after: PT6H", "unknown_after: PT0S"), "freshness/unknown_after");
        assertRefused(
                dir, shipped.replace("out_of_orderness: PT5M", "out_of_orderness: -PT5M"), "time/out_of_orderness");
        assertRefused(dir, shipped.replace("source_idleness: PT1M", "source_idleness: PT0S"), "time/source_idleness");
        assertRefused(
                dir,
                shipped.replace("source_resume_hold: PT2S", "source_resume_hold: -PT2S"),
                "time/source_resume_hold");
        assertRefused(
                dir,
                shipped.replace("crossings_resume_hold: PT40S", "crossings_resume_hold: -PT1S"),
                "time/crossings_resume_hold");
        assertRefused(dir, shipped.replace("due_within: PT24H", "due_within: -PT1H"), "reports/due_within");
    }

    private static void assertRefused(Path dir, String yaml, String named) throws Exception {
        Files.writeString(dir.resolve("picture.yaml"), yaml);
        ConfigException e = assertThrows(ConfigException.class, () -> PictureSettings.bind(ConfigLoader.from(dir)));
        assertTrue(e.getMessage().contains(named), e.getMessage());
    }
}
