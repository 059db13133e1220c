package eu.borderflow.job.ingest;

import eu.borderflow.job.config.IngestSettings;
import eu.borderflow.schema.AlertChange;
import java.time.Instant;

/**
 * Heartbeats on the alert changelog (docs/CONTRACTS.md): the stand-in is an alert change with empty ids, which
 * {@link AlertValidator} refuses in any record read ({@code VALIDATION_MISSING_ID}). A heartbeat's time must lie in
 * the ingest window like an alert change's event time, so one from the year 2999 never moves a watermark.
 */
public final class AlertHeartbeats implements Heartbeats<AlertChange> {

    private static final long serialVersionUID = 1L;

    private final Instant earliest;
    private final Instant latest;

    public AlertHeartbeats(IngestSettings limits) {
        this.earliest = limits.getEarliestIngestTime();
        this.latest = limits.getLatestIngestTime();
    }

    @Override
    public Violation check(long millis) {
        Instant at = Instant.ofEpochMilli(millis);
        if (at.isBefore(earliest) || at.isAfter(latest)) {
            return Violation.of(TIME, "heartbeat timestamp is outside " + earliest + " .. " + latest);
        }
        return null;
    }

    @Override
    public AlertChange standIn(long millis) {
        AlertChange standIn = new AlertChange();
        standIn.setChangeId("");
        standIn.setAlertId("");
        standIn.setEventTime(Instant.ofEpochMilli(millis));
        return standIn;
    }

    @Override
    public boolean isStandIn(AlertChange record) {
        return record.getChangeId() != null && record.getChangeId().isEmpty();
    }
}
