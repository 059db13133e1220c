package eu.borderflow.risk.alerts;

import eu.borderflow.privacy.Pseudonymiser;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * R1's join key: the token of issuing country and number, normalised (upper case, no spaces, dashes or other
 * separators), so the raw number never becomes a key. One character off gives another token: no fuzzy match.
 */
public final class DocumentKey {

    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{Alnum}]+");

    private DocumentKey() {
    }

    public static String normalise(String value) {
        return SEPARATORS.matcher(value.toUpperCase(Locale.ROOT)).replaceAll("");
    }

    public static String token(Pseudonymiser pseudonymiser, String issuingCountry, String number) {
        return pseudonymiser.documentToken(normalise(issuingCountry), normalise(number));
    }
}
