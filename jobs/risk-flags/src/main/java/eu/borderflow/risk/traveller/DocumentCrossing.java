package eu.borderflow.risk.traveller;

import eu.borderflow.privacy.Pseudonymiser;
import eu.borderflow.risk.rules.CrossingFacts;
import eu.borderflow.risk.rules.WireType;
import eu.borderflow.schema.Biometrics;
import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.FingerprintStatus;
import org.apache.flink.api.common.typeinfo.TypeInformation;

/**
 * What the document rules (R7, R8) need of a crossing: the document and biometric templates as token digests.
 * Buffered in keyed state for up to the allowed lateness, so it is kept compact.
 */
public final class DocumentCrossing extends CrossingFacts implements Sequenced {

    /** The type between operators; the document operator's 72 h buffer keeps it in the same format. */
    public static final TypeInformation<DocumentCrossing> WIRE =
            new WireType<>(DocumentCrossing.class, DocumentCrossingSerializer.INSTANCE);

    /**
     * Digest of the token of issuing country and number: the key. 64 bits instead of the token's 60-odd characters in
     * every state entry and timer of the document; two of ten million documents share a digest with a chance of
     * about 3 in a million.
     */
    private long documentDigest;
    /** Token digest of the captured facial template id. */
    private long facialDigest;
    /** Token digest of the captured fingerprint template id; null when none was captured. */
    private Long fingerprintDigest;

    public DocumentCrossing() {}

    /** The projection of {@code crossing}; document and templates are tokenised on the way. */
    public static DocumentCrossing of(BorderCrossing crossing, Pseudonymiser pseudonymiser) {
        DocumentCrossing c = new DocumentCrossing();
        c.documentDigest = pseudonymiser.documentDigest(
                crossing.getDocument().getIssuingCountry(),
                crossing.getDocument().getNumber());
        c.project(crossing);
        Biometrics biometrics = crossing.getBiometrics();
        c.facialDigest = pseudonymiser.digest(Pseudonymiser.Domain.BIOMETRIC, biometrics.getFacialTemplateId());
        if (biometrics.getFingerprintStatus() == FingerprintStatus.CAPTURED
                && biometrics.getFingerprintTemplateId() != null) {
            c.fingerprintDigest =
                    pseudonymiser.digest(Pseudonymiser.Domain.BIOMETRIC, biometrics.getFingerprintTemplateId());
        }
        return c;
    }

    public long getDocumentDigest() {
        return documentDigest;
    }

    public void setDocumentDigest(long documentDigest) {
        this.documentDigest = documentDigest;
    }

    public long getFacialDigest() {
        return facialDigest;
    }

    public void setFacialDigest(long facialDigest) {
        this.facialDigest = facialDigest;
    }

    public Long getFingerprintDigest() {
        return fingerprintDigest;
    }

    public void setFingerprintDigest(Long fingerprintDigest) {
        this.fingerprintDigest = fingerprintDigest;
    }
}
