package eu.borderflow.risk.alerts;

import java.util.List;

/** The versions of one alert at one join key, sorted by the time they took effect. */
public final class AlertHistory {

    private AlertHistory() {
    }

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
     * Drops versions superseded at least {@code keepMillis} before {@code watermark}: no crossing that late is expected
     * any more. The newest version always stays.
     */
    public static void prune(List<AlertVersion> versions, long watermark, long keepMillis) {
        while (versions.size() > 1 && versions.get(1).getSince() + keepMillis <= watermark) {
            versions.remove(0);
        }
    }

    /** True when the alert has ended at this key for at least {@code keepMillis} by {@code time}. */
    public static boolean erasable(List<AlertVersion> versions, long time, long keepMillis) {
        AlertVersion last = versions.get(versions.size() - 1);
        return !last.isActive() && last.getSince() + keepMillis <= time;
    }
}
