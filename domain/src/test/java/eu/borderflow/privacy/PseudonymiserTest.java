package eu.borderflow.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.borderflow.config.ConfigException;
import eu.borderflow.config.ConfigLoader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PseudonymiserTest {

    private final Pseudonymiser p = new Pseudonymiser("0123456789abcdef-key".getBytes(StandardCharsets.UTF_8), 16);

    @Test
    void sameInputSameTokenAndNoRawValue() {
        String t = p.token(Pseudonymiser.Domain.FILE, "EES-000123");
        assertEquals(
                t,
                new Pseudonymiser("0123456789abcdef-key".getBytes(StandardCharsets.UTF_8), 16)
                        .token(Pseudonymiser.Domain.FILE, "EES-000123"));
        assertTrue(t.startsWith(p.keyId() + ":F:"), t);
        assertFalse(t.contains("000123"));
        assertEquals((p.keyId() + ":F:").length() + 22, t.length(), "16 bytes in unpadded base64url");
    }

    @Test
    void keyAndDomainSeparateTokens() {
        Pseudonymiser other = new Pseudonymiser("another-key-of-16-bytes".getBytes(StandardCharsets.UTF_8), 16);
        assertNotEquals(p.token(Pseudonymiser.Domain.FILE, "X"), other.token(Pseudonymiser.Domain.FILE, "X"));
        assertNotEquals(p.keyId(), other.keyId(), "the key id is derived from the key");
        assertNotEquals(
                p.token(Pseudonymiser.Domain.FILE, "X").substring(5),
                p.token(Pseudonymiser.Domain.DOCUMENT, "X").substring(5));
    }

    @Test
    void rejectsWeakKeys() {
        assertThrows(IllegalArgumentException.class, () -> new Pseudonymiser(new byte[4], 16));
    }

    @Test
    void defaultConfigBuildsAWorkingPseudonymiser() {
        Pseudonymiser fromConfig = PseudonymiserFactory.fromConfig(ConfigLoader.defaults());
        assertEquals(
                Pseudonymiser.keyIdOf("borderflow-synthetic-demo-key-2026".getBytes(StandardCharsets.UTF_8)),
                fromConfig.keyId());
        assertTrue(fromConfig.keyId().matches("k[0-9a-f]{12}"), fromConfig.keyId());
        assertTrue(fromConfig.documentToken("UKR", "X1").startsWith(fromConfig.keyId() + ":D:"));
    }

    @Test
    void aJobOutsideTheDemoRefusesTheDemoKeyAndTakesAGivenOne() {
        ConfigLoader defaults = ConfigLoader.defaults();
        ConfigException refused =
                assertThrows(ConfigException.class, () -> PseudonymiserFactory.forJob(defaults, null, false));
        assertTrue(refused.getMessage().contains(PseudonymiserFactory.KEY_ENV), refused.getMessage());
        assertThrows(ConfigException.class, () -> PseudonymiserFactory.forJob(defaults, "", false));
        Pseudonymiser given = PseudonymiserFactory.forJob(defaults, "a-real-key-of-at-least-16-bytes", false);
        assertNotEquals(PseudonymiserFactory.forJob(defaults, null, true).keyId(), given.keyId());
        assertThrows(ConfigException.class, () -> PseudonymiserFactory.forJob(defaults, "short", false));
    }
}
