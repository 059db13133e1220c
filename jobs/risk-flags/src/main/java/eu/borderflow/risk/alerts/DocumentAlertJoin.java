package eu.borderflow.risk.alerts;

import eu.borderflow.privacy.Pseudonymiser;
import eu.borderflow.risk.RiskSettings;
import eu.borderflow.schema.RiskFlag;
import java.util.List;
import org.apache.flink.util.Collector;

/** R1's as-of join, keyed by document token: any Art. 38 alert in force on the crossing's document is a match. */
public class DocumentAlertJoin extends AlertAsOfJoin<RiskFlag> {

    public static final String UID = "alerts-r1-as-of-join";
    private static final long serialVersionUID = 1L;

    private final StolenDocumentRule rule;

    public DocumentAlertJoin(RiskSettings config) {
        super(config, UID);
        this.rule = new StolenDocumentRule(AlertRuleSettings.load(config, StolenDocumentRule.DESCRIPTOR.id()));
    }

    @Override
    protected void evaluate(
            CrossingProbe crossing, List<AlertVersion> inForce, Pseudonymiser pseudonymiser, Collector<RiskFlag> out) {
        out.collect(rule.flag(crossing, inForce, pseudonymiser));
    }
}
