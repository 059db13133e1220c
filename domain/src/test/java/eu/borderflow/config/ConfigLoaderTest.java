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
}
