package eu.borderflow.seeds.generate;

import eu.borderflow.schema.GroundTruthEntry;
import eu.borderflow.schema.serde.AvroFiles;
import org.apache.avro.file.DataFileWriter;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

/** Writes the ground truth as an Avro container file and as CSV for people; both in the same stable order. */
final class GroundTruthFiles {

    static final Comparator<GroundTruthEntry> ORDER = Comparator
            .comparingInt((GroundTruthEntry g) -> Integer.parseInt(g.getRuleId().substring(1)))
            .thenComparing(GroundTruthEntry::getScenarioId)
            .thenComparing(GroundTruthEntry::getTriggerEventId)
            .thenComparing(g -> g.getKind().name());

    private GroundTruthFiles() {
    }

    static void write(List<GroundTruthEntry> entries, Path avro, Path csv, String syncSeed) throws IOException {
        try (DataFileWriter<GroundTruthEntry> w = AvroFiles.create(GroundTruthEntry.class, avro, syncSeed)) {
            for (GroundTruthEntry e : entries) {
                w.append(e);
            }
        }
        try (Writer w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            w.write("scenario_id,kind,rule_id,subject_token,trigger_event_id,description,family,not_before\n");
            for (GroundTruthEntry e : entries) {
                w.write(String.join(",", quote(e.getScenarioId()), e.getKind().name(), e.getRuleId(),
                        quote(e.getSubjectToken()), quote(e.getTriggerEventId()), quote(e.getDescription()),
                        quote(e.getFamily()), e.getNotBefore() == null ? "" : e.getNotBefore().toString()));
                w.write('\n');
            }
        }
    }

    private static String quote(String s) {
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
