package eu.borderflow.picture.output;

import eu.borderflow.schema.PictureUpdate;
import java.util.TreeMap;
import org.apache.flink.api.common.functions.MapFunction;

/**
 * Puts every map of a picture update in key order right before its sink (chained to it), so that Avro writes the
 * same window as the same bytes however the record travelled: a copy made on the way fills a hash map, whose order
 * depends on how it was filled.
 */
public final class MapsInKeyOrder implements MapFunction<PictureUpdate, PictureUpdate> {

    private static final long serialVersionUID = 1L;

    @Override
    public PictureUpdate map(PictureUpdate update) {
        return PictureUpdate.newBuilder(update)
                .setCrossingsByDirection(new TreeMap<>(update.getCrossingsByDirection()))
                .setRefusalsByReason(new TreeMap<>(update.getRefusalsByReason()))
                .setIncidentsByCategory(new TreeMap<>(update.getIncidentsByCategory()))
                .setIncidentsByImpact(new TreeMap<>(update.getIncidentsByImpact()))
                .setIncidentsByConfidence(new TreeMap<>(update.getIncidentsByConfidence()))
                .setFlagsByRule(new TreeMap<>(update.getFlagsByRule()))
                .build();
    }
}
