package eu.borderflow.privacy;

import eu.borderflow.config.ConfigLoader;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PseudonymiserTest {

    private final Pseudonymiser p = new Pseudonymiser("k1", "0123456789abcdef-key".getBytes(StandardCharsets.UTF_8), 16);

    @Test
    void sameInputSameTokenAndNoRawValue() {
        String t = p.token(Pseudonymiser.Domain.FILE, "EES-000123");
        assertEquals(t, new Pseudonymiser("k1", "0123456789abcdef-key".getBytes(StandardCharsets.UTF_8), 16)
                .token(Pseudonymiser.Domain.FILE, "EES-000123"));
        assertTrue(t.startsWith("k1:F:"), t);
        assertFalse(t.contains("000123"));
        assertEquals("k1:F:".length() + 22, t.length(), "16 bytes in unpadded base64url");
    }

    @Test
    void keyAndDomainSeparateTokens() {
        Pseudonymiser other = new Pseudonymiser("k1", "another-key-of-16-bytes".getBytes(StandardCharsets.UTF_8), 16);
        assertNotEquals(p.token(Pseudonymiser.Domain.FILE, "X"), other.token(Pseudonymiser.Domain.FILE, "X"));
        assertNotEquals(p.token(Pseudonymiser.Domain.FILE, "X").substring(5),
                p.token(Pseudonymiser.Domain.DOCUMENT, "X").substring(5));
    }

    @Test
    void rejectsWeakKeys() {
        assertThrows(IllegalArgumentException.class, () -> new Pseudonymiser("k1", new byte[4], 16));
        assertThrows(IllegalArgumentException.class, () -> new Pseudonymiser("k:1", new byte[16], 16));
    }

    @Test
    void defaultConfigBuildsAWorkingPseudonymiser() {
        Pseudonymiser fromConfig = PseudonymiserFactory.fromConfig(ConfigLoader.defaults());
        assertEquals("demo-2026", fromConfig.keyId());
        assertTrue(fromConfig.documentToken("UKR", "X1").startsWith("demo-2026:D:"));
    }
}
