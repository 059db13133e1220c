package eu.borderflow.seeds.world;

import eu.borderflow.schema.Sex;
import eu.borderflow.seeds.reference.NameBook;
import eu.borderflow.seeds.reference.NameEntry;
import eu.borderflow.seeds.reference.Nationality;
import eu.borderflow.seeds.reference.ReferenceData;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/** Draws a person's names from the shipped name lists in one of the languages of a nationality. */
public final class NamePicker {

    /** A surname and given name with their alternative spellings. */
    public record Names(NameEntry surname, NameEntry given) {}

    private final ReferenceData reference;
    private final Map<String, Weighted> languageChoice = new HashMap<>();

    public NamePicker(ReferenceData reference) {
        this.reference = reference;
        for (Nationality n : reference.nationalities()) {
            languageChoice.put(
                    n.code(),
                    new Weighted(n.languageWeights().stream()
                            .mapToDouble(Double::doubleValue)
                            .toArray()));
        }
    }

    public Names pick(Nationality nationality, Sex sex, RandomGenerator rng) {
        String language = nationality
                .languages()
                .get(languageChoice.get(nationality.code()).pick(rng));
        return pick(reference.nameBook(language), sex, rng);
    }

    public Names pick(NameBook book, Sex sex, RandomGenerator rng) {
        List<NameEntry> given = sex == Sex.F
                ? book.female()
                : sex == Sex.M ? book.male() : rng.nextBoolean() ? book.female() : book.male();
        return new Names(
                book.surnames().get(rng.nextInt(book.surnames().size())), given.get(rng.nextInt(given.size())));
    }
}
