package eu.borderflow.cli;

import eu.borderflow.job.environment.DatasetFiles;
import eu.borderflow.rules.RuleIds;
import eu.borderflow.schema.AuditRecord;
import eu.borderflow.schema.DeadLetter;
import eu.borderflow.schema.FlagStatus;
import eu.borderflow.schema.RiskFlag;
import eu.borderflow.schema.serde.AvroFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.avro.file.DataFileStream;
import org.apache.avro.specific.SpecificRecord;

/** What a bounded run wrote: standing flags per rule (latest revision, withdrawn apart), dead letters, audit. */
record BoundedRunSummary(
        Map<String, int[]> flagsPerRule,
        Map<String, Integer> deadLettersPerReason,
        DamagedInputs damagedInputs,
        int auditRecords) {

    private static final int STANDING = 0;
    private static final int WITHDRAWN = 1;

    static BoundedRunSummary of(Path out) throws IOException {
        Map<String, RiskFlag> latest = new HashMap<>();
        read(
                RiskFlag.class,
                out.resolve(DatasetFiles.FLAGS),
                f -> latest.merge(f.getFlagId(), f, (a, b) -> b.getRevision() > a.getRevision() ? b : a));
        Map<String, int[]> perRule = new TreeMap<>(RuleIds.ORDER);
        for (RiskFlag flag : latest.values()) {
            perRule.computeIfAbsent(flag.getRuleId(), r -> new int[2])[
                    flag.getStatus() == FlagStatus.WITHDRAWN ? WITHDRAWN : STANDING]++;
        }
        Map<String, Integer> perReason = new TreeMap<>();
        DamagedInputs damaged = new DamagedInputs();
        read(DeadLetter.class, out.resolve(DatasetFiles.DEAD_LETTERS), d -> {
            perReason.merge(d.getReasonCode(), 1, Integer::sum);
            damaged.see(d);
        });
        List<AuditRecord> audit = new ArrayList<>();
        read(AuditRecord.class, out.resolve(DatasetFiles.AUDIT), audit::add);
        return new BoundedRunSummary(perRule, perReason, damaged, audit.size());
    }

    void print(PrintWriter console, Path out) {
        console.printf("%-6s %9s %10s%n", "rule", "flags", "withdrawn");
        flagsPerRule.forEach(
                (rule, counts) -> console.printf("%-6s %9d %10d%n", rule, counts[STANDING], counts[WITHDRAWN]));
        int deadLetters = deadLettersPerReason.values().stream()
                .mapToInt(Integer::intValue)
                .sum();
        console.println("dead letters: " + deadLetters + (deadLetters == 0 ? "" : " " + deadLettersPerReason));
        damagedInputs.print(console);
        console.println("audit records: " + auditRecords);
        console.println("written: " + out.resolve(DatasetFiles.FLAGS) + ", " + out.resolve(DatasetFiles.DEAD_LETTERS)
                + ", " + out.resolve(DatasetFiles.AUDIT));
        console.flush();
    }

    private static <T extends SpecificRecord> void read(Class<T> type, Path file, Consumer<T> each) throws IOException {
        try (DataFileStream<T> in = AvroFiles.open(type, file)) {
            in.forEach(each);
        }
    }
}
