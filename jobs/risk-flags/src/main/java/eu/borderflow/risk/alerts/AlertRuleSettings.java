package eu.borderflow.risk.alerts;

import eu.borderflow.risk.RiskSettings;
import eu.borderflow.risk.rules.RuleSettings;

/** One alert rule's section of rules.yaml (/rules/R1, R2, R9, R10); the thresholds only some rules have stay null. */
public class AlertRuleSettings extends RuleSettings {

    private static final long serialVersionUID = 1L;

    private Double nameSimilarityMin;
    private Integer noticeMonths;

    public static AlertRuleSettings load(RiskSettings config, String ruleId) {
        return load(config, ruleId, AlertRuleSettings.class);
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
