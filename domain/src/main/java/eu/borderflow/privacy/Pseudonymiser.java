package eu.borderflow.privacy;

import java.io.Serializable;
import java.nio.ByteBuffer;
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
        PERSON;

        /** The HMAC input ahead of the value: the domain's name and a NUL. */
        private final byte[] label = (name() + '\u0000').getBytes(StandardCharsets.UTF_8);
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

    /** The id of the key {@code token} was made with ({@link #token}); null for a text that is no token. */
    public static String keyIdOfToken(String token) {
        int end = token.indexOf(':');
        return end > 0 ? token.substring(0, end) : null;
    }

    /** {@code <keyId>:<domain letter>:<base64url HMAC prefix>}. */
    public String token(Domain domain, String value) {
        return keyId
                + ':'
                + domain.name().charAt(0)
                + ':'
                + Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(Arrays.copyOf(hmac(domain, value), tokenBytes));
    }

    /**
     * The first 64 bits of the token's HMAC (big-endian), for identifiers that keyed state only compares for equality:
     * as irreversible as the token, and without building its text on the per-record path.
     */
    public long digest(Domain domain, String value) {
        return ByteBuffer.wrap(hmac(domain, value)).getLong();
    }

    /** Token of a travel document: type-independent, by issuing country and number. */
    public String documentToken(String issuingCountry, String number) {
        return token(Domain.DOCUMENT, document(issuingCountry, number));
    }

    /** The digest of {@link #documentToken}. */
    public long documentDigest(String issuingCountry, String number) {
        return digest(Domain.DOCUMENT, document(issuingCountry, number));
    }

    /** What a document's token stands for: issuing country and number, whatever the document's type. */
    private static String document(String issuingCountry, String number) {
        return issuingCountry + '/' + number;
    }

    /** HMAC over the domain's label and the value's UTF-8 bytes (one message: the label, then the value). */
    private byte[] hmac(Domain domain, String value) {
        Mac mac = mac();
        mac.update(domain.label);
        return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
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
