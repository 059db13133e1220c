package eu.borderflow.tools.evaluate;

import eu.borderflow.rules.RuleIds;
import eu.borderflow.schema.FindingKind;
import eu.borderflow.schema.FlagStatus;
import eu.borderflow.schema.GroundTruthEntry;
import eu.borderflow.schema.GroundTruthKind;
import eu.borderflow.schema.RiskFlag;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Flags against ground truth, as docs/CONTRACTS.md "Evaluation" defines it, strictly:
 * <ul>
 *   <li>the highest revision of each flag_id stands, unless WITHDRAWN or RETROSPECTIVE;</li>
 *   <li>a standing flag on an EXPECTED_FLAG trigger (rule_id, trigger_event_id) with the same subject is a hit; the
 *       first such flag only: every further standing flag on that trigger, and every further RAISED record of one
 *       flag_id, is a false alarm (DUPLICATE);</li>
 *   <li>a flag raised (any revision but a withdrawal) before its trigger's {@code not_before} is a false alarm
 *       (PREMATURE) even if it was withdrawn later, and no hit;</li>
 *   <li>any other standing flag is a false alarm (NEAR_MISS, SUBJECT_MISMATCH, UNLISTED); an unmatched expectation
 *       is a miss.</li>
 * </ul>
 * Results come per rule, overall and per scenario family.
 */
public final class Evaluation {

    private record Trigger(String ruleId, String triggerEventId) {}

    /** Counts of one rule or family: hits, false alarms, misses. */
    private static final class Tally {
        int expected;
        int nearMisses;
        int tp;
        int fp;
        int fn;
    }

    private Evaluation() {}

    public static EvaluationReport evaluate(Iterable<GroundTruthEntry> truth, Iterable<RiskFlag> flags) {
        Map<Trigger, GroundTruthEntry> expected = new HashMap<>();
        Map<Trigger, GroundTruthEntry> listed = new HashMap<>();
        Map<String, Tally> families =
                new TreeMap<>(Comparator.comparing(Evaluation::familyRule).thenComparing(Comparator.naturalOrder()));
        for (GroundTruthEntry entry : truth) {
            Trigger trigger = new Trigger(entry.getRuleId(), entry.getTriggerEventId());
            listed.put(trigger, entry);
            Tally family = families.computeIfAbsent(family(entry), f -> new Tally());
            if (entry.getKind() == GroundTruthKind.EXPECTED_FLAG) {
                expected.put(trigger, entry);
                family.expected++;
            } else {
                family.nearMisses++;
            }
        }

        Map<String, List<RiskFlag>> byFlagId = new TreeMap<>();
        for (RiskFlag flag : flags) {
            byFlagId.computeIfAbsent(flag.getFlagId(), k -> new ArrayList<>()).add(flag);
        }
        Map<String, Tally> rules = new TreeMap<>(RuleIds.ORDER);
        List<FalseAlarm> falseAlarms = new ArrayList<>();
        Map<Trigger, Boolean> matched = new HashMap<>();
        for (Map.Entry<String, List<RiskFlag>> e : byFlagId.entrySet()) {
            List<RiskFlag> history = e.getValue();
            RiskFlag standing = history.get(0);
            for (RiskFlag f : history) {
                standing = f.getRevision() >= standing.getRevision() ? f : standing;
            }
            if (standing.getKind() == FindingKind.RETROSPECTIVE) {
                continue;
            }
            Trigger trigger = new Trigger(standing.getRuleId(), standing.getTriggerEventId());
            GroundTruthEntry entry = listed.get(trigger);
            String family = entry != null ? family(entry) : standing.getRuleId() + "/unlisted";
            Tally rule = rules.computeIfAbsent(standing.getRuleId(), r -> new Tally());
            Tally fam = families.computeIfAbsent(family, f -> new Tally());
            long raises = history.stream()
                    .filter(f -> f.getStatus() == FlagStatus.RAISED)
                    .count();
            for (long extra = 1; extra < raises; extra++) {
                alarm(falseAlarms, rule, fam, standing, FalseAlarm.Reason.DUPLICATE, family);
            }
            if (entry != null
                    && entry.getNotBefore() != null
                    && raisedEarly(history, entry.getNotBefore().toEpochMilli())) {
                alarm(falseAlarms, rule, fam, standing, FalseAlarm.Reason.PREMATURE, family);
                continue;
            }
            if (standing.getStatus() == FlagStatus.WITHDRAWN) {
                continue;
            }
            GroundTruthEntry hit = expected.get(trigger);
            if (hit != null && hit.getSubjectToken().equals(standing.getSubjectToken())) {
                if (matched.putIfAbsent(trigger, true) == null) {
                    rule.tp++;
                    fam.tp++;
                } else {
                    alarm(falseAlarms, rule, fam, standing, FalseAlarm.Reason.DUPLICATE, family);
                }
            } else {
                FalseAlarm.Reason reason = hit != null
                        ? FalseAlarm.Reason.SUBJECT_MISMATCH
                        : entry != null ? FalseAlarm.Reason.NEAR_MISS : FalseAlarm.Reason.UNLISTED;
                alarm(falseAlarms, rule, fam, standing, reason, family);
            }
        }
        List<Miss> misses = new ArrayList<>();
        for (Map.Entry<Trigger, GroundTruthEntry> e : expected.entrySet()) {
            if (!matched.containsKey(e.getKey())) {
                rules.computeIfAbsent(e.getKey().ruleId(), r -> new Tally()).fn++;
                families.get(family(e.getValue())).fn++;
                misses.add(new Miss(
                        e.getKey().ruleId(),
                        e.getKey().triggerEventId(),
                        e.getValue().getScenarioId(),
                        family(e.getValue())));
            }
        }
        misses.sort(Comparator.comparing(Miss::ruleId, RuleIds.ORDER).thenComparing(Miss::triggerEventId));
        falseAlarms.sort(Comparator.comparing(FalseAlarm::flagId).thenComparing(FalseAlarm::reason));

        List<RuleScore> scores = new ArrayList<>();
        RuleScore overall = new RuleScore(EvaluationReport.OVERALL, 0, 0, 0);
        for (Map.Entry<String, Tally> e : rules.entrySet()) {
            RuleScore score = new RuleScore(e.getKey(), e.getValue().tp, e.getValue().fp, e.getValue().fn);
            scores.add(score);
            overall = overall.plus(score);
        }
        List<FamilyScore> familyScores = new ArrayList<>();
        // A family only withdrawn flags of unlisted triggers touched has nothing to report.
        families.values().removeIf(t -> t.expected == 0 && t.nearMisses == 0 && t.tp == 0 && t.fp == 0 && t.fn == 0);
        families.forEach(
                (name, t) -> familyScores.add(new FamilyScore(name, t.expected, t.nearMisses, t.tp, t.fp, t.fn)));
        return new EvaluationReport(scores, overall, familyScores, misses, falseAlarms);
    }

    /** A revision other than a withdrawal raised before {@code notBefore} (event time); unknown times are not judged. */
    private static boolean raisedEarly(List<RiskFlag> history, long notBefore) {
        return history.stream()
                .anyMatch(f -> f.getStatus() != FlagStatus.WITHDRAWN
                        && f.getRaisedEventTime() != null
                        && f.getRaisedEventTime().toEpochMilli() < notBefore);
    }

    private static void alarm(
            List<FalseAlarm> alarms,
            Tally rule,
            Tally family,
            RiskFlag flag,
            FalseAlarm.Reason reason,
            String familyName) {
        rule.fp++;
        family.fp++;
        alarms.add(new FalseAlarm(flag.getFlagId(), flag.getRuleId(), flag.getTriggerEventId(), reason, familyName));
    }

    /** The entry's family; entries from before families existed count under {@code <rule>/planted}. */
    private static String family(GroundTruthEntry entry) {
        return entry.getFamily() == null || entry.getFamily().isEmpty()
                ? entry.getRuleId() + "/planted"
                : entry.getFamily();
    }

    /** Families of a rule first by the rule's number, background families after the rules. */
    private static int familyRule(String family) {
        int slash = family.indexOf('/');
        return RuleIds.number(slash < 0 ? family : family.substring(0, slash));
    }
}
