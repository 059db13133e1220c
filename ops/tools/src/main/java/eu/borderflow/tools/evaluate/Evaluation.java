package eu.borderflow.tools.evaluate;

import eu.borderflow.schema.FindingKind;
import eu.borderflow.schema.FlagStatus;
import eu.borderflow.schema.GroundTruthEntry;
import eu.borderflow.schema.GroundTruthKind;
import eu.borderflow.schema.RiskFlag;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Flags against ground truth, as docs/CONTRACTS.md "Evaluation" defines it: the highest revision of each flag_id
 * counts; WITHDRAWN and RETROSPECTIVE ones are dropped; the rest match EXPECTED_FLAG entries on (rule_id,
 * trigger_event_id) with the same subject token. Anything else is a false alarm; an unmatched expectation is a miss.
 */
public final class Evaluation {

    private record Trigger(String ruleId, String triggerEventId) {
    }

    private Evaluation() {
    }

    public static EvaluationReport evaluate(Iterable<GroundTruthEntry> truth, Iterable<RiskFlag> flags) {
        Map<Trigger, GroundTruthEntry> expected = new HashMap<>();
        Set<Trigger> nearMisses = new HashSet<>();
        for (GroundTruthEntry entry : truth) {
            Trigger trigger = new Trigger(entry.getRuleId(), entry.getTriggerEventId());
            if (entry.getKind() == GroundTruthKind.EXPECTED_FLAG) {
                expected.put(trigger, entry);
            } else {
                nearMisses.add(trigger);
            }
        }

        Map<String, int[]> counts = new TreeMap<>(Comparator.comparing(Evaluation::ruleOrder)
                .thenComparing(Comparator.naturalOrder()));
        Set<Trigger> matched = new HashSet<>();
        List<FalseAlarm> falseAlarms = new ArrayList<>();
        for (RiskFlag flag : standing(flags)) {
            Trigger trigger = new Trigger(flag.getRuleId(), flag.getTriggerEventId());
            GroundTruthEntry entry = expected.get(trigger);
            int[] ruleCounts = counts.computeIfAbsent(flag.getRuleId(), r -> new int[3]);
            if (entry != null && entry.getSubjectToken().equals(flag.getSubjectToken())) {
                matched.add(trigger);
                ruleCounts[0]++;
            } else {
                ruleCounts[1]++;
                FalseAlarm.Reason reason = entry != null ? FalseAlarm.Reason.SUBJECT_MISMATCH
                        : nearMisses.contains(trigger) ? FalseAlarm.Reason.NEAR_MISS : FalseAlarm.Reason.UNLISTED;
                falseAlarms.add(new FalseAlarm(flag.getFlagId(), flag.getRuleId(), flag.getTriggerEventId(), reason));
            }
        }
        List<Miss> misses = new ArrayList<>();
        for (Map.Entry<Trigger, GroundTruthEntry> e : expected.entrySet()) {
            if (!matched.contains(e.getKey())) {
                counts.computeIfAbsent(e.getKey().ruleId(), r -> new int[3])[2]++;
                misses.add(new Miss(e.getKey().ruleId(), e.getKey().triggerEventId(), e.getValue().getScenarioId()));
            }
        }
        misses.sort(Comparator.comparing(Miss::ruleId, Comparator.comparing(Evaluation::ruleOrder)
                .thenComparing(Comparator.naturalOrder())).thenComparing(Miss::triggerEventId));

        List<RuleScore> scores = new ArrayList<>();
        RuleScore overall = new RuleScore(EvaluationReport.OVERALL, 0, 0, 0);
        for (Map.Entry<String, int[]> e : counts.entrySet()) {
            RuleScore score = new RuleScore(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2]);
            scores.add(score);
            overall = overall.plus(score);
        }
        return new EvaluationReport(scores, overall, misses, falseAlarms);
    }

    /** The highest revision of every flag, unless withdrawn or retrospective; sorted by flag_id. */
    static List<RiskFlag> standing(Iterable<RiskFlag> flags) {
        Map<String, RiskFlag> latest = new TreeMap<>();
        for (RiskFlag flag : flags) {
            latest.merge(flag.getFlagId(), flag, (a, b) -> b.getRevision() > a.getRevision() ? b : a);
        }
        return latest.values().stream()
                .filter(f -> f.getStatus() != FlagStatus.WITHDRAWN && f.getKind() != FindingKind.RETROSPECTIVE)
                .toList();
    }

    /** R2 before R10: the number after the rule's letter, when there is one. */
    private static int ruleOrder(String ruleId) {
        String digits = ruleId.replaceAll("\\D", "");
        return digits.isEmpty() || digits.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(digits);
    }
}
