package eu.borderflow.risk.traveller;

import eu.borderflow.config.ConfigLoader;
import eu.borderflow.privacy.Pseudonymiser;
import eu.borderflow.privacy.PseudonymiserFactory;
import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.RiskFlag;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.util.Collector;

/** Applies R6 to each crossing as it comes: the rule needs neither state nor order. */
public final class DocumentValidityCheck extends RichFlatMapFunction<BorderCrossing, RiskFlag> {

    private static final long serialVersionUID = 1L;

    private final ConfigLoader config;
    private final DocumentValidityRule rule;
    private transient Pseudonymiser tokens;

    public DocumentValidityCheck(ConfigLoader config) {
        this.config = config;
        this.rule = new DocumentValidityRule(config);
    }

    @Override
    public void open(OpenContext context) {
        tokens = PseudonymiserFactory.fromConfig(config);
    }

    @Override
    public void flatMap(BorderCrossing crossing, Collector<RiskFlag> out) {
        rule.atEntry(crossing, tokens).ifPresent(out::collect);
    }
}
