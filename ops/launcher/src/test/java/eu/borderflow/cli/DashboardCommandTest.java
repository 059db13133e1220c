package eu.borderflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.borderflow.dashboard.auth.PasswordHash;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DashboardCommandTest {

    @TempDir
    Path dir;

    @Test
    void hashPasswordPrintsAHashOfTheStandardInputsPasswordForDashboardYaml() {
        TestFiles.Run run = withInput("a long demo password\n", "dashboard", "--hash-password");
        assertEquals(0, run.exitCode(), run.err());
        String hash = run.out().strip();
        assertTrue(PasswordHash.isWellFormed(hash), hash);
        assertTrue(PasswordHash.matches("a long demo password".toCharArray(), hash));
        assertFalse(run.out().contains("a long demo password"));
        TestFiles.Run tooShort = withInput("short\n", "dashboard", "--hash-password");
        assertEquals(2, tooShort.exitCode());
        assertTrue(tooShort.err().contains("at least 8 characters"), tooShort.err());
    }

    @Test
    void aDashboardNobodyCouldSignInToIsRefused() {
        TestFiles.Run run = TestFiles.run("dashboard", "--port", "0");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("dashboard.yaml lists no users"), run.err());
    }

    @Test
    void badArgumentsAreNamed() throws Exception {
        assertEquals(2, TestFiles.run("dashboard", "--port", "70000").exitCode());
        TestFiles.Run missing =
                TestFiles.run("dashboard", "--from", dir.resolve("nope").toString());
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("is not a folder"), missing.err());
        TestFiles.Run both = TestFiles.run("dashboard", "--from", dir.toString(), "--bootstrap", "127.0.0.1:1");
        assertEquals(2, both.exitCode());
        Files.writeString(dir.resolve("dashboard.yaml"), "environment: local\nserver: {host: x}\n");
        TestFiles.Run badConfig = TestFiles.run("dashboard", "--config", dir.toString());
        assertEquals(2, badConfig.exitCode());
        assertTrue(badConfig.err().startsWith("dashboard: dashboard.yaml"), badConfig.err());
    }

    private static TestFiles.Run withInput(String input, String... args) {
        InputStream in = System.in;
        System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        try {
            return TestFiles.run(args);
        } finally {
            System.setIn(in);
        }
    }
}
