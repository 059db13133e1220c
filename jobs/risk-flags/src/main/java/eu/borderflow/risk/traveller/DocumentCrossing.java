package eu.borderflow.risk.traveller;

import eu.borderflow.privacy.Pseudonymiser;
import eu.borderflow.risk.rules.CrossingFacts;
import eu.borderflow.schema.Biometrics;
import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.FingerprintStatus;

/**
 * What the document rules (R7, R8) need of a crossing: the document as a token, biometric templates as token digests.
 * Buffered in keyed state for up to the allowed lateness, so it is kept compact.
 */
public final class DocumentCrossing extends CrossingFacts implements Sequenced {

    /** Token of issuing country and number: the key. */
    private String documentToken;
    /** Token digest of the captured facial template id. */
    private long facialDigest;
    /** Token digest of the captured fingerprint template id; null when none was captured. */
    private Long fingerprintDigest;

    public DocumentCrossing() {
    }

    /** The projection of {@code crossing}; document and templates are tokenised on the way. */
    public static DocumentCrossing of(BorderCrossing crossing, Pseudonymiser pseudonymiser) {
        DocumentCrossing c = new DocumentCrossing();
        c.documentToken = pseudonymiser.documentToken(crossing.getDocument().getIssuingCountry(),
                crossing.getDocument().getNumber());
        c.project(crossing);
        Biometrics biometrics = crossing.getBiometrics();
        c.facialDigest = TokenDigest.of(
                pseudonymiser.token(Pseudonymiser.Domain.BIOMETRIC, biometrics.getFacialTemplateId()));
        if (biometrics.getFingerprintStatus() == FingerprintStatus.CAPTURED
                && biometrics.getFingerprintTemplateId() != null) {
            c.fingerprintDigest = TokenDigest.of(pseudonymiser.token(Pseudonymiser.Domain.BIOMETRIC,
                    biometrics.getFingerprintTemplateId()));
        }
        return c;
    }

    public String getDocumentToken() {
        return documentToken;
    }

    public void setDocumentToken(String documentToken) {
        this.documentToken = documentToken;
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
