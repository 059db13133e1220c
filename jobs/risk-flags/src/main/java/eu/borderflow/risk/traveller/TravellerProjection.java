package eu.borderflow.risk.traveller;

import eu.borderflow.config.ConfigLoader;
import eu.borderflow.privacy.Pseudonymiser;
import eu.borderflow.privacy.PseudonymiserFactory;
import eu.borderflow.schema.BorderCrossing;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;

/** Cuts a crossing down to what the EES-file rules need before it is shuffled and buffered. */
public final class TravellerProjection extends RichMapFunction<BorderCrossing, TravellerCrossing> {

    private static final long serialVersionUID = 1L;

    private final ConfigLoader config;
    private transient Pseudonymiser tokens;

    public TravellerProjection(ConfigLoader config) {
        this.config = config;
    }

    @Override
    public void open(OpenContext context) {
        tokens = PseudonymiserFactory.fromConfig(config);
    }

    @Override
    public TravellerCrossing map(BorderCrossing crossing) {
        return TravellerCrossing.of(crossing, tokens);
    }
}
