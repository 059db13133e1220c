package eu.borderflow.risk.alerts;

import eu.borderflow.risk.rules.CrossingFacts;
import eu.borderflow.risk.rules.WireType;
import eu.borderflow.schema.BorderCrossing;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;

/**
 * What an alert join needs of a crossing, computed once before the crossing is sent to its join keys: the key
 * (document token or a name blocking key), every key of the crossing (so only the smallest key shared with an alert
 * evaluates the pair), and the folded name forms. A Flink POJO, buffered in keyed state until the watermark passes it.
 */
public class CrossingProbe extends CrossingFacts {

    /** The type in keyed state. */
    public static final TypeInformation<CrossingProbe> TYPE = Types.POJO(CrossingProbe.class);
    /** The type between operators. */
    public static final TypeInformation<CrossingProbe> WIRE =
            new WireType<>(CrossingProbe.class, CrossingProbeSerializer.INSTANCE);

    private String key;
    private String[] keys;
    private String orderedName;
    private String sortedName;
    private int birthYear;
    private int birthMonth;
    private int birthDay;
    /**
     * The watermark its probing operator had sent on before it: every probe of the crossing is matched before the
     * watermark passes this, however late the crossing came ({@link PersonFlagAssembler}). Long.MIN_VALUE if none.
     */
    private long probedAfter = Long.MIN_VALUE;

    public CrossingProbe() {}

    /** A probe with the crossing's facts and no key yet. */
    static CrossingProbe of(BorderCrossing crossing) {
        CrossingProbe probe = new CrossingProbe();
        probe.project(crossing);
        return probe;
    }

    /** A copy for another join key; the arrays are shared, never changed after construction. */
    public CrossingProbe forKey(String otherKey) {
        CrossingProbe copy = new CrossingProbe();
        copy.copyFacts(this);
        copy.key = otherKey;
        copy.keys = keys;
        copy.orderedName = orderedName;
        copy.sortedName = sortedName;
        copy.birthYear = birthYear;
        copy.birthMonth = birthMonth;
        copy.birthDay = birthDay;
        copy.probedAfter = probedAfter;
        return copy;
    }

    /** BCP codes are {@code <ISO alpha-3>-<NAME>}: the member state is the part before the first '-'. */
    public String bcpCountry() {
        String bcpCode = getBcpCode();
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

    public long getProbedAfter() {
        return probedAfter;
    }

    public void setProbedAfter(long probedAfter) {
        this.probedAfter = probedAfter;
    }
}
