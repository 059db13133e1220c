package eu.borderflow.rules;

import eu.borderflow.config.ConfigException;
import eu.borderflow.config.ConfigLoader;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * R11, border-section pressure (DOMAIN.md section 4): the incidents detected in the 24 hours ending at a full hour,
 * against the mean count of the 24 hours ending at the same weekday and hour in each of the previous
 * {@code baseline_weeks} weeks. At least {@code min_events} incidents and a ratio of at least {@code min_ratio}
 * suggest that people review the section's attributed level; the rule never sets a level.
 *
 * <p>The suggestion is made once per episode: at the first window end that meets the condition after one that did
 * not ({@link #startsEpisode}). A window end whose baseline reaches back before the section's first data
 * ({@link #historyComplete}) is not assessed: a missing week is unknown, not quiet. One definition, used by the
 * generator's ground truth and by the situational-picture job ({@code rules.yaml} section {@code rules.R11}).
 */
public final class SectionPressureRule implements Serializable {

    public static final String ID = "R11";
    public static final long HOUR_MILLIS = 3_600_000L;
    /** The pressure window: the 24 hours ending at a full hour. */
    public static final long WINDOW_MILLIS = 24 * HOUR_MILLIS;

    public static final long WEEK_MILLIS = 7 * WINDOW_MILLIS;
    private static final long serialVersionUID = 1L;

    private final boolean enabled;
    private final String version;
    private final int baselineWeeks;
    private final double minRatio;
    private final long minEvents;

    public SectionPressureRule(boolean enabled, String version, int baselineWeeks, double minRatio, long minEvents) {
        if (baselineWeeks < 1 || !(minRatio > 0) || minEvents < 1 || version == null || version.isBlank()) {
            throw new IllegalArgumentException("R11 needs baseline_weeks >= 1, min_ratio > 0, min_events >= 1 and a "
                    + "version; got " + baselineWeeks + ", " + minRatio + ", " + minEvents + ", " + version);
        }
        this.enabled = enabled;
        this.version = version;
        this.baselineWeeks = baselineWeeks;
        this.minRatio = minRatio;
        this.minEvents = minEvents;
    }

    /** The rule as configured: {@code rules.yaml} section {@code rules.R11}. */
    public static SectionPressureRule fromConfig(ConfigLoader config) {
        Settings s = config.bind("rules", "/rules/" + ID, Settings.class);
        try {
            return new SectionPressureRule(s.enabled, s.version, s.baselineWeeks, s.minRatio, s.minEvents);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("rules.yaml /rules/" + ID + ": " + e.getMessage(), e);
        }
    }

    /** The figures of one window end and whether they meet the rule. */
    public record Assessment(long events, double baseline, double ratio, boolean historyComplete, boolean met)
            implements Serializable {}

    /**
     * Assesses {@code events} in the window against the counts of the same window in each previous week
     * ({@code baselineCounts[k - 1]} for k weeks back). The ratio is 0 without events and infinite over a zero
     * baseline.
     */
    public Assessment assess(long events, long[] baselineCounts, boolean historyComplete) {
        if (baselineCounts.length != baselineWeeks) {
            throw new IllegalArgumentException(
                    "need " + baselineWeeks + " baseline counts, got " + baselineCounts.length);
        }
        double baseline = Arrays.stream(baselineCounts).sum() / (double) baselineWeeks;
        double ratio = events == 0 ? 0 : events / baseline;
        boolean met = historyComplete && events >= minEvents && ratio >= minRatio;
        return new Assessment(events, baseline, ratio, historyComplete, met);
    }

    /** The end of the baseline window {@code week} weeks (1..baseline_weeks) before {@code windowEnd}. */
    public static long baselineWindowEnd(long windowEnd, int week) {
        return windowEnd - week * WEEK_MILLIS;
    }

    /**
     * Whether every baseline week of the window ending at {@code windowEnd} lies after the first full hour of the
     * section's data: the oldest baseline window must end at or after the end of the hour holding
     * {@code firstDataTime}.
     */
    public boolean historyComplete(long windowEnd, long firstDataTime) {
        return baselineWindowEnd(windowEnd, baselineWeeks) >= floorHour(firstDataTime) + HOUR_MILLIS;
    }

    /** An episode starts at a window end that meets the rule when the window an hour earlier did not. */
    public static boolean startsEpisode(boolean met, boolean metHourBefore) {
        return met && !metHourBefore;
    }

    public static long floorHour(long millis) {
        return Math.floorDiv(millis, HOUR_MILLIS) * HOUR_MILLIS;
    }

    /** {@code <section_id>@<window end>} (docs/CONTRACTS.md), the window end as an ISO-8601 instant. */
    public static String trigger(String sectionId, long windowEnd) {
        return sectionId + "@" + Instant.ofEpochMilli(windowEnd);
    }

    /**
     * The rule over one section's incidents: the full-hour window ends in {@code [fromEnd, toEnd]} at which an episode
     * starts, in order. {@code sortedIncidentTimes} are detection times in ascending order; {@code firstDataTime} is
     * the section's first record of any kind.
     */
    public List<Long> episodeStarts(long[] sortedIncidentTimes, long firstDataTime, long fromEnd, long toEnd) {
        List<Long> starts = new ArrayList<>();
        long first = floorHour(fromEnd) == fromEnd ? fromEnd : floorHour(fromEnd) + HOUR_MILLIS;
        boolean metBefore = meets(sortedIncidentTimes, firstDataTime, first - HOUR_MILLIS);
        for (long end = first; end <= toEnd; end += HOUR_MILLIS) {
            boolean met = meets(sortedIncidentTimes, firstDataTime, end);
            if (startsEpisode(met, metBefore)) {
                starts.add(end);
            }
            metBefore = met;
        }
        return starts;
    }

    private boolean meets(long[] times, long firstDataTime, long windowEnd) {
        long[] baseline = new long[baselineWeeks];
        for (int week = 1; week <= baselineWeeks; week++) {
            baseline[week - 1] = count(times, baselineWindowEnd(windowEnd, week));
        }
        return assess(count(times, windowEnd), baseline, historyComplete(windowEnd, firstDataTime))
                .met();
    }

    /** Incidents detected in {@code [windowEnd - 24 h, windowEnd)}. */
    private static long count(long[] sorted, long windowEnd) {
        return firstAtOrAfter(sorted, windowEnd) - firstAtOrAfter(sorted, windowEnd - WINDOW_MILLIS);
    }

    private static int firstAtOrAfter(long[] sorted, long t) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    public boolean enabled() {
        return enabled;
    }

    public String version() {
        return version;
    }

    public int baselineWeeks() {
        return baselineWeeks;
    }

    public double minRatio() {
        return minRatio;
    }

    public long minEvents() {
        return minEvents;
    }

    /** The YAML section as bound; snake_case keys. */
    public static final class Settings {
        private boolean enabled;
        private String version;
        private int baselineWeeks;
        private double minRatio;
        private long minEvents;

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public void setVersion(String version) {
            this.version = version;
        }

        public void setBaselineWeeks(int baselineWeeks) {
            this.baselineWeeks = baselineWeeks;
        }

        public void setMinRatio(double minRatio) {
            this.minRatio = minRatio;
        }

        public void setMinEvents(long minEvents) {
            this.minEvents = minEvents;
        }
    }
}
