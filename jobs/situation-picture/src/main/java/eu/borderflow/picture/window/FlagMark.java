package eu.borderflow.picture.window;

/** The newest revision of a flag seen in an hour: its rule and whether it was withdrawn. A Flink POJO. */
public class FlagMark {

    private String ruleId;
    private int revision;
    private boolean withdrawn;

    public FlagMark() {}

    public FlagMark(String ruleId, int revision, boolean withdrawn) {
        this.ruleId = ruleId;
        this.revision = revision;
        this.withdrawn = withdrawn;
    }

    public String getRuleId() {
        return ruleId;
    }

    public void setRuleId(String ruleId) {
        this.ruleId = ruleId;
    }

    public int getRevision() {
        return revision;
    }

    public void setRevision(int revision) {
        this.revision = revision;
    }

    public boolean isWithdrawn() {
        return withdrawn;
    }

    public void setWithdrawn(boolean withdrawn) {
        this.withdrawn = withdrawn;
    }
}
