package eu.borderflow.risk.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import eu.borderflow.job.environment.DatasetFiles;
import eu.borderflow.schema.GroundTruthEntry;
import eu.borderflow.schema.RiskFlag;
import eu.borderflow.tools.evaluate.Evaluation;
import eu.borderflow.tools.evaluate.EvaluationInputs;
import eu.borderflow.tools.evaluate.EvaluationReport;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Performance work must not change a single flag: the bounded job's flags over the reference worlds equal, byte for
 * byte, those the job produced before any optimisation ({@code flag-reference.txt}, written by {@link FlagReference}
 * from the unoptimised job). The reference is not the truth: the flags are also scored against the generator's ground
 * truth, where the 45-day world must have no miss and no false alarm.
 */
class FlagReferenceTest {

    private static final Set<String> SCORED = Set.of("R1", "R2", "R3", "R4", "R5", "R6", "R7", "R8", "R9", "R10");

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(2)
            .build());

    @TempDir
    Path dir;

    @Test
    void flagsEqualThoseOfTheUnoptimisedJobAndTheGroundTruth() throws Exception {
        List<String> expected;
        try (InputStream in = FlagReferenceTest.class.getResourceAsStream("flag-reference.txt")) {
            assertNotNull(in, "flag-reference.txt");
            expected = Arrays.asList(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"));
        }
        List<String> actual = new ArrayList<>();
        for (int[] world : FlagReference.WORLDS) {
            actual.addAll(FlagReference.lines(world, dir));
        }
        assertEquals(expected, actual, "flags differ from the unoptimised job's");

        int[] first = FlagReference.WORLDS.get(0);
        Path data = dir.resolve("world-" + first[0]);
        List<GroundTruthEntry> truth = EvaluationInputs.groundTruth(data).stream()
                .filter(e -> SCORED.contains(e.getRuleId()))
                .toList();
        List<RiskFlag> flags =
                EvaluationInputs.flagFile(dir.resolve("out-" + first[0]).resolve(DatasetFiles.FLAGS));
        EvaluationReport report = Evaluation.evaluate(truth, flags);
        assertEquals(List.of(), report.misses());
        assertEquals(List.of(), report.falseAlarms());
    }
}
