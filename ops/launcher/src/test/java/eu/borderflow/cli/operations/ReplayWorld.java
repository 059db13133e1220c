package eu.borderflow.cli.operations;

import eu.borderflow.cli.Borderflow;
import eu.borderflow.config.ConfigLoader;
import eu.borderflow.schema.AuditRecord;
import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.CrossingKind;
import eu.borderflow.schema.GroundTruthEntry;
import eu.borderflow.schema.GroundTruthKind;
import eu.borderflow.schema.RiskFlag;
import eu.borderflow.schema.serde.AvroFiles;
import eu.borderflow.seeds.generate.GenerateOptions;
import eu.borderflow.seeds.generate.Generator;
import eu.borderflow.seeds.generate.Progress;
import eu.borderflow.tools.evaluate.EvaluationInputs;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.file.DataFileStream;
import org.apache.avro.specific.SpecificRecord;

/**
 * The generated world every operations test replays (seed 11, 3,000 travellers, 45 days: 10,325 records), and what
 * the job must write for it: the flags and audit records of a bounded run of the same job over the world's files.
 * The streaming job on the cluster writes exactly these once it has read everything (its R1-R10 flags also score
 * 1.000 against the generator's ground truth), so a test compares the committed output to them by content.
 */
final class ReplayWorld {

    /**
     * The pseudonymisation key of the operations tests: a job outside the local demo refuses the public demo key,
     * and the reference run must use the same key as the jobs on the cluster for their flags to be equal.
     */
    private static final String TEST_KEY = "borderflow-operations-test-key-not-for-real-data";

    static final String PRIVACY = "privacy.yaml";
    private static ReplayWorld shared;

    final Path dir;
    /** A configuration folder holding only privacy.yaml with the tests' key. */
    final Path config;

    final List<RiskFlag> expectedFlags;
    final List<AuditRecord> expectedAudit;
    final List<GroundTruthEntry> truth;
    final long records;

    private ReplayWorld(
            Path dir,
            Path config,
            List<RiskFlag> flags,
            List<AuditRecord> audit,
            List<GroundTruthEntry> truth,
            long records) {
        this.dir = dir;
        this.config = config;
        this.expectedFlags = flags;
        this.expectedAudit = audit;
        this.truth = truth;
        this.records = records;
    }

    static synchronized ReplayWorld get() {
        if (shared == null) {
            shared = create(LocalPlatform.ROOT.resolve(
                    "var/test-ops/world-" + ProcessHandle.current().pid()));
        }
        return shared;
    }

    private static ReplayWorld create(Path base) {
        Path world = base.resolve("world");
        Path bounded = base.resolve("bounded");
        Path config = base.resolve("config");
        try {
            Files.createDirectories(config);
            Files.writeString(config.resolve(PRIVACY), "token:\n  key: " + TEST_KEY + "\n  bytes: 16\n");
            // The ground truth's tokens with the jobs' key, so that evaluate matches them.
            Generator.run(
                    new GenerateOptions(11, 3000, 45, LocalDate.parse("2025-01-06"), world),
                    Progress.NONE,
                    ConfigLoader.from(config));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StringWriter out = new StringWriter();
        var cli = Borderflow.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(out));
        int code = cli.execute(
                "run", "risk", "--in", world.toString(), "--out", bounded.toString(), "--config", config.toString());
        if (code != 0) {
            throw new IllegalStateException("the bounded reference run failed (" + code + "): " + out);
        }
        long records = count(world.resolve("crossings.avro"), BorderCrossing.class)
                + count(world.resolve("alerts.avro"), eu.borderflow.schema.AlertChange.class)
                + count(world.resolve("incidents.avro"), eu.borderflow.schema.Incident.class);
        return new ReplayWorld(
                world,
                config,
                read(bounded.resolve("flags.avro"), RiskFlag.class),
                read(bounded.resolve("audit.avro"), AuditRecord.class),
                EvaluationInputs.groundTruth(world),
                records);
    }

    /** A planted overstay: its entry and the exit that reveals it, as positions in the replayed crossings. */
    record Overstay(String entryId, String exitId, int entryPosition, int exitPosition) {}

    /** Every planted R3 overstay of the world with the entry it follows, the widest gap between them first. */
    List<Overstay> overstays() {
        List<BorderCrossing> crossings = read(dir.resolve("crossings.avro"), BorderCrossing.class);
        Map<String, Integer> position = new HashMap<>();
        Map<String, BorderCrossing> byId = new HashMap<>();
        for (int i = 0; i < crossings.size(); i++) {
            position.putIfAbsent(crossings.get(i).getEventId(), i);
            byId.putIfAbsent(crossings.get(i).getEventId(), crossings.get(i));
        }
        List<Overstay> overstays = new ArrayList<>();
        for (GroundTruthEntry entry : truth) {
            if (!"R3".equals(entry.getRuleId()) || entry.getKind() != GroundTruthKind.EXPECTED_FLAG) {
                continue;
            }
            BorderCrossing exit = byId.get(entry.getTriggerEventId());
            if (exit == null) {
                continue;
            }
            crossings.stream()
                    .filter(c -> c.getKind() == CrossingKind.ENTRY
                            && c.getTraveller()
                                    .getFileId()
                                    .equals(exit.getTraveller().getFileId())
                            && c.getEventTime().isBefore(exit.getEventTime()))
                    .max(Comparator.comparing(BorderCrossing::getEventTime))
                    .ifPresent(e -> overstays.add(new Overstay(
                            e.getEventId(),
                            exit.getEventId(),
                            position.get(e.getEventId()),
                            position.get(exit.getEventId()))));
        }
        overstays.sort(Comparator.comparingInt((Overstay o) -> o.exitPosition() - o.entryPosition())
                .reversed());
        return overstays;
    }

    static <T extends SpecificRecord> List<T> read(Path file, Class<T> type) {
        List<T> records = new ArrayList<>();
        try (DataFileStream<T> in = AvroFiles.open(type, file)) {
            in.forEach(records::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return records;
    }

    private static <T extends SpecificRecord> long count(Path file, Class<T> type) {
        return Files.isRegularFile(file) ? read(file, type).size() : 0;
    }
}
