package eu.borderflow.risk.alerts;

import eu.borderflow.job.ingest.AlertBirthDate;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.codec.language.DoubleMetaphone;

/**
 * Candidate blocking for person matching: a traveller and an alert are compared only where they share a key.
 * <p>
 * The keys are dates, which the definition guarantees ({@link eu.borderflow.person.BirthDateMatch}: the same date,
 * the date with day and month swapped, or the year when the alert holds the year only): a crossing has its date and
 * its year; an alert its date as written and swapped (alerts are few, crossings many), or its year when it holds no
 * day. Every pair the definition can match shares one, whatever the spelling of the names.
 * <p>
 * Name keys (the Double Metaphone codes, primary and alternate, of each folded name part with the birth year) were
 * the only keys before 2026-12-06 and missed pairs the definition matches (DAVIS WILLIAM and WILLIAMS DAVID share no
 * code, docs/RULES.md "Found later"). Alerts are no longer keyed by them, but a job restored from a savepoint of that
 * time may hold alerts under name keys alone: there the crossings probe them too ({@link PersonProbes}). Date keys
 * begin with a digit, name keys with a letter, so the two never collide.
 */
public final class BlockingKeys {

    private static final int MONTHS = 12;
    /** Single letters (initials) would put everyone with that initial in one block. */
    private static final int MIN_PART_LENGTH = 2;
    /** Stateless apart from its code length, so one instance serves every thread. */
    private static final DoubleMetaphone METAPHONE = new DoubleMetaphone();

    private BlockingKeys() {}

    /**
     * Sorted, distinct keys of a traveller with the folded name parts {@code name}, born on {@code born}; with the name
     * keys too when {@code nameKeys} (alerts restored from a savepoint of before 2026-12-06 are held under them).
     */
    public static String[] ofTraveller(List<String> name, LocalDate born, boolean nameKeys) {
        Keys keys = new Keys();
        if (nameKeys) {
            keys.names(name, born.getYear());
        }
        keys.add(date(born.getYear(), born.getMonthValue(), born.getDayOfMonth()));
        keys.add(year(born.getYear()));
        return keys.sortedDistinct();
    }

    /** Sorted, distinct keys of an alert's date of birth as SIS holds it. */
    public static String[] ofAlert(AlertBirthDate born) {
        Keys keys = new Keys();
        if (!born.full()) {
            // A year and month only is matched on its year, like a year alone.
            keys.add(year(born.year()));
        } else {
            // As written and swapped: the alerts are few, the crossings many, so the swap is keyed here.
            if (born.month() <= MONTHS) {
                keys.add(date(born.year(), born.month(), born.day()));
            }
            if (born.day() <= MONTHS) {
                keys.add(date(born.year(), born.day(), born.month()));
            }
        }
        return keys.sortedDistinct();
    }

    /** A full date's key, {@code YYYY-MM-DD}. */
    static String date(int year, int month, int day) {
        char[] key = new char[10];
        digits(key, 0, year, 4);
        key[4] = '-';
        digits(key, 5, month, 2);
        key[7] = '-';
        digits(key, 8, day, 2);
        return new String(key);
    }

    /** A year's key, {@code YYYY}. */
    static String year(int year) {
        char[] key = new char[4];
        digits(key, 0, year, 4);
        return new String(key);
    }

    /** {@code value} as {@code width} decimal digits, zero-padded, at {@code at} (the per-crossing path: no format). */
    private static void digits(char[] into, int at, int value, int width) {
        for (int i = at + width - 1, v = value; i >= at; i--, v /= 10) {
            into[i] = (char) ('0' + v % 10);
        }
    }

    /**
     * The Double Metaphone (primary) code of one folded name part. Not memoised: a cache of name parts would outlive
     * the alerts and crossings they came from, which the erasure rules do not allow.
     */
    static String code(String part) {
        return METAPHONE.doubleMetaphone(part);
    }

    /** The alternate Double Metaphone code; the primary where the part has no other pronunciation. */
    static String alternateCode(String part) {
        return METAPHONE.doubleMetaphone(part, true);
    }

    private static final class Keys {
        private String[] keys = new String[12];
        private int count;

        void names(List<String> parts, int birthYear) {
            for (String part : parts) {
                if (part.length() >= MIN_PART_LENGTH) {
                    String primary = code(part);
                    String alternate = alternateCode(part);
                    add(primary + '|' + birthYear);
                    if (!alternate.equals(primary)) {
                        add(alternate + '|' + birthYear);
                    }
                }
            }
        }

        void add(String key) {
            if (count == keys.length) {
                keys = Arrays.copyOf(keys, keys.length * 2);
            }
            keys[count++] = key;
        }

        String[] sortedDistinct() {
            Arrays.sort(keys, 0, count);
            int distinct = 0;
            for (int i = 0; i < count; i++) {
                if (distinct == 0 || !keys[i].equals(keys[distinct - 1])) {
                    keys[distinct++] = keys[i];
                }
            }
            return Arrays.copyOf(keys, distinct);
        }
    }
}
