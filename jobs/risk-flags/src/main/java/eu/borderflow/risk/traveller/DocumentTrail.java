package eu.borderflow.risk.traveller;

import eu.borderflow.schema.CrossingKind;

/**
 * What R7 and R8 remember of one travel document: its last crossing (for the sequence and travel-time checks) and
 * its enrolled biometric identity, as token digests.
 */
public final class DocumentTrail {

    /** Last crossing processed; null before the first. */
    private String lastEventId;
    /** Epoch milliseconds. */
    private long lastTime;

    private String lastBcpCode;
    /** Kind of the last ENTRY or EXIT (refusals are not movements); null before one. */
    private CrossingKind lastMovement;
    /** Event id of the last ENTRY or EXIT when a refusal came after it; null when it is the last crossing. */
    private String lastMovementEventId;
    /** Enrolled facial template (token digest); null before the first crossing. */
    private Long facialDigest;
    /** Enrolled fingerprint template (token digest); null until one is captured. */
    private Long fingerprintDigest;
    /** The crossing that enrolled the facial template: R8's evidence; null before (or in state of earlier builds). */
    private String facialEventId;
    /** The crossing that enrolled the fingerprint template, as {@link #facialEventId}. */
    private String fingerprintEventId;
    /** The latest retention date of the document's crossings, epoch day. */
    private int keepUntil;
    /** The epoch day at whose start the trail's pending expiry timer fires; 0 when none. */
    private int expiryTimerDay;

    public DocumentTrail() {}

    /** A copy the rules may change while this one stays as it was (every field is a value). */
    public DocumentTrail copy() {
        DocumentTrail copy = new DocumentTrail();
        copy.lastEventId = lastEventId;
        copy.lastTime = lastTime;
        copy.lastBcpCode = lastBcpCode;
        copy.lastMovement = lastMovement;
        copy.lastMovementEventId = lastMovementEventId;
        copy.facialDigest = facialDigest;
        copy.fingerprintDigest = fingerprintDigest;
        copy.facialEventId = facialEventId;
        copy.fingerprintEventId = fingerprintEventId;
        copy.keepUntil = keepUntil;
        copy.expiryTimerDay = expiryTimerDay;
        return copy;
    }

    /** The event id of the last ENTRY or EXIT. */
    public String movementEventId() {
        return lastMovementEventId != null ? lastMovementEventId : lastEventId;
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

    public Long getFacialDigest() {
        return facialDigest;
    }

    public void setFacialDigest(Long facialDigest) {
        this.facialDigest = facialDigest;
    }

    public Long getFingerprintDigest() {
        return fingerprintDigest;
    }

    public void setFingerprintDigest(Long fingerprintDigest) {
        this.fingerprintDigest = fingerprintDigest;
    }

    public String getFacialEventId() {
        return facialEventId;
    }

    public void setFacialEventId(String facialEventId) {
        this.facialEventId = facialEventId;
    }

    public String getFingerprintEventId() {
        return fingerprintEventId;
    }

    public void setFingerprintEventId(String fingerprintEventId) {
        this.fingerprintEventId = fingerprintEventId;
    }

    public int getKeepUntil() {
        return keepUntil;
    }

    public void setKeepUntil(int keepUntil) {
        this.keepUntil = keepUntil;
    }

    public int getExpiryTimerDay() {
        return expiryTimerDay;
    }

    public void setExpiryTimerDay(int expiryTimerDay) {
        this.expiryTimerDay = expiryTimerDay;
    }
}
