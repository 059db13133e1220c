package eu.borderflow.risk.alerts;

import org.apache.commons.codec.language.DoubleMetaphone;

import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

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

    private BlockingKeys() {
    }

    /** Sorted, distinct keys of all the given names (each a list of folded parts) born in {@code birthYear}. */
    public static String[] of(Collection<List<String>> names, int birthYear) {
        TreeSet<String> keys = new TreeSet<>();
        for (List<String> parts : names) {
            for (String part : parts) {
                if (part.length() >= MIN_PART_LENGTH) {
                    keys.add(METAPHONE.doubleMetaphone(part) + '|' + birthYear);
                }
            }
        }
        return keys.toArray(new String[0]);
    }
}
