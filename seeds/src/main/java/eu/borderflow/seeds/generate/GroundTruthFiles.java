package eu.borderflow.seeds.generate;

import eu.borderflow.rules.RuleIds;
import eu.borderflow.schema.GroundTruthEntry;
import eu.borderflow.schema.serde.AvroFiles;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.avro.file.DataFileWriter;

/** Writes the ground truth as an Avro container file and as CSV for people; both in the same stable order. */
final class GroundTruthFiles {

    /** By rule number (R2 before R10), then scenario, trigger and kind. */
    static final Comparator<GroundTruthEntry> ORDER = Comparator.<GroundTruthEntry>comparingInt(
                    g -> RuleIds.number(g.getRuleId()))
            .thenComparing(GroundTruthEntry::getScenarioId)
            .thenComparing(GroundTruthEntry::getTriggerEventId)
            .thenComparing(GroundTruthEntry::getKind);

    private static final int CSV_BUFFER_CHARS = 1 << 16;

    private GroundTruthFiles() {}

    /** Writes both files in one pass over {@code entries}, handing each to {@code written} too; closes both streams. */
    static void write(
            Stream<GroundTruthEntry> entries,
            OutputStream avro,
            OutputStream csv,
            String syncSeed,
            Consumer<GroundTruthEntry> written)
            throws IOException {
        try (DataFileWriter<GroundTruthEntry> a = AvroFiles.create(GroundTruthEntry.class, avro, syncSeed);
                Writer c = new BufferedWriter(new OutputStreamWriter(csv, StandardCharsets.UTF_8), CSV_BUFFER_CHARS)) {
            c.write("scenario_id,kind,rule_id,subject_token,trigger_event_id,description,family,not_before\n");
            StringBuilder line = new StringBuilder(256);
            // Pushed, not pulled: a stream's iterator buffers each flatMapped part whole, millions of entries.
            entries.forEachOrdered(e -> {
                try {
                    a.append(e);
                    c.append(csvLine(line, e)).append('\n');
                } catch (IOException x) {
                    throw new UncheckedIOException(x);
                }
                written.accept(e);
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static StringBuilder csvLine(StringBuilder line, GroundTruthEntry e) {
        line.setLength(0);
        quote(line, e.getScenarioId())
                .append(',')
                .append(e.getKind().name())
                .append(',')
                .append(e.getRuleId())
                .append(',');
        quote(line, e.getSubjectToken()).append(',');
        quote(line, e.getTriggerEventId()).append(',');
        quote(line, e.getDescription()).append(',');
        quote(line, e.getFamily()).append(',');
        if (e.getNotBefore() != null) {
            line.append(e.getNotBefore());
        }
        return line;
    }

    /** {@code s} in double quotes, inner quotes doubled (RFC 4180). */
    private static StringBuilder quote(StringBuilder out, String s) {
        out.append('"');
        if (s.indexOf('"') < 0) {
            return out.append(s).append('"');
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            out.append(c);
            if (c == '"') {
                out.append('"');
            }
        }
        return out.append('"');
    }
}
