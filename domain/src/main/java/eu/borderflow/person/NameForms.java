package eu.borderflow.person;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * A name in the two folded forms R2 compares ({@link NameNormaliser}): its parts as written (surname first, then the
 * given names) and its parts sorted, so that the order of surname and given names does not matter.
 *
 * @param ordered folded parts joined as written
 * @param sorted  folded parts sorted and joined
 */
public record NameForms(String ordered, String sorted) implements Serializable {

    /** The forms of a surname and given names, as a travel document or an alert's person part holds them. */
    public static NameForms of(String surname, String givenNames) {
        List<String> parts = new ArrayList<>(NameNormaliser.parts(surname));
        parts.addAll(NameNormaliser.parts(givenNames));
        return ofParts(parts);
    }

    /** The forms of a full name in one string, as an alert's alias holds it. */
    public static NameForms ofFullName(String name) {
        return ofParts(NameNormaliser.parts(name));
    }

    public static NameForms ofParts(List<String> parts) {
        return new NameForms(NameNormaliser.ordered(parts), NameNormaliser.sorted(parts));
    }
}
