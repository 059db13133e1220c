package eu.borderflow.risk.traveller;

import eu.borderflow.risk.RiskSettings;
import eu.borderflow.privacy.Pseudonymiser;
import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.RiskFlag;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.util.Collector;

/** Applies R6 to each crossing as it comes: the rule needs neither state nor order. */
public final class DocumentValidityCheck extends RichFlatMapFunction<BorderCrossing, RiskFlag> {

    private static final long serialVersionUID = 1L;

    private final DocumentValidityRule rule;
    private final Pseudonymiser tokens;

    public DocumentValidityCheck(RiskSettings config) {
        this.tokens = config.tokens();
        this.rule = new DocumentValidityRule(config);
    }

    @Override
    public void flatMap(BorderCrossing crossing, Collector<RiskFlag> out) {
        rule.atEntry(crossing, tokens).ifPresent(out::collect);
    }
}
