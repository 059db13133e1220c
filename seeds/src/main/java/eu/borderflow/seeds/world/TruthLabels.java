package eu.borderflow.seeds.world;

import eu.borderflow.schema.CrossingKind;
import eu.borderflow.schema.GroundTruthKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Why a background crossing is deliberately close to a rule's threshold, as bits the traffic sets when it plans the
 * crossing: the ground truth lists each as a NEAR_MISS (or, for a traveller who truly matches a person alert, an
 * EXPECTED_FLAG) once the crossing has its event id. Whether a bit names R3 or R4 depends on the crossing: a stay's
 * entry is R4's trigger, its exit R3's.
 */
public final class TruthLabels {

    /** The exit is on the stay's authorised end under 90/180 with history. */
    public static final int LAST_LAWFUL_DAY = 1;
    /** The exit uses up the visa's total duration of stay exactly. */
    public static final int VISA_TOTAL = 1 << 1;
    /** The exit is on the visa's last valid day. */
    public static final int VISA_LAST_DAY = 1 << 2;
    /** A stay of more than 90 days under a long-stay visa or residence permit. */
    public static final int EXEMPT_LONG_STAY = 1 << 3;
    /** An entry on the visa's first valid day. */
    public static final int VISA_FIRST_DAY = 1 << 4;
    /** The last entry a double-entry visa allows. */
    public static final int VISA_LAST_ENTRY = 1 << 5;
    /** An entry on a document that expires on the authorised end or a day or two after. */
    public static final int DOCUMENT_AT_END = 1 << 6;
    /** A crossing at another BCP just after the fastest plausible time since the previous one. */
    public static final int FAST = 1 << 7;
    /** A same-day trip that brings presence to exactly 90 days in the window. */
    public static final int AT_NINETY_DAYS = 1 << 8;
    /** The traveller matches a person alert in force (a homonym): R2 must flag. */
    public static final int PERSON_MATCH = 1 << 9;
    /** A person alert in force shares the birth date, its name is just below the threshold. */
    public static final int PERSON_NEAR = 1 << 10;
    /** An exit matching a return alert in force: R9 must flag. */
    public static final int RETURN_MATCH = 1 << 11;
    /** An exit near a return alert in force (same birth date, name just below the threshold). */
    public static final int RETURN_NEAR = 1 << 12;

    public static final int BITS = 13;
    /** The labels an entry carries about its stay's end (R4): void when the exit falls after the data. */
    public static final int ENTRY_STAY_END = LAST_LAWFUL_DAY | VISA_TOTAL | VISA_LAST_DAY | EXEMPT_LONG_STAY;

    /** One ground-truth entry a label stands for. */
    public record Entry(String ruleId, GroundTruthKind kind, String family, String description) {}

    private TruthLabels() {}

    /** The entries {@code labels} stand for on a crossing of {@code kind}, at most one per rule. */
    public static List<Entry> entries(int labels, CrossingKind kind) {
        List<Entry> out = new ArrayList<>(2);
        boolean entry = kind == CrossingKind.ENTRY;
        boolean exit = kind == CrossingKind.EXIT;
        stayEnd(out, labels, entry, exit);
        if (entry && (labels & VISA_FIRST_DAY) != 0) {
            add(
                    out,
                    "R5",
                    GroundTruthKind.NEAR_MISS,
                    "background/visa-validity",
                    "entry on the visa's first valid day");
        } else if (entry && (labels & VISA_LAST_ENTRY) != 0) {
            add(
                    out,
                    "R5",
                    GroundTruthKind.NEAR_MISS,
                    "background/visa-entries",
                    "the last entry a double-entry visa allows");
        }
        if (entry && (labels & DOCUMENT_AT_END) != 0) {
            add(
                    out,
                    "R6",
                    GroundTruthKind.NEAR_MISS,
                    "background/document-expiry",
                    "the travel document expires on the authorised end or just after it");
        }
        if ((labels & FAST) != 0) {
            add(
                    out,
                    "R7",
                    GroundTruthKind.NEAR_MISS,
                    "background/fast-trip",
                    "another BCP just after the fastest plausible time");
        }
        if ((labels & PERSON_MATCH) != 0) {
            add(
                    out,
                    "R2",
                    GroundTruthKind.EXPECTED_FLAG,
                    "background/homonym",
                    "the traveller matches a person alert in force (same name and birth date)");
        } else if ((labels & PERSON_NEAR) != 0) {
            add(
                    out,
                    "R2",
                    GroundTruthKind.NEAR_MISS,
                    "background/homonym-near-miss",
                    "a person alert in force shares the birth date; its name is just below the threshold");
        }
        if (exit && (labels & RETURN_MATCH) != 0) {
            add(
                    out,
                    "R9",
                    GroundTruthKind.EXPECTED_FLAG,
                    "background/homonym",
                    "the traveller leaving matches a return alert in force");
        } else if (exit && (labels & RETURN_NEAR) != 0) {
            add(
                    out,
                    "R9",
                    GroundTruthKind.NEAR_MISS,
                    "background/homonym-near-miss",
                    "a return alert in force shares the birth date; its name is just below the threshold");
        }
        return out;
    }

    /** R4 at a stay's entry, R3 at its exit: the first reason that applies. */
    private static void stayEnd(List<Entry> out, int labels, boolean entry, boolean exit) {
        if (!entry && !exit) {
            return;
        }
        String rule = entry ? "R4" : "R3";
        String when = entry ? "the stay's exit is " : "exit ";
        if ((labels & EXEMPT_LONG_STAY) != 0) {
            add(
                    out,
                    rule,
                    GroundTruthKind.NEAR_MISS,
                    "background/long-stay-exempt",
                    "a stay of over 90 days under a long-stay visa or residence permit: not a short stay");
        } else if ((labels & LAST_LAWFUL_DAY) != 0) {
            add(
                    out,
                    rule,
                    GroundTruthKind.NEAR_MISS,
                    "background/90-180-limit",
                    when + "on the last lawful day under 90/180, counting earlier stays");
        } else if ((labels & VISA_TOTAL) != 0) {
            add(
                    out,
                    rule,
                    GroundTruthKind.NEAR_MISS,
                    "background/visa-total",
                    when + "on the day the visa's total duration of stay is used up");
        } else if ((labels & VISA_LAST_DAY) != 0) {
            add(
                    out,
                    rule,
                    GroundTruthKind.NEAR_MISS,
                    "background/visa-validity",
                    when + "on the visa's last valid day");
        } else if (exit && (labels & AT_NINETY_DAYS) != 0) {
            add(
                    out,
                    rule,
                    GroundTruthKind.NEAR_MISS,
                    "background/frequent-at-90",
                    "a same-day trip that makes exactly 90 days of presence in the 180-day window");
        }
    }

    private static void add(List<Entry> out, String rule, GroundTruthKind kind, String family, String description) {
        out.add(new Entry(rule, kind, family, description));
    }
}
