package eu.borderflow.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @Test
    void userDirectoryOverridesDefaultsFileByFile(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("privacy.yaml"), "token:\n  key: mine\n");
        assertEquals(
                "mine", ConfigLoader.from(dir).tree("privacy").at("/token/key").asText());
        assertEquals(
                "borderflow-synthetic-demo-key-2026",
                ConfigLoader.defaults().tree("privacy").at("/token/key").asText());
    }

    @Test
    void brokenFileNamesTheFile(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("privacy.yaml"), "token: [unclosed\n");
        ConfigException e =
                assertThrows(ConfigException.class, () -> ConfigLoader.from(dir).tree("privacy"));
        assertTrue(e.getMessage().contains("privacy.yaml"), e.getMessage());
        assertThrows(ConfigException.class, () -> ConfigLoader.defaults().tree("no-such-file"));
    }

    @Test
    void aValueOfTheWrongFormatNamesItsSettingAndTheFormat(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("env.yaml"), "job:\n  name: risk\n  checkpoint_interval: 30 seconds\n");
        ConfigException e =
                assertThrows(ConfigException.class, () -> ConfigLoader.from(dir).bind("env", "", Settings.class));
        assertTrue(
                e.getMessage()
                        .startsWith("env.yaml /job/checkpoint_interval: Cannot deserialize value of type "
                                + "`java.time.Duration` from String \"30 seconds\""),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("(a duration is ISO-8601: PT30S, PT5M, PT72H, P3D)"), e.getMessage());

        Files.writeString(dir.resolve("env.yaml"), "job:\n  name: risk\n  parallelism: two\n");
        ConfigException notANumber =
                assertThrows(ConfigException.class, () -> ConfigLoader.from(dir).bind("env", "", Settings.class));
        assertTrue(notANumber.getMessage().startsWith("env.yaml /job/parallelism: "), notANumber.getMessage());
        assertTrue(!notANumber.getMessage().contains("ISO-8601"), notANumber.getMessage());
    }

    /** A section as the job environments have them. */
    public static final class Settings {
        public Job job;
    }

    public static final class Job {
        public String name;
        public java.time.Duration checkpointInterval;
        public int parallelism;
    }
}
