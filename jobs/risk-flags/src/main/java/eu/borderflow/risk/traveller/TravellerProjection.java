package eu.borderflow.risk.traveller;

import eu.borderflow.risk.RiskSettings;
import eu.borderflow.risk.rules.CrossingProjection;
import eu.borderflow.schema.BorderCrossing;

/** Cuts a crossing down to what the EES-file rules need before it is shuffled and buffered. */
public final class TravellerProjection extends CrossingProjection<TravellerCrossing> {

    public static final String UID = "traveller-file-projection";
    private static final long serialVersionUID = 1L;

    public TravellerProjection(RiskSettings config) {
        super(config, UID);
    }

    @Override
    protected TravellerCrossing project(BorderCrossing crossing) {
        return TravellerCrossing.of(crossing, tokens());
    }
}
