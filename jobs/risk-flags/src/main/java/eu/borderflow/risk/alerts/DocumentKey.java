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

    private DocumentKey() {}

    /**
     * Upper case, then every character but ASCII letters and digits removed. Document numbers and country codes are
     * ASCII: those are done in one pass without a regex (and returned as they are when already normal); anything else
     * takes the general path.
     */
    public static String normalise(String value) {
        int length = value.length();
        int i = 0;
        while (i < length && isUpperAlnum(value.charAt(i))) {
            i++;
        }
        if (i == length) {
            return value;
        }
        StringBuilder normal = new StringBuilder(length);
        normal.append(value, 0, i);
        for (; i < length; i++) {
            char c = value.charAt(i);
            if (c >= 0x80) {
                return SEPARATORS.matcher(value.toUpperCase(Locale.ROOT)).replaceAll("");
            }
            if (c >= 'a' && c <= 'z') {
                normal.append((char) (c - ('a' - 'A')));
            } else if (isUpperAlnum(c)) {
                normal.append(c);
            }
        }
        return normal.toString();
    }

    private static boolean isUpperAlnum(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    public static String token(Pseudonymiser pseudonymiser, String issuingCountry, String number) {
        return pseudonymiser.documentToken(normalise(issuingCountry), normalise(number));
    }
}
