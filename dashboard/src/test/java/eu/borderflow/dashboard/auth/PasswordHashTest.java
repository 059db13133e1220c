package eu.borderflow.dashboard.auth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHashTest {

    @Test
    void aHashMatchesItsPasswordOnlyAndIsSaltedAndSlow() {
        String hash = PasswordHash.hash("correct horse".toCharArray(), 1_000);
        assertTrue(hash.startsWith("pbkdf2-sha256:1000:"), hash);
        assertTrue(PasswordHash.matches("correct horse".toCharArray(), hash));
        assertFalse(PasswordHash.matches("correct horsE".toCharArray(), hash));
        assertFalse(PasswordHash.matches("".toCharArray(), hash));
        assertNotEquals(hash, PasswordHash.hash("correct horse".toCharArray(), 1_000), "each hash has its own salt");
        assertTrue(PasswordHash.hash("x".toCharArray()).startsWith("pbkdf2-sha256:600000:"));
    }

    @Test
    void malformedHashesMatchNothing() {
        for (String bad : new String[] {
            "",
            "plain-password",
            "pbkdf2-sha256:0:AAAAAAAAAAA:AAAAAAAAAAAAAAAAAAAAAAAA",
            "pbkdf2-sha1:1000:AAAAAAAAAAA:AAAAAAAAAAAAAAAAAAAAAAAA",
            "pbkdf2-sha256:1000:!!:AAAA"
        }) {
            assertFalse(PasswordHash.isWellFormed(bad), bad);
            assertFalse(PasswordHash.matches("plain-password".toCharArray(), bad), bad);
        }
    }
}
