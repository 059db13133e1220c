package eu.borderflow.risk.alerts;

import java.util.List;

/** The versions of one alert at one join key, sorted by the time they took effect. */
public final class AlertHistory {

    private AlertHistory() {}

    /** Inserts {@code version} in event-time order (a late change lands in its place). */
    public static void insert(List<AlertVersion> versions, AlertVersion version) {
        int at = versions.size();
        while (at > 0 && versions.get(at - 1).getSince() > version.getSince()) {
            at--;
        }
        versions.add(at, version);
    }

    /** The version in force at {@code eventTime}: the last that took effect at or before it; null if none. */
    public static AlertVersion asOf(List<AlertVersion> versions, long eventTime) {
        AlertVersion current = null;
        for (AlertVersion version : versions) {
            if (version.getSince() > eventTime) {
                break;
            }
            current = version;
        }
        return current;
    }

    /**
     * {@code version}, found in force by {@link #asOf}, as a flag reports it: in force since the start of the alert's
     * unbroken run up to it (active versions, each in force when the next took effect). {@link #prune} merges such a
     * run into its newest version, so the report is the same whether a crossing is matched before or after that.
     */
    public static AlertVersion sinceRunStart(List<AlertVersion> versions, AlertVersion version) {
        int at = versions.size() - 1;
        while (versions.get(at) != version) {
            at--;
        }
        long since = version.getSince();
        while (at > 0 && unbroken(versions.get(at - 1), versions.get(at))) {
            at--;
            since = versions.get(at).getSince();
        }
        if (since == version.getSince()) {
            return version;
        }
        AlertVersion reported = version.forKey(version.getKey());
        reported.setSince(since);
        return reported;
    }

    /**
     * Erases the content of versions superseded at least {@code keepMillis} before {@code time}: no crossing that late
     * is expected any more. An alert in force all along (neither deleted nor expired in between) stays in force from
     * its start, now with the oldest version kept. The newest version always stays. Returns true when something was
     * dropped.
     */
    public static boolean prune(List<AlertVersion> versions, long time, long keepMillis) {
        boolean dropped = false;
        while (versions.size() > 1 && versions.get(1).getSince() + keepMillis <= time) {
            AlertVersion superseded = versions.remove(0);
            AlertVersion successor = versions.get(0);
            if (unbroken(superseded, successor)) {
                successor.setSince(superseded.getSince());
            }
            dropped = true;
        }
        return dropped;
    }

    /** Whether the alert stayed in force from {@code before} to {@code after}: both active, no expiry between. */
    private static boolean unbroken(AlertVersion before, AlertVersion after) {
        return before.isActive() && after.isActive() && before.getExpiresAt() >= after.getSince();
    }

    /** True when the alert has ended at this key for at least {@code keepMillis} by {@code time}. */
    public static boolean erasable(List<AlertVersion> versions, long time, long keepMillis) {
        AlertVersion last = versions.get(versions.size() - 1);
        return !last.isActive() && last.getSince() + keepMillis <= time;
    }
}
