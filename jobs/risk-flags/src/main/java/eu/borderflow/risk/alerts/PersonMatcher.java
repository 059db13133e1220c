package eu.borderflow.risk.alerts;

import org.apache.commons.text.similarity.JaroWinklerSimilarity;

import java.io.Serializable;

/**
 * DOMAIN.md R2: a similar name (Jaro-Winkler on folded names, as written and with parts sorted, against the alert's
 * name and each alias) and a compatible birth date. The threshold comes from rules.yaml.
 */
public final class PersonMatcher implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();

    private final double threshold;

    public PersonMatcher(double threshold) {
        this.threshold = threshold;
    }

    public PersonMatch compare(CrossingProbe traveller, AlertVersion alert) {
        BirthDateMatch birthDate = BirthDateMatch.compare(traveller.getBirthYear(), traveller.getBirthMonth(),
                traveller.getBirthDay(), alert.getBirthYear(), alert.getBirthMonth(), alert.getBirthDay());
        if (!birthDate.compatible()) {
            // No name can make up for another birth date: skip the costly comparison (most candidates end here).
            return new PersonMatch(traveller, alert, 0, threshold, 0, false, birthDate);
        }
        String[] names = alert.getNames();
        double best = -1;
        int bestVariant = 0;
        boolean bestSorted = false;
        for (int i = 0; i + 1 < names.length; i += 2) {
            double asWritten = similarity(traveller.getOrderedName(), names[i]);
            double sorted = similarity(traveller.getSortedName(), names[i + 1]);
            double score = Math.max(asWritten, sorted);
            if (score > best) {
                best = score;
                bestVariant = i / 2;
                bestSorted = sorted > asWritten;
            }
        }
        return new PersonMatch(traveller, alert, Math.max(best, 0), threshold, bestVariant, bestSorted, birthDate);
    }

    private static double similarity(String left, String right) {
        return left.equals(right) ? 1.0 : JARO_WINKLER.apply(left, right);
    }
}
