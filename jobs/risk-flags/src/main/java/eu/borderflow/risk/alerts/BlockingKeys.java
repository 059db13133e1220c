package eu.borderflow.risk.alerts;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.apache.commons.codec.language.DoubleMetaphone;

/**
 * Candidate blocking for person matching: the Double Metaphone codes of each folded name part, primary and alternate,
 * with the birth year. A traveller and an alert are compared only where they share a key, so a spelling variant still
 * meets its alert while the candidate list per key stays small. The alternate code is what transliterations of one
 * name often share where their primary codes differ (KUZNECOV and KUZNETSOV: KSNK and KSNT, both KTSN).
 */
public final class BlockingKeys {

    /** Single letters (initials) would put everyone with that initial in one block. */
    private static final int MIN_PART_LENGTH = 2;
    /** Stateless apart from its code length, so one instance serves every thread. */
    private static final DoubleMetaphone METAPHONE = new DoubleMetaphone();

    private BlockingKeys() {}

    /** Sorted, distinct keys of all the given names (each a list of folded parts) born in {@code birthYear}. */
    public static String[] of(Collection<List<String>> names, int birthYear) {
        String[] keys = new String[8];
        int count = 0;
        for (List<String> parts : names) {
            for (String part : parts) {
                if (part.length() >= MIN_PART_LENGTH) {
                    if (count + 2 > keys.length) {
                        keys = Arrays.copyOf(keys, keys.length * 2);
                    }
                    String primary = code(part);
                    String alternate = alternateCode(part);
                    keys[count++] = primary + '|' + birthYear;
                    if (!alternate.equals(primary)) {
                        keys[count++] = alternate + '|' + birthYear;
                    }
                }
            }
        }
        Arrays.sort(keys, 0, count);
        int distinct = 0;
        for (int i = 0; i < count; i++) {
            if (distinct == 0 || !keys[i].equals(keys[distinct - 1])) {
                keys[distinct++] = keys[i];
            }
        }
        return Arrays.copyOf(keys, distinct);
    }

    /**
     * The Double Metaphone (primary) code of one folded name part. Not memoised: a cache of name parts would outlive
     * the alerts and crossings they came from, which the erasure rules do not allow.
     */
    static String code(String part) {
        return METAPHONE.doubleMetaphone(part);
    }

    /** The alternate Double Metaphone code; the primary where the part has no other pronunciation. */
    static String alternateCode(String part) {
        return METAPHONE.doubleMetaphone(part, true);
    }
}
