package eu.borderflow.risk.alerts;

import eu.borderflow.config.ConfigException;
import eu.borderflow.job.config.ConfigChecks;
import eu.borderflow.risk.RiskSettings;
import eu.borderflow.risk.rules.RuleSettings;

/** One alert rule's section of rules.yaml (/rules/R1, R2, R9, R10); the thresholds only some rules have stay null. */
public class AlertRuleSettings extends RuleSettings {

    private static final long serialVersionUID = 1L;

    private Double nameSimilarityMin;
    private Integer noticeMonths;
    private String section;

    public static AlertRuleSettings load(RiskSettings config, String ruleId) {
        return load(config, ruleId, AlertRuleSettings.class);
    }

    /** The thresholds only some rules have: in range where given; {@link #getNameSimilarityMin} and
     * {@link #getNoticeMonths} refuse one missing for the rule that reads it. */
    @Override
    protected void check(String section) {
        super.check(section);
        this.section = section;
        if (nameSimilarityMin != null && !(nameSimilarityMin > 0 && nameSimilarityMin <= 1)) {
            throw new ConfigException(
                    section + "/name_similarity_min must be above 0 and at most 1, not " + nameSimilarityMin);
        }
        if (noticeMonths != null) {
            ConfigChecks.atLeast(section + "/notice_months", noticeMonths, 0);
        }
    }

    public Double getNameSimilarityMin() {
        return required("name_similarity_min", nameSimilarityMin);
    }

    public void setNameSimilarityMin(Double nameSimilarityMin) {
        this.nameSimilarityMin = nameSimilarityMin;
    }

    public Integer getNoticeMonths() {
        return required("notice_months", noticeMonths);
    }

    private <V> V required(String name, V value) {
        if (value == null) {
            throw new ConfigException(section + "/" + name + " must be set");
        }
        return value;
    }

    public void setNoticeMonths(Integer noticeMonths) {
        this.noticeMonths = noticeMonths;
    }
}
