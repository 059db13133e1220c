package eu.borderflow.risk.alerts;

import eu.borderflow.schema.AlertBasis;
import eu.borderflow.schema.ObjectStatus;
import java.util.Arrays;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;

/**
 * One version of an alert as one join key sees it, valid from {@code since} until the next version of the same alert
 * at that key, and never past {@code expiresAt}, the end of its review period. An inactive version marks a deletion,
 * or that an update moved the alert away from this key.
 * Names and keys are folded once per version, never per comparison. A Flink POJO kept in keyed state.
 */
public class AlertVersion {

    public static final TypeInformation<AlertVersion> TYPE = Types.POJO(AlertVersion.class);

    private String key;
    private String alertId;
    private int version;
    private long since;
    /**
     * The end of the review period ({@code ReviewDates.expiresAt}). Versions kept in state before this field existed
     * are restored without it and keep this default: the router's review expiry still ends them.
     */
    private long expiresAt = Long.MAX_VALUE;

    private boolean active;
    private AlertBasis basis;
    private String[] flaggedBy;
    private String[] keys;
    /** Pairs of (as written, sorted) folded forms: the alert's name first, then each alias. */
    private String[] names;

    private int birthYear;
    private int birthMonth;
    private int birthDay;
    private ObjectStatus objectStatus;

    public AlertVersion() {}

    /** A copy for another join key; the arrays are shared, never changed after construction. */
    public AlertVersion forKey(String otherKey) {
        AlertVersion copy = new AlertVersion();
        copy.key = otherKey;
        copy.alertId = alertId;
        copy.version = version;
        copy.since = since;
        copy.expiresAt = expiresAt;
        copy.active = active;
        copy.basis = basis;
        copy.flaggedBy = flaggedBy;
        copy.keys = keys;
        copy.names = names;
        copy.birthYear = birthYear;
        copy.birthMonth = birthMonth;
        copy.birthDay = birthDay;
        copy.objectStatus = objectStatus;
        return copy;
    }

    /** An inactive version at {@code key}: from {@code since} the alert no longer applies there. */
    public static AlertVersion ended(String key, String alertId, int version, long since) {
        AlertVersion ended = new AlertVersion();
        ended.key = key;
        ended.alertId = alertId;
        ended.version = version;
        ended.since = since;
        ended.active = false;
        return ended;
    }

    /** True when this version applies to a crossing at {@code eventTime} that it is the latest version for. */
    public boolean inForceAt(long eventTime) {
        return active && eventTime < expiresAt;
    }

    public String evidenceId() {
        return alertId + "@v" + version;
    }

    /** A member state's flag: the action will not be taken on its territory. */
    public boolean flaggedBy(String country) {
        return flaggedBy != null && Arrays.asList(flaggedBy).contains(country);
    }

    /** True when {@code key} is the smallest key this version shares with a crossing's sorted keys. */
    public boolean firstSharedKeyIs(String[] crossingKeys, String key) {
        for (String candidate : keys) {
            if (Arrays.binarySearch(crossingKeys, candidate) >= 0) {
                return candidate.equals(key);
            }
        }
        return false;
    }

    public String getKey() {
        return key;
    }

    public void setKey(String key) {
        this.key = key;
    }

    public String getAlertId() {
        return alertId;
    }

    public void setAlertId(String alertId) {
        this.alertId = alertId;
    }

    public int getVersion() {
        return version;
    }

    public void setVersion(int version) {
        this.version = version;
    }

    public long getSince() {
        return since;
    }

    public void setSince(long since) {
        this.since = since;
    }

    public long getExpiresAt() {
        return expiresAt;
    }

    public void setExpiresAt(long expiresAt) {
        this.expiresAt = expiresAt;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }

    public AlertBasis getBasis() {
        return basis;
    }

    public void setBasis(AlertBasis basis) {
        this.basis = basis;
    }

    public String[] getFlaggedBy() {
        return flaggedBy;
    }

    public void setFlaggedBy(String[] flaggedBy) {
        this.flaggedBy = flaggedBy;
    }

    public String[] getKeys() {
        return keys;
    }

    public void setKeys(String[] keys) {
        this.keys = keys;
    }

    public String[] getNames() {
        return names;
    }

    public void setNames(String[] names) {
        this.names = names;
    }

    public int getBirthYear() {
        return birthYear;
    }

    public void setBirthYear(int birthYear) {
        this.birthYear = birthYear;
    }

    public int getBirthMonth() {
        return birthMonth;
    }

    public void setBirthMonth(int birthMonth) {
        this.birthMonth = birthMonth;
    }

    public int getBirthDay() {
        return birthDay;
    }

    public void setBirthDay(int birthDay) {
        this.birthDay = birthDay;
    }

    public ObjectStatus getObjectStatus() {
        return objectStatus;
    }

    public void setObjectStatus(ObjectStatus objectStatus) {
        this.objectStatus = objectStatus;
    }
}
