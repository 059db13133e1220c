package eu.borderflow.seeds.kafka;

/** Topic names of docs/CONTRACTS.md; their settings live in config/topics.yaml. */
public final class Topics {

    public static final String CROSSINGS = "ees.crossings";
    public static final String ALERTS = "sis.alerts";
    public static final String INCIDENTS = "eurosur.incidents";
    public static final String FLAGS = "risk.flags";
    public static final String DEAD_LETTERS = "borderflow.deadletters";
    public static final String AUDIT = "borderflow.audit";

    private Topics() {
    }
}
