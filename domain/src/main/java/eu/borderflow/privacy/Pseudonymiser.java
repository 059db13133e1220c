package eu.borderflow.privacy;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;

/**
 * Keyed tokens (HMAC-SHA256) for personal identifiers. The same key and value always give the same token, so flags
 * from different rules and replays line up, while the raw value cannot be recovered without the key.
 * Each token names its domain (file, document, alert) so equal strings in different roles never collide.
 * Not thread-safe: the MAC is reused; one instance per thread or operator.
 */
public final class Pseudonymiser implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String ALGORITHM = "HmacSHA256";

    /** What a token stands for; part of the HMAC input. */
    public enum Domain { FILE, DOCUMENT, ALERT, BIOMETRIC, PERSON }

    private final String keyId;
    private final byte[] key;
    private final int tokenBytes;
    private transient Mac mac;

    public Pseudonymiser(String keyId, byte[] key, int tokenBytes) {
        if (keyId == null || keyId.isBlank() || keyId.contains(":")) {
            throw new IllegalArgumentException("token key id must be a non-empty word without ':'");
        }
        if (key == null || key.length < 16) {
            throw new IllegalArgumentException("token key must have at least 16 bytes");
        }
        if (tokenBytes < 8 || tokenBytes > 32) {
            throw new IllegalArgumentException("token bytes must be between 8 and 32");
        }
        this.keyId = keyId;
        this.key = key.clone();
        this.tokenBytes = tokenBytes;
    }

    public String keyId() {
        return keyId;
    }

    /** {@code <keyId>:<domain letter>:<base64url HMAC prefix>}. */
    public String token(Domain domain, String value) {
        byte[] digest = mac().doFinal((domain.name() + '\u0000' + value).getBytes(StandardCharsets.UTF_8));
        return keyId + ':' + domain.name().charAt(0) + ':'
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
