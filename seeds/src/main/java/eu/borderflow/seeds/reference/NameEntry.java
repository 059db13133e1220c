package eu.borderflow.seeds.reference;

import java.util.List;

/** A name as printed in the document, and the other spellings (transliterations, no diacritics) seen at borders. */
public record NameEntry(String name, List<String> variants) {

    public boolean hasVariants() {
        return !variants.isEmpty();
    }
}
