package eu.borderflow.risk.alerts;

import eu.borderflow.person.BirthDateMatch;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;

/**
 * The outcome of comparing a crossing's traveller with one person alert version: the best name similarity, which
 * name variant and which part order gave it, and the birth-date comparison. Holds no names. A Flink POJO: matches
 * found at different blocking keys meet again by flag id to become one flag.
 */
public class PersonMatch {

    public static final TypeInformation<PersonMatch> TYPE = Types.POJO(PersonMatch.class);

    private String ruleId;
    private CrossingProbe crossing;
    private AlertVersion alert;
    private double similarity;
    private double threshold;
    /** 0 for the alert's name, i for its i-th alias. */
    private int variant;

    private boolean sortedParts;
    private BirthDateMatch birthDate;

    public PersonMatch() {}

    public PersonMatch(
            CrossingProbe crossing,
            AlertVersion alert,
            double similarity,
            double threshold,
            int variant,
            boolean sortedParts,
            BirthDateMatch birthDate) {
        this.crossing = crossing;
        this.alert = alert;
        this.similarity = similarity;
        this.threshold = threshold;
        this.variant = variant;
        this.sortedParts = sortedParts;
        this.birthDate = birthDate;
    }

    public boolean matched() {
        return similarity >= threshold && birthDate.compatible();
    }

    public String variantLabel() {
        return (variant == 0 ? "alert name" : "alias " + variant)
                + (sortedParts ? ", parts reordered" : ", as written");
    }

    /** The id of the flag this match belongs to: {@code <rule>:<crossing event id>}. */
    public String flagKey() {
        return ruleId + ':' + crossing.getEventId();
    }

    public String getRuleId() {
        return ruleId;
    }

    public void setRuleId(String ruleId) {
        this.ruleId = ruleId;
    }

    public CrossingProbe getCrossing() {
        return crossing;
    }

    public void setCrossing(CrossingProbe crossing) {
        this.crossing = crossing;
    }

    public AlertVersion getAlert() {
        return alert;
    }

    public void setAlert(AlertVersion alert) {
        this.alert = alert;
    }

    public double getSimilarity() {
        return similarity;
    }

    public void setSimilarity(double similarity) {
        this.similarity = similarity;
    }

    public double getThreshold() {
        return threshold;
    }

    public void setThreshold(double threshold) {
        this.threshold = threshold;
    }

    public int getVariant() {
        return variant;
    }

    public void setVariant(int variant) {
        this.variant = variant;
    }

    public boolean isSortedParts() {
        return sortedParts;
    }

    public void setSortedParts(boolean sortedParts) {
        this.sortedParts = sortedParts;
    }

    public BirthDateMatch getBirthDate() {
        return birthDate;
    }

    public void setBirthDate(BirthDateMatch birthDate) {
        this.birthDate = birthDate;
    }
}
