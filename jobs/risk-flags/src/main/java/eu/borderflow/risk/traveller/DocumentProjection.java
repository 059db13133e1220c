package eu.borderflow.risk.traveller;

import eu.borderflow.risk.RiskSettings;
import eu.borderflow.risk.rules.CrossingProjection;
import eu.borderflow.schema.BorderCrossing;

/** Cuts a crossing down to what the document rules need (document and templates as tokens) before the shuffle. */
public final class DocumentProjection extends CrossingProjection<DocumentCrossing> {

    public static final String UID = "document-projection";
    private static final long serialVersionUID = 1L;

    public DocumentProjection(RiskSettings config) {
        super(config, UID);
    }

    @Override
    protected DocumentCrossing project(BorderCrossing crossing) {
        return DocumentCrossing.of(crossing, tokens());
    }
}
