package eu.borderflow.risk.traveller;

import eu.borderflow.risk.RiskSettings;
import eu.borderflow.risk.rules.CrossingProjection;
import eu.borderflow.schema.BorderCrossing;

/** Cuts a crossing down to what the document rules need (document and templates as tokens) before the shuffle. */
public final class DocumentProjection extends CrossingProjection<DocumentCrossing> {

    private static final long serialVersionUID = 1L;

    public DocumentProjection(RiskSettings config) {
        super(config);
    }

    @Override
    public DocumentCrossing map(BorderCrossing crossing) {
        return DocumentCrossing.of(crossing, tokens());
    }
}
