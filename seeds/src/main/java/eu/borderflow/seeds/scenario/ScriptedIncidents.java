package eu.borderflow.seeds.scenario;

import eu.borderflow.schema.Incident;
import eu.borderflow.seeds.world.IdFactory;
import eu.borderflow.seeds.world.IncidentFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The incidents scenarios plant, on sections they reserve so background incidents leave their counts as planned. */
public final class ScriptedIncidents {

    private final IncidentFactory factory;
    private final List<Incident> made = new ArrayList<>();
    private final Set<String> reservedSections = new TreeSet<>();

    ScriptedIncidents(IdFactory ids) {
        this.factory = new IncidentFactory(ids);
    }

    public IncidentFactory factory() {
        return factory;
    }

    public void reserveSection(String sectionId) {
        reservedSections.add(sectionId);
    }

    public void add(Incident incident) {
        made.add(incident);
    }

    /** Every incident planted so far, in the order made. */
    public List<Incident> all() {
        return made;
    }

    /** The sections the background leaves without incidents of its own. */
    public Set<String> reservedSections() {
        return reservedSections;
    }
}
