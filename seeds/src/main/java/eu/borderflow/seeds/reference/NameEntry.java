package eu.borderflow.seeds.reference;

import java.util.List;

/**
 * A name as printed in the document, and the other spellings (transliterations, no diacritics) seen at borders.
 *
 * @param firstSpelling the number of the entry's first spelling among all surnames' (or all given names') spellings
 *                      of the reference data: its name, then its variants, in order
 */
public record NameEntry(String name, List<String> variants, int firstSpelling) {

    public boolean hasVariants() {
        return !variants.isEmpty();
    }

    /** The spellings of the entry: its name, then its variants. */
    public int spellings() {
        return 1 + variants.size();
    }

    /** The number of {@code spelling} (the entry's name or one of its variants) among all spellings of its kind. */
    public int spellingNumber(String spelling) {
        if (spelling.equals(name)) {
            return firstSpelling;
        }
        int i = variants.indexOf(spelling);
        if (i < 0) {
            throw new IllegalArgumentException("not a spelling of " + name + ": " + spelling);
        }
        return firstSpelling + 1 + i;
    }
}
