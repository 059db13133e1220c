package eu.borderflow.seeds.generate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.borderflow.dataset.DatasetManifest;
import eu.borderflow.schema.GroundTruthEntry;
import eu.borderflow.schema.GroundTruthKind;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@code manifest.json}: the arguments, the days covered, record counts per file and per rule, file checksums. */
final class Manifest {

    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final ObjectNode root = mapper.createObjectNode();
    private final Map<String, String> sums = new HashMap<>();
    /** Expected flags and near-misses, per rule and per family. */
    private final Map<String, long[]> truthByRule = new HashMap<>();

    private final Map<String, long[]> truthByFamily = new TreeMap<>();
    private long truthEntries;

    Manifest(GenerateOptions o) {
        root.put("generator", "borderflow-seeds");
        root.put("synthetic", true);
        ObjectNode args = root.putObject("arguments");
        args.put("seed", o.seed());
        args.put("travellers", o.travellers());
        args.put("days", o.days());
        args.put("start", o.start().toString());
    }

    ObjectNode root() {
        return root;
    }

    void period(String firstDay, String lastDay, String firstEventDay, String lastEventDay) {
        ObjectNode p = root.putObject("period");
        p.put("first_day", firstDay);
        p.put("last_day", lastDay);
        p.put("first_event_day", firstEventDay);
        p.put("last_event_day", lastEventDay);
    }

    void counts(Map<String, Long> perFile) {
        ObjectNode c = root.putObject("records");
        perFile.forEach(c::put);
    }

    /** Counts a ground-truth entry for {@link #groundTruth}. */
    void countTruth(GroundTruthEntry e) {
        int kind = e.getKind() == GroundTruthKind.EXPECTED_FLAG ? 0 : 1;
        truthByRule.computeIfAbsent(e.getRuleId(), k -> new long[2])[kind]++;
        truthByFamily.computeIfAbsent(e.getFamily(), k -> new long[2])[kind]++;
        truthEntries++;
    }

    /** The number of ground-truth entries counted. */
    long truthEntries() {
        return truthEntries;
    }

    /** The ground truth's counts per rule and family, from the entries counted. */
    void groundTruth(Map<String, Integer> instances, List<String> skipped) {
        ObjectNode g = root.putObject("ground_truth");
        ObjectNode rules = g.putObject("rules");
        for (Map.Entry<String, Integer> rule : instances.entrySet()) {
            ObjectNode r = rules.putObject(rule.getKey());
            long[] n = truthByRule.getOrDefault(rule.getKey(), new long[2]);
            r.put("scenario_instances", rule.getValue());
            r.put("expected_flags", n[0]);
            r.put("near_misses", n[1]);
        }
        ObjectNode byFamily = g.putObject("families");
        truthByFamily.forEach((family, n) ->
                byFamily.putObject(family).put("expected_flags", n[0]).put("near_misses", n[1]));
        skipped.forEach(g.putArray("skipped")::add);
    }

    /** A file of the dataset in {@code dir}, hashed for the manifest as it is written. */
    OutputStream output(Path dir, String file) throws IOException {
        return DatasetOutput.create(dir.resolve(file), hex -> sums.put(file, hex));
    }

    /** The checksums of {@code files}, in that order; each was written through {@link #output}. */
    void checksums(List<String> files) {
        ObjectNode out = root.putObject(DatasetManifest.SHA256);
        for (String f : files) {
            String sum = sums.get(f);
            if (sum == null) {
                throw new IllegalStateException(f + " was not written through the manifest");
            }
            out.put(f, sum);
        }
    }

    void write(Path dir) throws IOException {
        Files.writeString(
                dir.resolve(DatasetManifest.FILE), mapper.writeValueAsString(root) + "\n", StandardCharsets.UTF_8);
    }
}
