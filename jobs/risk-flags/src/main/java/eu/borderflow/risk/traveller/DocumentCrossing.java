package eu.borderflow.risk.traveller;

import eu.borderflow.privacy.Pseudonymiser;
import eu.borderflow.schema.Biometrics;
import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.CrossingKind;
import eu.borderflow.schema.FingerprintStatus;

/**
 * What the document rules (R7, R8) need of a crossing: the document and biometric templates only as tokens.
 * Buffered in keyed state for up to the allowed lateness, so it is kept compact.
 */
public final class DocumentCrossing implements Sequenced {

    /** Token of issuing country and number: the key. */
    private String documentToken;
    private String fileId;
    private String eventId;
    private CrossingKind kind;
    /** Epoch milliseconds (UTC). */
    private long eventTime;
    private String bcpCode;
    private String sectionId;
    /** Epoch day. */
    private int retentionUntil;
    /** Token of the captured facial template id. */
    private String facialToken;
    /** Token of the captured fingerprint template id; null when none was captured. */
    private String fingerprintToken;

    public DocumentCrossing() {
    }

    /** The projection of {@code crossing}; document and templates are tokenised on the way. */
    public static DocumentCrossing of(BorderCrossing crossing, Pseudonymiser pseudonymiser) {
        DocumentCrossing c = new DocumentCrossing();
        c.documentToken = pseudonymiser.documentToken(crossing.getDocument().getIssuingCountry(),
                crossing.getDocument().getNumber());
        c.fileId = crossing.getTraveller().getFileId();
        c.eventId = crossing.getEventId();
        c.kind = crossing.getKind();
        c.eventTime = crossing.getEventTime().toEpochMilli();
        c.bcpCode = crossing.getBcpCode();
        c.sectionId = crossing.getSectionId();
        c.retentionUntil = Math.toIntExact(crossing.getRetentionUntil().toEpochDay());
        Biometrics biometrics = crossing.getBiometrics();
        c.facialToken = pseudonymiser.token(Pseudonymiser.Domain.BIOMETRIC, biometrics.getFacialTemplateId());
        if (biometrics.getFingerprintStatus() == FingerprintStatus.CAPTURED
                && biometrics.getFingerprintTemplateId() != null) {
            c.fingerprintToken = pseudonymiser.token(Pseudonymiser.Domain.BIOMETRIC,
                    biometrics.getFingerprintTemplateId());
        }
        return c;
    }

    public String getDocumentToken() {
        return documentToken;
    }

    public void setDocumentToken(String documentToken) {
        this.documentToken = documentToken;
    }

    public String getFileId() {
        return fileId;
    }

    public void setFileId(String fileId) {
        this.fileId = fileId;
    }

    @Override
    public String getEventId() {
        return eventId;
    }

    public void setEventId(String eventId) {
        this.eventId = eventId;
    }

    public CrossingKind getKind() {
        return kind;
    }

    public void setKind(CrossingKind kind) {
        this.kind = kind;
    }

    @Override
    public long getEventTime() {
        return eventTime;
    }

    public void setEventTime(long eventTime) {
        this.eventTime = eventTime;
    }

    public String getBcpCode() {
        return bcpCode;
    }

    public void setBcpCode(String bcpCode) {
        this.bcpCode = bcpCode;
    }

    public String getSectionId() {
        return sectionId;
    }

    public void setSectionId(String sectionId) {
        this.sectionId = sectionId;
    }

    public int getRetentionUntil() {
        return retentionUntil;
    }

    public void setRetentionUntil(int retentionUntil) {
        this.retentionUntil = retentionUntil;
    }

    public String getFacialToken() {
        return facialToken;
    }

    public void setFacialToken(String facialToken) {
        this.facialToken = facialToken;
    }

    public String getFingerprintToken() {
        return fingerprintToken;
    }

    public void setFingerprintToken(String fingerprintToken) {
        this.fingerprintToken = fingerprintToken;
    }
}
