package eu.borderflow.risk.alerts;

import eu.borderflow.config.ConfigLoader;

import java.io.Serializable;

/** One alert rule's section of rules.yaml (/rules/R1, R2, R9, R10); the thresholds only some rules have stay null. */
public class AlertRuleSettings implements Serializable {

    private static final long serialVersionUID = 1L;

    private boolean enabled;
    private String version;
    private Double nameSimilarityMin;
    private Integer noticeMonths;

    public static AlertRuleSettings load(ConfigLoader config, String ruleId) {
        return config.bind("rules", "/rules/" + ruleId, AlertRuleSettings.class);
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getVersion() {
        return version;
    }

    public void setVersion(String version) {
        this.version = version;
    }

    public Double getNameSimilarityMin() {
        return nameSimilarityMin;
    }

    public void setNameSimilarityMin(Double nameSimilarityMin) {
        this.nameSimilarityMin = nameSimilarityMin;
    }

    public Integer getNoticeMonths() {
        return noticeMonths;
    }

    public void setNoticeMonths(Integer noticeMonths) {
        this.noticeMonths = noticeMonths;
    }
}
