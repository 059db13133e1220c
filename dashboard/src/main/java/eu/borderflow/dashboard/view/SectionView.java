package eu.borderflow.dashboard.view;

import eu.borderflow.reference.SectionRecord;
import eu.borderflow.schema.Freshness;
import eu.borderflow.schema.Incident;
import eu.borderflow.schema.PictureUpdate;
import eu.borderflow.schema.SectionLevelChange;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A border section as the pages show it: its status (the map, the live stream) and its section view. Reads the
 * {@link SituationState} that {@link SituationView} holds, so it is called only under that view's lock.
 */
final class SectionView {

    private static final int SECTION_FLAGS = 50;

    private final SituationState state;
    private final Duration staleAfter;

    SectionView(SituationState state, Duration staleAfter) {
        this.state = state;
        this.staleAfter = staleAfter;
    }

    /**
     * The section view: reference and status, the newest pictures, the hourly trend, recent and overdue incidents, why
     * this level, and the section's flags.
     */
    Map<String, Object> page(SectionState s, int incidentLimit) {
        Map<String, Object> out = reference(s);
        out.put("status", status(s));
        out.put("hour", s.hour == null ? null : AvroJson.of(s.hour));
        out.put("day", s.day == null ? null : AvroJson.of(s.day));
        out.put("trend", trend(s));
        List<Object> recent = new ArrayList<>();
        Iterator<Incident> newestFirst = s.incidents.descendingIterator();
        while (newestFirst.hasNext() && recent.size() < incidentLimit) {
            recent.add(AvroJson.of(newestFirst.next()));
        }
        out.put("incidents", recent);
        PictureUpdate newest = s.pressure();
        out.put("overdue", newest == null ? List.of() : incidentsById(newest.getOverdueReportIds()));
        out.put("why", why(s));
        List<Object> sectionFlags = new ArrayList<>();
        state.flags.inSection(s.id, SECTION_FLAGS).forEach(e -> sectionFlags.add(RecordSummaries.flag(e)));
        out.put("flags", sectionFlags);
        return out;
    }

    /** What the reference data says of the section: its name, type, reference level and line on the map. */
    static Map<String, Object> reference(SectionState s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", s.id);
        SectionRecord r = s.reference;
        out.put("name", r == null ? s.id : r.name());
        out.put("type", r == null ? null : r.type().name());
        out.put("reference_level", r == null ? null : r.impactLevel().name());
        List<double[]> points = new ArrayList<>();
        if (r != null) {
            r.geometry().forEach(p -> points.add(new double[] {p.latitude(), p.longitude()}));
        }
        out.put("geometry", points);
        return out;
    }

    /**
     * What the map and the live stream show of the section: its level, whether its picture is fresh, and R11's
     * figures.
     */
    Map<String, Object> status(SectionState s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", s.id);
        ShownLevel.of(s, state.eventClock()).into(out);
        PictureUpdate p = s.pressure();
        String freshness;
        String note;
        if (p == null) {
            freshness = Freshness.UNKNOWN.name();
            note = "no picture yet";
        } else if (p.getFreshness() == Freshness.UNKNOWN) {
            freshness = Freshness.UNKNOWN.name();
            note = p.getLastDataTime() == null ? "no data" : "no data since " + p.getLastDataTime();
        } else if (state.settledPictureClock() != null
                && p.getWindowEnd().plus(staleAfter).isBefore(state.settledPictureClock())) {
            freshness = Freshness.UNKNOWN.name();
            note = "no picture since " + p.getWindowEnd();
        } else {
            freshness = Freshness.FRESH.name();
            note = null;
        }
        out.put("freshness", freshness);
        out.put("freshness_note", note);
        out.put("window_end", p == null ? null : p.getWindowEnd().toEpochMilli());
        out.put("pressure_events", p == null ? null : p.getPressureEvents());
        out.put("pressure_ratio", p == null ? null : p.getPressureRatio());
        out.put("pressure_ratio_threshold", p == null ? null : p.getPressureRatioThreshold());
        out.put("pressure_min_events", p == null ? null : p.getPressureMinEvents());
        out.put("review_suggested", p != null && p.getReviewSuggested());
        out.put("incidents_24h", s.day == null ? null : s.day.getIncidents());
        out.put("overdue_reports", p == null ? null : p.getOverdueReports());
        out.put("pending_flags", state.flags.pendingIn(s.id));
        return out;
    }

    private Map<String, Object> why(SectionState s) {
        Map<String, Object> out = new LinkedHashMap<>();
        ShownLevel.of(s, state.eventClock()).into(out);
        out.put(
                "reference_level",
                s.reference == null ? null : s.reference.impactLevel().name());
        SectionLevelChange change = s.latestChange();
        out.put("level_change", change == null ? null : RecordSummaries.levelChange(change));
        PictureUpdate p = s.pressure();
        out.put("view", p == null ? null : p.getView().name());
        out.put("window_start", p == null ? null : p.getWindowStart().toEpochMilli());
        out.put("window_end", p == null ? null : p.getWindowEnd().toEpochMilli());
        out.put("revision", p == null ? null : p.getRevision());
        out.put("pressure_events", p == null ? null : p.getPressureEvents());
        out.put("pressure_min_events", p == null ? null : p.getPressureMinEvents());
        out.put("baseline", p == null ? null : p.getBaseline());
        out.put("pressure_ratio", p == null ? null : p.getPressureRatio());
        out.put("pressure_ratio_threshold", p == null ? null : p.getPressureRatioThreshold());
        out.put("review_suggested", p != null && p.getReviewSuggested());
        out.put("contributing", p == null ? List.of() : incidentsById(p.getContributingIncidentIds()));
        return out;
    }

    private static Map<String, Object> trend(SectionState s) {
        int n = s.trend.size();
        long[] t = new long[n];
        long[] crossings = new long[n];
        long[] refusals = new long[n];
        long[] incidentCounts = new long[n];
        long[] pressure = new long[n];
        double[] baseline = new double[n];
        int i = 0;
        for (PictureUpdate p : s.trend.values()) {
            t[i] = p.getWindowStart().toEpochMilli();
            crossings[i] = p.getCrossings();
            refusals[i] = p.getRefusals();
            incidentCounts[i] = p.getIncidents();
            pressure[i] = p.getPressureEvents();
            baseline[i] = p.getBaseline();
            i++;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("window_start", t);
        out.put("crossings", crossings);
        out.put("refusals", refusals);
        out.put("incidents", incidentCounts);
        out.put("pressure_events", pressure);
        out.put("baseline", baseline);
        return out;
    }

    private List<Object> incidentsById(List<String> ids) {
        List<Object> out = new ArrayList<>(ids.size());
        for (String id : ids) {
            Incident incident = state.incidents.get(id);
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("incident_id", id);
            item.put("incident", incident == null ? null : AvroJson.of(incident));
            out.add(item);
        }
        return out;
    }
}
