package eu.borderflow.risk.alerts;

import eu.borderflow.person.BirthDateMatch;
import eu.borderflow.person.PersonMatchRule;
import java.io.Serializable;

/**
 * R2's match ({@link PersonMatchRule}, the definition shared with the generator's ground truth) of a crossing's folded
 * name and birth date with one person alert version: the best name over the alert's name and aliases, and the
 * birth-date comparison.
 */
public final class PersonMatcher implements Serializable {

    private static final long serialVersionUID = 1L;

    private final PersonMatchRule rule;

    public PersonMatcher(double threshold) {
        this.rule = new PersonMatchRule(threshold);
    }

    public PersonMatch compare(CrossingProbe traveller, AlertVersion alert) {
        BirthDateMatch birthDate = BirthDateMatch.compare(
                traveller.getBirthYear(),
                traveller.getBirthMonth(),
                traveller.getBirthDay(),
                alert.getBirthYear(),
                alert.getBirthMonth(),
                alert.getBirthDay());
        double threshold = rule.nameSimilarityMin();
        if (!birthDate.compatible()) {
            // No name can make up for another birth date: skip the costly comparison (most candidates end here).
            return new PersonMatch(traveller, alert, 0, threshold, 0, false, birthDate);
        }
        String[] names = alert.getNames();
        double best = -1;
        int bestVariant = 0;
        boolean bestSorted = false;
        for (int i = 0; i + 1 < names.length; i += 2) {
            double asWritten = PersonMatchRule.jaroWinkler(traveller.getOrderedName(), names[i]);
            double sorted = PersonMatchRule.jaroWinkler(traveller.getSortedName(), names[i + 1]);
            double score = PersonMatchRule.combine(asWritten, sorted);
            if (score > best) {
                best = score;
                bestVariant = i / 2;
                bestSorted = sorted > asWritten;
            }
        }
        return new PersonMatch(traveller, alert, Math.max(best, 0), threshold, bestVariant, bestSorted, birthDate);
    }
}
