package eu.borderflow.seeds.scenario;

/**
 * A scenario family: one edge of one rule (a window edge, BCP-local dates, a late upload, ...), planted with an
 * expected flag and a near-miss close to it. {@code evaluate} reports per family.
 *
 * @param ruleId the rule, R1..R11
 * @param name   the edge, e.g. "window-edge"
 */
public record Family(String ruleId, String name) {

    /** {@code <rule>/<name>}, as ground-truth entries carry it. */
    public String id() {
        return ruleId + "/" + name;
    }

    /** The scenario id of instance {@code instance}: the family and the instance number. */
    public String scenario(int instance) {
        return ruleId + "-" + name + "-" + instance;
    }
}
