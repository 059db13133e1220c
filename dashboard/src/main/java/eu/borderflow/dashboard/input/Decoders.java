package eu.borderflow.dashboard.input;

import eu.borderflow.config.TopicNames;
import eu.borderflow.schema.FlagReview;
import eu.borderflow.schema.Incident;
import eu.borderflow.schema.PictureUpdate;
import eu.borderflow.schema.RiskFlag;
import eu.borderflow.schema.SectionLevelChange;
import eu.borderflow.schema.serde.SingleObjectSerde;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;

/**
 * The topics the dashboard reads and the record each holds (docs/CONTRACTS.md). It never reads the restricted
 * ingest topics (crossings, alerts, dead letters): it sees tokens, counts and flags, never identities.
 */
final class Decoders {

    private Decoders() {}

    /** Topic name to its decoder; one decoder per topic, for the input thread only. */
    static Map<String, SingleObjectSerde<? extends SpecificRecord>> of(TopicNames topics) {
        Map<String, SingleObjectSerde<? extends SpecificRecord>> out = new LinkedHashMap<>();
        out.put(topics.getPicture(), SingleObjectSerde.of(PictureUpdate.class));
        out.put(topics.getFlags(), SingleObjectSerde.of(RiskFlag.class));
        out.put(topics.getIncidents(), SingleObjectSerde.of(Incident.class));
        out.put(topics.getReviews(), SingleObjectSerde.of(FlagReview.class));
        out.put(topics.getSectionLevels(), SingleObjectSerde.of(SectionLevelChange.class));
        return out;
    }
}
