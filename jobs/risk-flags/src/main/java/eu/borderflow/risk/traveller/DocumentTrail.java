package eu.borderflow.risk.traveller;

import eu.borderflow.schema.CrossingKind;

/**
 * What R7 and R8 remember of one travel document: its last crossing (for the sequence and travel-time checks) and
 * its enrolled biometric identity, as tokens.
 */
public final class DocumentTrail {

    /** Last crossing processed; null before the first. */
    private String lastEventId;
    /** Epoch milliseconds. */
    private long lastTime;
    private String lastBcpCode;
    /** Kind of the last ENTRY or EXIT (refusals are not movements); null before one. */
    private CrossingKind lastMovement;
    private String lastMovementEventId;
    /** Enrolled facial template (token). */
    private String facialToken;
    /** Enrolled fingerprint template (token); null until one is captured. */
    private String fingerprintToken;
    /** The latest retention date of the document's crossings, epoch day. */
    private int keepUntil;

    public DocumentTrail() {
    }

    public String getLastEventId() {
        return lastEventId;
    }

    public void setLastEventId(String lastEventId) {
        this.lastEventId = lastEventId;
    }

    public long getLastTime() {
        return lastTime;
    }

    public void setLastTime(long lastTime) {
        this.lastTime = lastTime;
    }

    public String getLastBcpCode() {
        return lastBcpCode;
    }

    public void setLastBcpCode(String lastBcpCode) {
        this.lastBcpCode = lastBcpCode;
    }

    public CrossingKind getLastMovement() {
        return lastMovement;
    }

    public void setLastMovement(CrossingKind lastMovement) {
        this.lastMovement = lastMovement;
    }

    public String getLastMovementEventId() {
        return lastMovementEventId;
    }

    public void setLastMovementEventId(String lastMovementEventId) {
        this.lastMovementEventId = lastMovementEventId;
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

    public int getKeepUntil() {
        return keepUntil;
    }

    public void setKeepUntil(int keepUntil) {
        this.keepUntil = keepUntil;
    }
}
