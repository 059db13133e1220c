package eu.borderflow.privacy;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed tokens (HMAC-SHA256) for personal identifiers. The same key and value always give the same token, so flags
 * from different rules and replays line up, while the raw value cannot be recovered without the key.
 * Each token names its domain (file, document, alert) so equal strings in different roles never collide.
 * The key id that prefixes every token is derived from the key (a prefix of a hash of it), so two keys never share
 * an id and a token says which key made it without revealing the key.
 * Not thread-safe: the MAC is reused; one instance per thread or operator.
 */
public final class Pseudonymiser implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String ALGORITHM = "HmacSHA256";
    /** Separates the key-id hash from any other use of the key. */
    private static final byte[] KEY_ID_LABEL = "borderflow token key id\u0000".getBytes(StandardCharsets.UTF_8);
    /** Hex digits of the key id: 48 bits, so two keys in one deployment's history do not share one by chance. */
    private static final int KEY_ID_HEX_DIGITS = 12;

    /** What a token stands for; part of the HMAC input. */
    public enum Domain {
        FILE,
        DOCUMENT,
        ALERT,
        BIOMETRIC,
        PERSON
    }

    private final String keyId;
    private final byte[] key;
    private final int tokenBytes;
    private transient Mac mac;

    public Pseudonymiser(byte[] key, int tokenBytes) {
        if (key == null || key.length < 16) {
            throw new IllegalArgumentException("token key must have at least 16 bytes");
        }
        if (tokenBytes < 8 || tokenBytes > 32) {
            throw new IllegalArgumentException("token bytes must be between 8 and 32");
        }
        this.keyId = keyIdOf(key);
        this.key = key.clone();
        this.tokenBytes = tokenBytes;
    }

    public String keyId() {
        return keyId;
    }

    /** {@code k} and the first hex digits of SHA-256 over a fixed label and the key. */
    public static String keyIdOf(byte[] key) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(KEY_ID_LABEL);
            return "k" + HexFormat.of().formatHex(sha.digest(key)).substring(0, KEY_ID_HEX_DIGITS);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** {@code <keyId>:<domain letter>:<base64url HMAC prefix>}. */
    public String token(Domain domain, String value) {
        byte[] digest = mac().doFinal((domain.name() + '\u0000' + value).getBytes(StandardCharsets.UTF_8));
        return keyId
                + ':'
                + domain.name().charAt(0)
                + ':'
                + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, tokenBytes));
    }

    /** Token of a travel document: type-independent, by issuing country and number. */
    public String documentToken(String issuingCountry, String number) {
        return token(Domain.DOCUMENT, issuingCountry + '/' + number);
    }

    private Mac mac() {
        if (mac == null) {
            try {
                mac = Mac.getInstance(ALGORITHM);
                mac.init(new SecretKeySpec(key, ALGORITHM));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(ALGORITHM + " is part of every JDK", e);
            }
        }
        return mac;
    }
}
