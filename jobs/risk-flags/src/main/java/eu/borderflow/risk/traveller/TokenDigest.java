package eu.borderflow.risk.traveller;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Locale;

/**
 * The first 64 bits of a keyed token's HMAC, for identifiers that state only ever compares for equality (biometric
 * templates, visa stickers): as irreversible as the token, a quarter of its size in state.
 */
final class TokenDigest {

    private TokenDigest() {}

    /** The digest of a {@code <keyId>:<domain>:<base64url HMAC>} token. */
    static long of(String token) {
        byte[] hmac = Base64.getUrlDecoder().decode(token.substring(token.lastIndexOf(':') + 1));
        return ByteBuffer.wrap(hmac).getLong();
    }

    /** How a digest appears in a flag's conditions. */
    static String text(Long digest) {
        return digest == null ? "none" : String.format(Locale.ROOT, "#%016x", digest);
    }
}
