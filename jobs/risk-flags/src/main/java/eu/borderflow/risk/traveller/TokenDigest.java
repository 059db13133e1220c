package eu.borderflow.risk.traveller;

import java.util.Locale;

/**
 * How a token digest ({@link eu.borderflow.privacy.Pseudonymiser#digest}: the first 64 bits of a keyed token's HMAC,
 * for identifiers that state only ever compares for equality) appears in a flag's conditions.
 */
final class TokenDigest {

    private TokenDigest() {}

    static String text(Long digest) {
        return digest == null ? "none" : String.format(Locale.ROOT, "#%016x", digest);
    }
}
