package eu.borderflow.picture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.borderflow.picture.testing.TestWorld;
import eu.borderflow.rules.SectionPressureRule;
import eu.borderflow.schema.GroundTruthEntry;
import eu.borderflow.schema.GroundTruthKind;
import eu.borderflow.schema.PictureUpdate;
import eu.borderflow.schema.PictureView;
import eu.borderflow.schema.RiskFlag;
import eu.borderflow.tools.evaluate.Evaluation;
import eu.borderflow.tools.evaluate.EvaluationInputs;
import eu.borderflow.tools.evaluate.EvaluationReport;
import eu.borderflow.tools.evaluate.RuleScore;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * R11 through the generator's ground truth: the usual test world (seed 11, 3,000 travellers, 45 days) through the
 * bounded picture job, then {@code evaluate --rules R11}. The planted surges must be flagged exactly at their
 * expected window ends and the near-misses (too few events; a ratio below 3) not at all, nor any other section.
 */
class PressureGroundTruthTest {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(2)
            .build());

    @Test
    void plantedSurgesAreFlaggedAndNearMissesAreNot() throws Exception {
        Path world = TestWorld.dataset();
        Path out = TestWorld.settledPicture((dataset, into) -> () -> {
            BoundedPicture.run(dataset, null, into);
            return null;
        });

        List<GroundTruthEntry> truth = EvaluationInputs.groundTruth(world).stream()
                .filter(e -> e.getRuleId().equals(SectionPressureRule.ID))
                .toList();
        assertTrue(truth.stream().anyMatch(e -> e.getKind() == GroundTruthKind.EXPECTED_FLAG), "surges planted");
        assertTrue(
                truth.stream()
                                .filter(e -> e.getKind() == GroundTruthKind.NEAR_MISS)
                                .count()
                        >= 2,
                "near-misses planted");
        List<RiskFlag> flags = BoundedPicture.flags(out);
        EvaluationReport report = Evaluation.evaluate(truth, flags);
        RuleScore r11 = report.rules().stream()
                .filter(s -> s.ruleId().equals("R11"))
                .findFirst()
                .orElseThrow();
        assertEquals(List.of(), report.misses());
        assertEquals(List.of(), report.falseAlarms());
        assertEquals(1.0, r11.precision());
        assertEquals(1.0, r11.recall());

        // The picture agrees with the flags: a review is suggested on the surge windows, never on a near-miss's.
        List<PictureUpdate> picture = BoundedPicture.picture(out);
        assertTrue(picture.stream().allMatch(p -> p.getRevision() == 0), "a bounded run publishes final windows");
        for (GroundTruthEntry entry : truth) {
            String section = entry.getTriggerEventId()
                    .substring(0, entry.getTriggerEventId().indexOf('@'));
            String end = entry.getTriggerEventId()
                    .substring(entry.getTriggerEventId().indexOf('@') + 1);
            PictureUpdate day = picture.stream()
                    .filter(p -> p.getSectionId().equals(section)
                            && p.getView() == PictureView.DAY
                            && p.getWindowEnd().toString().equals(end))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no DAY window for " + entry));
            assertEquals(entry.getKind() == GroundTruthKind.EXPECTED_FLAG, day.getReviewSuggested(), entry.toString());
        }
        Set<String> suggestedSections = picture.stream()
                .filter(PictureUpdate::getReviewSuggested)
                .map(PictureUpdate::getSectionId)
                .collect(Collectors.toSet());
        Set<String> surgeSections = truth.stream()
                .filter(e -> e.getKind() == GroundTruthKind.EXPECTED_FLAG)
                .map(GroundTruthEntry::getSubjectToken)
                .collect(Collectors.toSet());
        assertEquals(surgeSections, suggestedSections);
        assertFalse(flags.isEmpty());
    }
}
