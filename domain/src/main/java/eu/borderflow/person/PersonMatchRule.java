package eu.borderflow.person;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/**
 * R2's match of a traveller with a SIS person alert (DOMAIN.md section 4, docs/RULES.md): a similar name and a
 * compatible date of birth. The one definition used by the risk job's matcher and by the generator's ground truth.
 * <ul>
 *   <li>Name: both names folded ({@link NameNormaliser}: no diacritics, upper case, common transliteration variants
 *       folded together); their similarity is the higher Jaro-Winkler similarity of the parts as written and of the
 *       parts sorted ({@link #similarity}); against an alert, the best over its name and each alias. A name matches
 *       at {@code nameSimilarityMin} (rules.yaml R2 {@code name_similarity_min}, 0.92, bound by {@link eu.borderflow.config.RuleDefinitions}) or above.</li>
 *   <li>Date of birth: the same date, the same date with day and month swapped, or the same year when the alert knows
 *       the year only ({@link BirthDateMatch}).</li>
 * </ul>
 *
 * @param nameSimilarityMin the lowest name similarity that matches
 */
public record PersonMatchRule(double nameSimilarityMin) implements Serializable {

    /** Stateless, so one instance serves every thread. */
    private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();

    private static final int YEAR_DIGITS = 4;
    private static final int FULL_DATE_LENGTH = 10;

    public PersonMatchRule {
        if (!(nameSimilarityMin > 0 && nameSimilarityMin <= 1)) {
            throw new IllegalArgumentException("name similarity threshold must be in (0, 1], was " + nameSimilarityMin);
        }
    }

    /** Similarity of two folded names: the better of the parts as written and the parts sorted. */
    public static double similarity(String orderedA, String sortedA, String orderedB, String sortedB) {
        return combine(jaroWinkler(orderedA, orderedB), jaroWinkler(sortedA, sortedB));
    }

    /** The similarity from its two comparisons, of the parts as written and of the parts sorted: the better. */
    public static double combine(double asWritten, double sorted) {
        return Math.max(asWritten, sorted);
    }

    /** Jaro-Winkler similarity of two folded forms (1 when equal). */
    public static double jaroWinkler(String a, String b) {
        return a.equals(b) ? 1.0 : JARO_WINKLER.apply(a, b);
    }

    public static double similarity(NameForms a, NameForms b) {
        return similarity(a.ordered(), a.sorted(), b.ordered(), b.sorted());
    }

    /** The best similarity of {@code traveller} with any of an alert's names (its name, then its aliases). */
    public static double bestSimilarity(NameForms traveller, List<NameForms> alertNames) {
        double best = 0;
        for (NameForms name : alertNames) {
            best = Math.max(best, similarity(traveller, name));
        }
        return best;
    }

    public boolean namesMatch(double similarity) {
        return similarity >= nameSimilarityMin;
    }

    /** The whole definition: a matching name and a compatible date of birth ({@code alertDateOfBirth} as SIS holds it). */
    public boolean matches(
            NameForms traveller, LocalDate dateOfBirth, List<NameForms> alertNames, String alertDateOfBirth) {
        return birthDate(dateOfBirth, alertDateOfBirth).compatible()
                && namesMatch(bestSimilarity(traveller, alertNames));
    }

    /** How a traveller's date of birth compares with an alert's "YYYY-MM-DD" or year-only "YYYY". */
    public static BirthDateMatch birthDate(LocalDate dateOfBirth, String alertDateOfBirth) {
        int[] alert = parseAlertDate(alertDateOfBirth);
        return BirthDateMatch.compare(
                dateOfBirth.getYear(),
                dateOfBirth.getMonthValue(),
                dateOfBirth.getDayOfMonth(),
                alert[0],
                alert[1],
                alert[2]);
    }

    /** {year, month, day} of an alert's date of birth; month and day are 0 when it holds the year only. */
    public static int[] parseAlertDate(String alertDateOfBirth) {
        int year = Integer.parseInt(alertDateOfBirth.substring(0, YEAR_DIGITS));
        if (alertDateOfBirth.length() < FULL_DATE_LENGTH) {
            return new int[] {year, 0, 0};
        }
        return new int[] {
            year,
            Integer.parseInt(alertDateOfBirth.substring(5, 7)),
            Integer.parseInt(alertDateOfBirth.substring(8, 10))
        };
    }
}
