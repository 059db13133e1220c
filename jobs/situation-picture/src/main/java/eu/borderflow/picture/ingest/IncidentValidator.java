package eu.borderflow.picture.ingest;

import eu.borderflow.job.ingest.RecordValidator;
import eu.borderflow.job.ingest.Violation;
import eu.borderflow.schema.Incident;

/** Rejects incidents the picture cannot place: not synthetic, no id, an unknown section, reported before detected. */
public final class IncidentValidator implements RecordValidator<Incident> {

    private static final long serialVersionUID = 1L;

    private final KnownSections sections;

    public IncidentValidator(KnownSections sections) {
        this.sections = sections;
    }

    @Override
    public Violation check(Incident incident) {
        if (!incident.getSynthetic()) {
            return Violation.of(
                    "NOT_SYNTHETIC", "record is not marked synthetic; borderflow only carries generated data");
        }
        if (incident.getIncidentId() == null || incident.getIncidentId().isBlank()) {
            return Violation.of("MISSING_ID", "incident_id is mandatory");
        }
        if (!sections.contains(incident.getSectionId())) {
            return Violation.of(
                    "UNKNOWN_SECTION",
                    "section_id " + incident.getSectionId() + " is not in the section reference table");
        }
        if (incident.getReportedTime().isBefore(incident.getEventTime())) {
            return Violation.of("REPORTED_BEFORE_DETECTED", "reported_time is before event_time (detection)");
        }
        return null;
    }
}
