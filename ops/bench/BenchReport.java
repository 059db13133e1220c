import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.File;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads JMH JSON results and prints every benchmark as a ratio to the baseline measured in the same run: in each
 * benchmark class (and parameter set) the methods named baseline* or literal* are the baseline.
 * Ratios above 1 mean faster than the baseline.
 */
public final class BenchReport {

    public static void main(String[] args) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        for (String file : args) {
            Map<String, List<JsonNode>> groups = new LinkedHashMap<>();
            for (JsonNode result : mapper.readTree(new File(file))) {
                String name = result.get("benchmark").asText();
                String cls = name.substring(0, name.lastIndexOf('.'));
                groups.computeIfAbsent(cls + params(result), k -> new ArrayList<>()).add(result);
            }
            for (Map.Entry<String, List<JsonNode>> group : groups.entrySet()) {
                JsonNode baseline = group.getValue().stream().filter(BenchReport::isBaseline).findFirst().orElse(null);
                System.out.println(group.getKey());
                for (JsonNode result : group.getValue()) {
                    String method = method(result);
                    JsonNode primary = result.get("primaryMetric");
                    String line = String.format(Locale.ROOT, "  %-36s %14.3f ± %.3f %s", method,
                            primary.get("score").asDouble(), primary.get("scoreError").asDouble(),
                            primary.get("scoreUnit").asText());
                    if (baseline != null && result != baseline) {
                        line += String.format(Locale.ROOT, "   x%.1f vs %s", ratio(result, baseline), method(baseline));
                    } else if (result == baseline) {
                        line += "   (baseline)";
                    }
                    System.out.println(line);
                }
            }
        }
    }

    private static boolean isBaseline(JsonNode result) {
        String method = method(result);
        return method.startsWith("baseline") || method.startsWith("literal");
    }

    private static String method(JsonNode result) {
        String name = result.get("benchmark").asText();
        return name.substring(name.lastIndexOf('.') + 1);
    }

    private static String params(JsonNode result) {
        JsonNode params = result.get("params");
        return params == null ? "" : " " + params;
    }

    /** How many times better than the baseline, for throughput (higher is better) and time modes alike. */
    private static double ratio(JsonNode result, JsonNode baseline) {
        double score = result.get("primaryMetric").get("score").asDouble();
        double base = baseline.get("primaryMetric").get("score").asDouble();
        return "thrpt".equals(result.get("mode").asText()) ? score / base : base / score;
    }
}
