package eu.borderflow.risk.rules;

import eu.borderflow.config.ConfigLoader;
import eu.borderflow.privacy.Pseudonymiser;
import eu.borderflow.privacy.PseudonymiserFactory;
import eu.borderflow.schema.BorderCrossing;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;

/**
 * Cuts a crossing down to what some rules need before it is shuffled, tokenising on the way with this subtask's own
 * pseudonymiser (built from the configuration when the subtask opens).
 */
public abstract class CrossingProjection<T> extends RichMapFunction<BorderCrossing, T> {

    private static final long serialVersionUID = 1L;

    private final ConfigLoader config;
    private transient Pseudonymiser tokens;

    protected CrossingProjection(ConfigLoader config) {
        this.config = config;
    }

    @Override
    public void open(OpenContext context) {
        tokens = PseudonymiserFactory.fromConfig(config);
    }

    protected Pseudonymiser tokens() {
        return tokens;
    }
}
