package eu.borderflow.seeds.reference;

import com.fasterxml.jackson.databind.JsonNode;
import eu.borderflow.schema.BorderType;
import eu.borderflow.schema.RefusalReason;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The figures of {@code reference/calibration.yaml}, read once; every generator concern draws from these. */
public final class Calibration {

    private final JsonNode root;
    private final Map<BorderType, Double> borderTypeShare;
    private final Map<BorderType, Double> refusalSplit;
    private final Map<RefusalReason, Double> refusalReasons;
    private final List<TripLengthBucket> tripLengths;
    private final Map<String, double[]> hourly;
    private final double[] weekly;

    Calibration(JsonNode root) {
        this.root = root;
        this.borderTypeShare = borderTypeMap(root.at("/crossings/border_type_share"));
        this.refusalSplit = borderTypeMap(root.at("/refusals/border_type_split"));
        this.refusalReasons = new EnumMap<>(RefusalReason.class);
        root.at("/refusals/reasons")
                .fields()
                .forEachRemaining(e -> refusalReasons.put(
                        RefusalReason.valueOf(e.getKey()), e.getValue().asDouble()));
        this.tripLengths = new ArrayList<>();
        for (JsonNode b : root.at("/trip_length_days")) {
            tripLengths.add(new TripLengthBucket(
                    b.path("min").asInt(),
                    b.path("max").asInt(),
                    b.path("weight").asDouble()));
        }
        this.hourly = new LinkedHashMap<>();
        root.at("/hourly").fields().forEachRemaining(e -> hourly.put(e.getKey(), doubles(e.getValue(), 24)));
        this.weekly = doubles(root.at("/weekly"), 7);
    }

    public double number(String pointer) {
        JsonNode node = root.at(pointer);
        if (!node.isNumber()) {
            throw new IllegalStateException("calibration.yaml has no number at " + pointer);
        }
        return node.asDouble();
    }

    public int integer(String pointer) {
        return (int) number(pointer);
    }

    public Map<BorderType, Double> borderTypeShare() {
        return borderTypeShare;
    }

    public Map<BorderType, Double> refusalSplit() {
        return refusalSplit;
    }

    public Map<RefusalReason, Double> refusalReasons() {
        return refusalReasons;
    }

    public double refusalShareOfCrossings() {
        return number("/refusals/share_of_crossings");
    }

    public double visaRequiredShare() {
        return number("/crossings/visa_required_share");
    }

    public List<TripLengthBucket> tripLengths() {
        return tripLengths;
    }

    /** Local-hour weights for a curve name: AIR_ENTRY, AIR_EXIT, LAND, SEA. */
    public double[] hourly(String curve) {
        double[] w = hourly.get(curve);
        if (w == null) {
            throw new IllegalStateException("calibration.yaml has no hourly curve " + curve);
        }
        return w;
    }

    /** Day-of-week weights, Monday first. */
    public double[] weekly() {
        return weekly;
    }

    private static Map<BorderType, Double> borderTypeMap(JsonNode node) {
        Map<BorderType, Double> map = new EnumMap<>(BorderType.class);
        node.fields()
                .forEachRemaining(e ->
                        map.put(BorderType.valueOf(e.getKey()), e.getValue().asDouble()));
        if (map.size() != BorderType.values().length) {
            throw new IllegalStateException("calibration.yaml needs a value for every border type: " + node);
        }
        return map;
    }

    private static double[] doubles(JsonNode array, int expected) {
        if (!array.isArray() || array.size() != expected) {
            throw new IllegalStateException("calibration.yaml: expected " + expected + " numbers, got " + array);
        }
        double[] out = new double[expected];
        for (int i = 0; i < expected; i++) {
            out[i] = array.get(i).asDouble();
        }
        return out;
    }
}
