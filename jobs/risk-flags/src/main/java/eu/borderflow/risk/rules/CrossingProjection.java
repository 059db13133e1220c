package eu.borderflow.risk.rules;

import eu.borderflow.risk.RiskSettings;
import eu.borderflow.privacy.Pseudonymiser;
import eu.borderflow.schema.BorderCrossing;
import org.apache.flink.api.common.functions.RichMapFunction;

/**
 * Cuts a crossing down to what some rules need before it is shuffled, tokenising on the way with the key bound when
 * the job was submitted (each subtask deserialises its own pseudonymiser).
 */
public abstract class CrossingProjection<T> extends RichMapFunction<BorderCrossing, T> {

    private static final long serialVersionUID = 1L;

    private final Pseudonymiser tokens;

    protected CrossingProjection(RiskSettings config) {
        this.tokens = config.tokens();
    }

    protected Pseudonymiser tokens() {
        return tokens;
    }
}
