package eu.borderflow.seeds.generate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.borderflow.schema.GroundTruthEntry;
import eu.borderflow.schema.GroundTruthKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.codec.binary.Hex;
import org.apache.commons.codec.digest.DigestUtils;

/** {@code manifest.json}: the arguments, the days covered, record counts per file and per rule, file checksums. */
final class Manifest {

    static final String FILE = "manifest.json";
    /** Commons Codec reads a stream 1 KiB at a time: a crossings file of 200 MB would take 200,000 reads. */
    private static final int HASH_BUFFER_BYTES = 1 << 20;

    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final ObjectNode root = mapper.createObjectNode();

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

    void groundTruth(List<GroundTruthEntry> entries, Map<String, Integer> instances, List<String> skipped) {
        ObjectNode g = root.putObject("ground_truth");
        ObjectNode rules = g.putObject("rules");
        Map<String, long[]> counts = new HashMap<>();
        Map<String, long[]> families = new TreeMap<>();
        for (GroundTruthEntry e : entries) {
            int kind = e.getKind() == GroundTruthKind.EXPECTED_FLAG ? 0 : 1;
            counts.computeIfAbsent(e.getRuleId(), k -> new long[2])[kind]++;
            families.computeIfAbsent(e.getFamily(), k -> new long[2])[kind]++;
        }
        for (Map.Entry<String, Integer> rule : instances.entrySet()) {
            ObjectNode r = rules.putObject(rule.getKey());
            long[] n = counts.getOrDefault(rule.getKey(), new long[2]);
            r.put("scenario_instances", rule.getValue());
            r.put("expected_flags", n[0]);
            r.put("near_misses", n[1]);
        }
        ObjectNode byFamily = g.putObject("families");
        families.forEach((family, n) ->
                byFamily.putObject(family).put("expected_flags", n[0]).put("near_misses", n[1]));
        skipped.forEach(g.putArray("skipped")::add);
    }

    void checksums(Path dir, List<String> files) throws IOException {
        ObjectNode sums = root.putObject("sha256");
        byte[] buffer = new byte[HASH_BUFFER_BYTES];
        for (String f : files) {
            MessageDigest sha256 = DigestUtils.getSha256Digest();
            try (InputStream in = Files.newInputStream(dir.resolve(f))) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    sha256.update(buffer, 0, n);
                }
            }
            sums.put(f, Hex.encodeHexString(sha256.digest()));
        }
    }

    void write(Path dir) throws IOException {
        Files.writeString(dir.resolve(FILE), mapper.writeValueAsString(root) + "\n", StandardCharsets.UTF_8);
    }
}
