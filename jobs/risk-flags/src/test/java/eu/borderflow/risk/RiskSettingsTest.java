package eu.borderflow.risk;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.borderflow.config.ConfigException;
import eu.borderflow.config.ConfigLoader;
import eu.borderflow.job.environment.JobEnvironment;
import eu.borderflow.job.environment.KafkaEndpoints;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * rules.yaml as the risk job binds it on the client: a value a rule cannot run with is refused by name before the job
 * runs. Before, a speed of 0 made every crossing at an airport a dead letter, a negative retention changed the flags
 * silently, and an out-of-range threshold failed with a stack trace.
 */
class RiskSettingsTest {

    private static final String SHIPPED = read();

    @TempDir
    Path dir;

    @Test
    void theShippedRulesBuildTheJob() throws Exception {
        build(SHIPPED);
    }

    @Test
    void valuesTheRulesCannotRunWithAreRefusedByName() throws Exception {
        assertRefused("out_of_orderness: PT5M", "out_of_orderness: -PT5M", "/time/out_of_orderness");
        assertRefused("allowed_lateness: PT72H", "allowed_lateness: -PT1S", "/time/allowed_lateness");
        assertRefused("source_idleness: PT1M", "source_idleness: PT0S", "/time/source_idleness");
        assertRefused("source_resume_hold: PT2S", "source_resume_hold: -PT2S", "/time/source_resume_hold");
        assertRefused("deleted_alert_days: 4", "deleted_alert_days: -4", "/retention/deleted_alert_days");
        assertRefused("document_trail_years: 3", "document_trail_years: 0", "/retention/document_trail_years");
        assertRefused("overstay_years: 5", "overstay_years: 0", "/retention/overstay_years");
        assertRefused("name_similarity_min: 0.92", "name_similarity_min: 1.5", "/rules/R2/name_similarity_min");
        assertRefused("    name_similarity_min: 0.92\n", "", "/rules/R2/name_similarity_min must be set");
        assertRefused("grace: PT72H", "grace: -PT1H", "/rules/R4/grace");
        assertRefused("AIR: 950", "AIR: 0", "/rules/R7/max_speed_kmh/AIR");
        assertRefused("      SEA: 60\n", "", "/rules/R7/max_speed_kmh/SEA");
        assertRefused("min_transfer: PT30M", "min_transfer: -PT1M", "/rules/R7/min_transfer");
        assertRefused("notice_months: 4", "notice_months: -2", "/rules/R10/notice_months");
    }

    private void assertRefused(String shipped, String replacement, String named) throws Exception {
        assertTrue(SHIPPED.contains(shipped), "the shipped rules.yaml has " + shipped);
        ConfigException e = assertThrows(ConfigException.class, () -> build(SHIPPED.replace(shipped, replacement)));
        assertTrue(e.getMessage().startsWith("rules.yaml " + named), e.getMessage());
    }

    /** The job's graph as main() builds it, with {@code rules} as rules.yaml. */
    private void build(String rules) throws Exception {
        Files.writeString(dir.resolve("rules.yaml"), rules);
        ConfigLoader config = ConfigLoader.from(dir);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        JobEnvironment environment = JobEnvironment.load(config, JobEnvironment.CLUSTER);
        KafkaEndpoints kafka = KafkaEndpoints.streaming(environment);
        RiskFlagJob.builder(RiskSettings.bind(config, "a-key-that-is-not-the-demo-key", false))
                .kafka(kafka)
                .rules(RiskFlagJob.defaultRules())
                .build()
                .addTo(env);
    }

    private static String read() {
        try {
            return Files.readString(Path.of("..", "..", "config", "rules.yaml"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
