package eu.borderflow.picture.window;

import eu.borderflow.rules.SectionPressureRule;
import eu.borderflow.schema.PictureUpdate;
import eu.borderflow.schema.PictureView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The picture's two views: the tumbling hour, and the 24 hours ending with it, summed from its hours. */
public final class PictureWindows {

    public static final long HOUR_MILLIS = SectionPressureRule.HOUR_MILLIS;
    public static final long DAY_MILLIS = SectionPressureRule.WINDOW_MILLIS;
    public static final int HOURS_PER_DAY = (int) (DAY_MILLIS / HOUR_MILLIS);

    private PictureWindows() {}

    public static long hourStart(long millis) {
        return SectionPressureRule.floorHour(millis);
    }

    /**
     * The DAY record ending at {@code end}: the sums of {@code hours} (the hour records of the 24 hours, newest first;
     * hours without a record are empty), the newest event time among them, and their incidents newest first, at most
     * {@code maxIncidents}. Section-wide fields are taken from the newest hour.
     */
    public static PictureUpdate day(long end, List<PictureUpdate> hoursNewestFirst, int maxIncidents) {
        PictureUpdate newest = hoursNewestFirst.get(0);
        PictureUpdate.Builder day = PictureUpdate.newBuilder(newest)
                .setView(PictureView.DAY)
                .setWindowStart(Instant.ofEpochMilli(end - DAY_MILLIS))
                .setWindowEnd(Instant.ofEpochMilli(end));
        long crossings = 0;
        long refusals = 0;
        long incidents = 0;
        long pending = 0;
        long overdue = 0;
        Instant lastData = null;
        Map<String, Long> byDirection = new TreeMap<>();
        Map<String, Long> byReason = new TreeMap<>();
        Map<String, Long> byCategory = new TreeMap<>();
        Map<String, Long> byImpact = new TreeMap<>();
        Map<String, Long> byConfidence = new TreeMap<>();
        Map<String, Long> byRule = new TreeMap<>();
        List<String> overdueIds = new ArrayList<>();
        List<String> contributing = new ArrayList<>();
        for (PictureUpdate hour : hoursNewestFirst) {
            crossings += hour.getCrossings();
            refusals += hour.getRefusals();
            incidents += hour.getIncidents();
            pending += hour.getFlagsPendingReview();
            overdue += hour.getOverdueReports();
            merge(byDirection, hour.getCrossingsByDirection());
            merge(byReason, hour.getRefusalsByReason());
            merge(byCategory, hour.getIncidentsByCategory());
            merge(byImpact, hour.getIncidentsByImpact());
            merge(byConfidence, hour.getIncidentsByConfidence());
            merge(byRule, hour.getFlagsByRule());
            overdueIds.addAll(hour.getOverdueReportIds());
            for (String id : hour.getContributingIncidentIds()) {
                if (contributing.size() < maxIncidents) {
                    contributing.add(id);
                }
            }
            if (hour.getLastDataTime() != null
                    && (lastData == null || hour.getLastDataTime().isAfter(lastData))) {
                lastData = hour.getLastDataTime();
            }
        }
        return day.setCrossings(crossings)
                .setCrossingsByDirection(byDirection)
                .setRefusals(refusals)
                .setRefusalsByReason(byReason)
                .setIncidents(incidents)
                .setIncidentsByCategory(byCategory)
                .setIncidentsByImpact(byImpact)
                .setIncidentsByConfidence(byConfidence)
                .setFlagsByRule(byRule)
                .setFlagsPendingReview(pending)
                .setOverdueReports(overdue)
                .setOverdueReportIds(overdueIds)
                .setContributingIncidentIds(contributing)
                .setLastDataTime(lastData)
                .build();
    }

    private static void merge(Map<String, Long> into, Map<String, Long> counts) {
        counts.forEach((key, n) -> into.merge(key, n, Long::sum));
    }
}
