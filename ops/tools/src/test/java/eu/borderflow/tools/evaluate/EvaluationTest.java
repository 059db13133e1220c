package eu.borderflow.tools.evaluate;

import static eu.borderflow.tools.testing.TestFlags.expected;
import static eu.borderflow.tools.testing.TestFlags.flag;
import static org.junit.jupiter.api.Assertions.assertEquals;

import eu.borderflow.schema.FindingKind;
import eu.borderflow.schema.FlagStatus;
import eu.borderflow.schema.GroundTruthEntry;
import eu.borderflow.schema.GroundTruthKind;
import eu.borderflow.schema.RiskFlag;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluationTest {

    static final List<GroundTruthEntry> TRUTH = List.of(
            expected("S1", "R3", "e1", "tA"),
            expected("S2", "R3", "e2", "tB"),
            expected("S3", "R1", "e3", "tC"),
            new GroundTruthEntry(
                    "S4", GroundTruthKind.NEAR_MISS, "R3", "tD", "e4", "stay of exactly 90 days", "R3/test", null),
            expected("S5", "R4", "e5", "tE"),
            expected("S6", "R10", "A1@2027-01-01#due", "tF"));

    static final List<RiskFlag> FLAGS = List.of(
            // revised: the highest revision counts and still matches
            flag("R3", "e1", 0, FlagStatus.RAISED, "tA"),
            flag("R3", "e1", 1, FlagStatus.REVISED, "tA"),
            // withdrawn: dropped, so the expectation is missed
            flag("R3", "e2", 0, FlagStatus.RAISED, "tB"),
            flag("R3", "e2", 1, FlagStatus.WITHDRAWN, "tB"),
            // right trigger, other subject: a false alarm and a miss
            flag("R1", "e3", 0, FlagStatus.RAISED, "tX"),
            // planted near miss: a false alarm
            flag("R3", "e4", 0, FlagStatus.RAISED, "tD"),
            // re-raised after a withdrawal, revisions out of order: the highest revision counts
            flag("R4", "e5", 2, FlagStatus.REVISED, "tE"),
            flag("R4", "e5", 1, FlagStatus.WITHDRAWN, "tE"),
            flag("R4", "e5", 0, FlagStatus.RAISED, "tE"),
            // retrospective findings are not scored
            RiskFlag.newBuilder(flag("R1", "e9", 0, FlagStatus.RAISED, "tR"))
                    .setKind(FindingKind.RETROSPECTIVE)
                    .build(),
            // a trigger the ground truth does not list
            flag("R7", "e8", 0, FlagStatus.RAISED, "tG"),
            flag("R10", "A1@2027-01-01#due", 0, FlagStatus.RAISED, "tF"));

    @Test
    void scoresFollowTheContract() {
        EvaluationReport report = Evaluation.evaluate(TRUTH, FLAGS);

        assertEquals(
                List.of(
                        new RuleScore("R1", 0, 1, 1),
                        new RuleScore("R3", 1, 1, 1),
                        new RuleScore("R4", 1, 0, 0),
                        new RuleScore("R7", 0, 1, 0),
                        new RuleScore("R10", 1, 0, 0)),
                report.rules());
        assertEquals(new RuleScore(EvaluationReport.OVERALL, 3, 3, 2), report.overall());
        assertEquals(0.5, report.overall().precision());
        assertEquals(0.6, report.overall().recall(), 1e-12);
    }

    @Test
    void listsMissesAndFalseAlarmsWithTheirReason() {
        EvaluationReport report = Evaluation.evaluate(TRUTH, FLAGS);

        assertEquals(
                List.of(new Miss("R1", "e3", "S3", "R1/test"), new Miss("R3", "e2", "S2", "R3/test")), report.misses());
        assertEquals(
                List.of(
                        new FalseAlarm("R1:e3", "R1", "e3", FalseAlarm.Reason.SUBJECT_MISMATCH, "R1/test"),
                        new FalseAlarm("R3:e4", "R3", "e4", FalseAlarm.Reason.NEAR_MISS, "R3/test"),
                        new FalseAlarm("R7:e8", "R7", "e8", FalseAlarm.Reason.UNLISTED, "R7/unlisted")),
                report.falseAlarms());
    }

    @Test
    void aSecondStandingFlagOnAFlaggedTriggerIsAFalseAlarm() {
        List<GroundTruthEntry> truth = List.of(expected("S1", "R3", "e1", "tA"));
        RiskFlag first = flag("R3", "e1", 0, FlagStatus.RAISED, "tA");
        RiskFlag otherId = RiskFlag.newBuilder(first).setFlagId("R3:e1#2").build();
        EvaluationReport twoIds = Evaluation.evaluate(truth, List.of(first, otherId));
        assertEquals(new RuleScore("R3", 1, 1, 0), twoIds.rules().get(0));
        assertEquals(FalseAlarm.Reason.DUPLICATE, twoIds.falseAlarms().get(0).reason());
        // The same flag raised twice (not revised): one hit, one false alarm.
        EvaluationReport raisedTwice = Evaluation.evaluate(truth, List.of(first, first));
        assertEquals(new RuleScore("R3", 1, 1, 0), raisedTwice.rules().get(0));
    }

    @Test
    void aFlagRaisedBeforeItsDeadlineIsAFalseAlarmEvenIfWithdrawn() {
        Instant deadline = Instant.parse("2026-03-05T22:00:00Z");
        GroundTruthEntry timelyExit = new GroundTruthEntry(
                "S1",
                GroundTruthKind.NEAR_MISS,
                "R4",
                "tA",
                "e1",
                "exit uploaded late within the grace",
                "R4/upload-within-grace",
                deadline);
        GroundTruthEntry noExit = new GroundTruthEntry(
                "S2", GroundTruthKind.EXPECTED_FLAG, "R4", "tB", "e2", "no exit", "R4/no-exit", deadline);
        RiskFlag early = raisedAt(flag("R4", "e1", 0, FlagStatus.RAISED, "tA"), deadline.minusSeconds(60));
        RiskFlag withdrawn = raisedAt(flag("R4", "e1", 1, FlagStatus.WITHDRAWN, "tA"), deadline.plusSeconds(60));
        RiskFlag expectedEarly = raisedAt(flag("R4", "e2", 0, FlagStatus.RAISED, "tB"), deadline.minusSeconds(1));
        EvaluationReport report =
                Evaluation.evaluate(List.of(timelyExit, noExit), List.of(early, withdrawn, expectedEarly));
        assertEquals(new RuleScore("R4", 0, 2, 1), report.rules().get(0));
        assertEquals(
                List.of(FalseAlarm.Reason.PREMATURE, FalseAlarm.Reason.PREMATURE),
                report.falseAlarms().stream().map(FalseAlarm::reason).toList());
        // Raised at the deadline and withdrawn after: not premature, not standing.
        EvaluationReport onTime = Evaluation.evaluate(
                List.of(timelyExit, noExit),
                List.of(
                        raisedAt(flag("R4", "e1", 0, FlagStatus.RAISED, "tA"), deadline),
                        raisedAt(flag("R4", "e1", 1, FlagStatus.WITHDRAWN, "tA"), deadline.plusSeconds(60)),
                        raisedAt(flag("R4", "e2", 0, FlagStatus.RAISED, "tB"), deadline)));
        assertEquals(new RuleScore("R4", 1, 0, 0), onTime.rules().get(0));
    }

    @Test
    void resultsComePerScenarioFamily() {
        EvaluationReport report = Evaluation.evaluate(TRUTH, FLAGS);
        FamilyScore r3 = report.families().stream()
                .filter(f -> f.family().equals("R3/test"))
                .findFirst()
                .orElseThrow();
        assertEquals(new FamilyScore("R3/test", 2, 1, 1, 1, 1), r3);
        assertEquals(
                List.of("R1/test", "R3/test", "R4/test", "R7/unlisted", "R10/test"),
                report.families().stream().map(FamilyScore::family).toList());
    }

    private static RiskFlag raisedAt(RiskFlag flag, Instant at) {
        return RiskFlag.newBuilder(flag).setRaisedEventTime(at).build();
    }

    @Test
    void thresholdsApplyToRulesWithExpectedFlagsAndOverall() {
        EvaluationReport report = Evaluation.evaluate(TRUTH, FLAGS);

        assertEquals(
                List.of("R1 precision 0.000 < 0.500", "R1 recall 0.000 < 0.600", "R3 recall 0.500 < 0.600"),
                report.shortfalls(0.5, 0.6));
        assertEquals(
                List.of("overall precision 0.167 < 0.600"),
                Evaluation.evaluate(TRUTH.subList(5, 6), FLAGS).shortfalls(0.6, 0.0));
        assertEquals(List.of(), report.shortfalls(0.0, 0.0));
    }

    @Test
    void ruleThatFlagsNothingHasNoFalseAlarmsAndMissesEverything() {
        RuleScore score =
                Evaluation.evaluate(TRUTH.subList(0, 1), List.of()).rules().get(0);
        assertEquals(new RuleScore("R3", 0, 0, 1), score);
        assertEquals(1.0, score.precision());
        assertEquals(0.0, score.recall());
    }
}
