package eu.borderflow.risk.traveller;

import eu.borderflow.config.ConfigLoader;
import eu.borderflow.privacy.Pseudonymiser;
import eu.borderflow.privacy.PseudonymiserFactory;
import eu.borderflow.schema.BorderCrossing;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;

/** Cuts a crossing down to what the document rules need (document and templates as tokens) before the shuffle. */
public final class DocumentProjection extends RichMapFunction<BorderCrossing, DocumentCrossing> {

    private static final long serialVersionUID = 1L;

    private final ConfigLoader config;
    private transient Pseudonymiser tokens;

    public DocumentProjection(ConfigLoader config) {
        this.config = config;
    }

    @Override
    public void open(OpenContext context) {
        tokens = PseudonymiserFactory.fromConfig(config);
    }

    @Override
    public DocumentCrossing map(BorderCrossing crossing) {
        return DocumentCrossing.of(crossing, tokens);
    }
}
