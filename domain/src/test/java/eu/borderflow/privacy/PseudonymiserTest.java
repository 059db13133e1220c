package eu.borderflow.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.borderflow.config.ConfigException;
import eu.borderflow.config.ConfigLoader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.SplittableRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class PseudonymiserTest {

    private static final byte[] KEY = "0123456789abcdef-key".getBytes(StandardCharsets.UTF_8);
    private final Pseudonymiser p = new Pseudonymiser(KEY, 16);

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

    /** The token and its digest against HMAC-SHA256 over the documented message, computed here with the JDK's Mac. */
    @Test
    void tokenAndDigestAreTheHmacOfDomainNulValue() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 2000; i++) {
            String value = random.ints(random.nextInt(0, 40), 1, i % 2 == 0 ? 0x80 : 0x3000)
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                    .toString();
            for (Pseudonymiser.Domain domain : Pseudonymiser.Domain.values()) {
                byte[] hmac = mac.doFinal((domain.name() + "\u0000" + value).getBytes(StandardCharsets.UTF_8));
                String base64 = Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(hmac, 16));
                assertEquals(p.keyId() + ":" + domain.name().charAt(0) + ":" + base64, p.token(domain, value), value);
                assertEquals(ByteBuffer.wrap(hmac).getLong(), p.digest(domain, value), value);
            }
        }
        assertEquals(p.digest(Pseudonymiser.Domain.DOCUMENT, "UKR/X1"), p.documentDigest("UKR", "X1"));
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
        ConfigException tooShort =
                assertThrows(ConfigException.class, () -> PseudonymiserFactory.forJob(defaults, "short", false));
        assertTrue(
                tooShort.getMessage().startsWith("pseudonymisation key from BORDERFLOW_TOKEN_KEY:"),
                tooShort.getMessage());
        ConfigException blank =
                assertThrows(ConfigException.class, () -> PseudonymiserFactory.forJob(defaults, " ".repeat(20), false));
        assertTrue(blank.getMessage().contains("BORDERFLOW_TOKEN_KEY holds only white space"), blank.getMessage());
    }

    /** {@code export BORDERFLOW_TOKEN_KEY="$(cat var/token-key)"} in a shell where the file is missing. */
    @Test
    void aKeySetButEmptyIsRefusedEvenWhereTheDemoKeyIsAllowed() {
        ConfigException empty = assertThrows(
                ConfigException.class, () -> PseudonymiserFactory.forJob(ConfigLoader.defaults(), "", true));
        assertTrue(empty.getMessage().startsWith("BORDERFLOW_TOKEN_KEY is set but empty"), empty.getMessage());
    }
}
