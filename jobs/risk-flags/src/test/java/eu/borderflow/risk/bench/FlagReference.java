package eu.borderflow.risk.bench;

import eu.borderflow.config.ConfigLoader;
import eu.borderflow.job.environment.DatasetFiles;
import eu.borderflow.job.environment.JobSetup;
import eu.borderflow.risk.RiskFlagJob;
import eu.borderflow.risk.RiskSettings;
import eu.borderflow.schema.RiskFlag;
import eu.borderflow.schema.serde.SingleObjectSerde;
import eu.borderflow.seeds.generate.GenerateOptions;
import eu.borderflow.seeds.generate.Generator;
import eu.borderflow.seeds.generate.Progress;
import eu.borderflow.tools.evaluate.EvaluationInputs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The flags of the bounded risk job (default rules, parallelism 2) over a generated world, one line per flag revision:
 * its id and revision and the SHA-256 of its whole Avro encoding, sorted; then one count per rule. A performance change
 * must leave these lines exactly as they are ({@code FlagReferenceTest}); the committed reference was computed from the
 * job as it was before any optimisation, and written anew when RiskFlag v2 added {@code raised_event_time} (the
 * optimised job's flags, projected onto RiskFlag v1, were first checked equal to the old reference line by line), and
 * again when R7 on a repeated entry or exit came to be raised when the fall-back window closes (its
 * {@code raised_event_time} 72 h after its trigger; every other field and flag checked unchanged), and when the
 * alert rules came to report an alert in force since the start of its unbroken run of versions (before, that depended
 * on whether the older version had been erased yet: only that condition's observed value changed), and when R2 and R9
 * came to block on the date of birth too (2026-12-06): two R2 flags matched an alias that an update had added, whose
 * name keys held that update alone, so they reported the alert in force since the update; the date key holds both
 * versions and they report its first (their lines recomputed with the update's time gave the old hashes), and when
 * R8 came to name the crossing that enrolled the identity in its evidence (2026-12-07: only R8 lines changed).
 * {@code main(outFile)} writes the reference anew (only after a change of the
 * rules or of the generator, never to make an optimisation pass).
 */
public final class FlagReference {

    /** The worlds of the reference: seed, travellers, days. */
    static final List<int[]> WORLDS = List.of(new int[] {11, 3000, 45}, new int[] {5, 1500, 200});

    static final String START = "2025-01-06";

    private FlagReference() {}

    /** Generates {@code world} under {@code dir} and returns its flag lines. */
    static List<String> lines(int[] world, Path dir) throws Exception {
        Path data = dir.resolve("world-" + world[0]);
        Path out = Files.createDirectories(dir.resolve("out-" + world[0]));
        Generator.run(new GenerateOptions(world[0], world[1], world[2], LocalDate.parse(START), data), Progress.NONE);
        run(data, out);
        List<String> lines = new ArrayList<>();
        lines.add(String.format("world seed=%d travellers=%d days=%d start=%s", world[0], world[1], world[2], START));
        lines.addAll(describe(EvaluationInputs.flagFile(out.resolve(DatasetFiles.FLAGS))));
        return lines;
    }

    static void run(Path data, Path out) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        JobSetup.configureTypes(env);
        RiskFlagJob.builder(RiskSettings.local(ConfigLoader.defaults()))
                .crossings(DatasetFiles.crossings(data), DatasetFiles.CROSSINGS)
                .alerts(DatasetFiles.alerts(data), DatasetFiles.ALERTS)
                .rules(RiskFlagJob.defaultRules())
                .flags(DatasetFiles.flags(out))
                .deadLetters(DatasetFiles.deadLetters(out))
                .audit(DatasetFiles.audit(out))
                .sinkParallelism(1)
                .build()
                .addTo(env);
        env.execute("flag reference");
    }

    /** One line per flag revision, sorted, then the count per rule. */
    static List<String> describe(List<RiskFlag> flags) throws NoSuchAlgorithmException {
        SingleObjectSerde<RiskFlag> serde = SingleObjectSerde.of(RiskFlag.class);
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        List<String> lines = new ArrayList<>();
        Map<String, Integer> perRule = new TreeMap<>();
        for (RiskFlag flag : flags) {
            lines.add(flag.getFlagId() + "#" + flag.getRevision() + " "
                    + HexFormat.of().formatHex(sha.digest(serde.encode(flag))));
            perRule.merge(flag.getRuleId(), 1, Integer::sum);
        }
        lines.sort(null);
        perRule.forEach((rule, count) -> lines.add("count " + rule + " " + count));
        return lines;
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("flag-reference-");
        List<String> all = new ArrayList<>();
        for (int[] world : WORLDS) {
            all.addAll(lines(world, dir));
        }
        Files.write(Path.of(args[0]), all);
        delete(dir);
    }

    static void delete(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        }
    }
}
