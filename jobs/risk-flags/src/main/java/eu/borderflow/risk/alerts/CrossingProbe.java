package eu.borderflow.risk.alerts;

import eu.borderflow.schema.CrossingKind;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;

/**
 * What an alert join needs of a crossing, computed once before the crossing is sent to its join keys: the key
 * (document token or a name blocking key), every key of the crossing (so only the smallest key shared with an alert
 * evaluates the pair), and the folded name forms. A Flink POJO, buffered in keyed state until the watermark passes it.
 */
public class CrossingProbe {

    public static final TypeInformation<CrossingProbe> TYPE = Types.POJO(CrossingProbe.class);

    private String key;
    private String[] keys;
    private String eventId;
    private long eventTime;
    private CrossingKind kind;
    private String bcpCode;
    private String sectionId;
    private String fileId;
    private int retentionEpochDay;
    private String orderedName;
    private String sortedName;
    private int birthYear;
    private int birthMonth;
    private int birthDay;

    public CrossingProbe() {
    }

    /** A copy for another join key; the arrays are shared, never changed after construction. */
    public CrossingProbe forKey(String otherKey) {
        CrossingProbe copy = new CrossingProbe();
        copy.key = otherKey;
        copy.keys = keys;
        copy.eventId = eventId;
        copy.eventTime = eventTime;
        copy.kind = kind;
        copy.bcpCode = bcpCode;
        copy.sectionId = sectionId;
        copy.fileId = fileId;
        copy.retentionEpochDay = retentionEpochDay;
        copy.orderedName = orderedName;
        copy.sortedName = sortedName;
        copy.birthYear = birthYear;
        copy.birthMonth = birthMonth;
        copy.birthDay = birthDay;
        return copy;
    }

    /** BCP codes are {@code <ISO alpha-3>-<NAME>}: the member state is the part before the first '-'. */
    public String bcpCountry() {
        int dash = bcpCode.indexOf('-');
        return dash < 0 ? bcpCode : bcpCode.substring(0, dash);
    }

    public String getKey() {
        return key;
    }

    public void setKey(String key) {
        this.key = key;
    }

    public String[] getKeys() {
        return keys;
    }

    public void setKeys(String[] keys) {
        this.keys = keys;
    }

    public String getEventId() {
        return eventId;
    }

    public void setEventId(String eventId) {
        this.eventId = eventId;
    }

    public long getEventTime() {
        return eventTime;
    }

    public void setEventTime(long eventTime) {
        this.eventTime = eventTime;
    }

    public CrossingKind getKind() {
        return kind;
    }

    public void setKind(CrossingKind kind) {
        this.kind = kind;
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

    public String getFileId() {
        return fileId;
    }

    public void setFileId(String fileId) {
        this.fileId = fileId;
    }

    public int getRetentionEpochDay() {
        return retentionEpochDay;
    }

    public void setRetentionEpochDay(int retentionEpochDay) {
        this.retentionEpochDay = retentionEpochDay;
    }

    public String getOrderedName() {
        return orderedName;
    }

    public void setOrderedName(String orderedName) {
        this.orderedName = orderedName;
    }

    public String getSortedName() {
        return sortedName;
    }

    public void setSortedName(String sortedName) {
        this.sortedName = sortedName;
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
}
