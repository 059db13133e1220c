package eu.borderflow.picture.ingest;

import eu.borderflow.picture.window.SectionEvent;
import eu.borderflow.schema.Incident;
import org.apache.flink.api.common.functions.MapFunction;

/** An incident as the picture counts it: section, detection and report times, category, impact, confidence. */
public final class IncidentToSection implements MapFunction<Incident, SectionEvent> {

    private static final long serialVersionUID = 1L;

    private final String source;

    public IncidentToSection(String source) {
        this.source = source;
    }

    @Override
    public SectionEvent map(Incident incident) {
        return SectionEvent.incident(
                source,
                incident.getSectionId(),
                incident.getIncidentId(),
                incident.getEventTime().toEpochMilli(),
                incident.getReportedTime().toEpochMilli(),
                incident.getCategory(),
                incident.getImpact(),
                incident.getConfidence());
    }
}
