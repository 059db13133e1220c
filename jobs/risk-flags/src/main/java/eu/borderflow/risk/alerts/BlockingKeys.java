package eu.borderflow.risk.alerts;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.apache.commons.codec.language.DoubleMetaphone;

/**
 * Candidate blocking for person matching: the Double Metaphone code of each folded name part with the birth year.
 * A traveller and an alert are compared only where they share a key, so a spelling variant still meets its alert
 * while the candidate list per key stays small.
 */
public final class BlockingKeys {

    /** Single letters (initials) would put everyone with that initial in one block. */
    private static final int MIN_PART_LENGTH = 2;
    /** Stateless apart from its code length, so one instance serves every thread. */
    private static final DoubleMetaphone METAPHONE = new DoubleMetaphone();

    private BlockingKeys() {}

    /** Sorted, distinct keys of all the given names (each a list of folded parts) born in {@code birthYear}. */
    public static String[] of(Collection<List<String>> names, int birthYear) {
        String[] keys = new String[4];
        int count = 0;
        for (List<String> parts : names) {
            for (String part : parts) {
                if (part.length() >= MIN_PART_LENGTH) {
                    if (count == keys.length) {
                        keys = Arrays.copyOf(keys, count * 2);
                    }
                    keys[count++] = code(part) + '|' + birthYear;
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
}
