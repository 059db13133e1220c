package eu.borderflow.picture.ingest;

import eu.borderflow.picture.window.SectionEvent;
import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.RefusalReason;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.MapFunction;

/**
 * A crossing as the picture counts it: the section of its BCP (from the BCP reference table, not the record), its
 * direction or refusal reasons, its event id and time. Nothing about the traveller goes further than this operator.
 */
public final class CrossingToSection implements MapFunction<BorderCrossing, SectionEvent> {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final HashMap<String, String> bcpSections;

    /** {@code bcpSections}: the section of every BCP the crossing validator accepts. */
    public CrossingToSection(String source, Map<String, String> bcpSections) {
        this.source = source;
        this.bcpSections = new HashMap<>(bcpSections);
    }

    @Override
    public SectionEvent map(BorderCrossing crossing) {
        List<String> reasons = new ArrayList<>(crossing.getRefusalReasons().size());
        for (RefusalReason reason : crossing.getRefusalReasons()) {
            reasons.add(reason.name());
        }
        return SectionEvent.crossing(
                source,
                bcpSections.get(crossing.getBcpCode()),
                crossing.getEventId(),
                crossing.getEventTime().toEpochMilli(),
                crossing.getKind(),
                reasons);
    }
}
