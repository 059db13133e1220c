package eu.borderflow.tools.testing;

import eu.borderflow.schema.FindingKind;
import eu.borderflow.schema.FlagStatus;
import eu.borderflow.schema.GroundTruthEntry;
import eu.borderflow.schema.GroundTruthKind;
import eu.borderflow.schema.RiskFlag;
import eu.borderflow.schema.Severity;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Flags and ground-truth entries for the evaluation's tests, every field the contract requires set. */
public final class TestFlags {

    private TestFlags() {}

    /** A revision of the flag of {@code rule} on the crossing {@code trigger}, about the subject {@code token}. */
    public static RiskFlag flag(String rule, String trigger, int revision, FlagStatus status, String token) {
        return RiskFlag.newBuilder()
                .setFlagId(rule + ":" + trigger)
                .setRevision(revision)
                .setStatus(status)
                .setSynthetic(true)
                .setRuleId(rule)
                .setRuleVersion("1.0.0")
                .setKind(FindingKind.RISK)
                .setSeverity(Severity.MEDIUM)
                .setRecommendedAction("review")
                .setExplanation("test")
                .setConditions(List.of())
                .setEvidenceIds(List.of(trigger))
                .setSubjectToken(token)
                .setTokenKeyId("test")
                .setTriggerEventId(trigger)
                .setEventTime(Instant.parse("2026-03-02T10:00:00Z"))
                .setBcpCode(null)
                .setSectionId(null)
                .setRequiresHumanReview(true)
                .setRetentionUntil(LocalDate.of(2029, 3, 2))
                .build();
    }

    /** A flag the ground truth expects of {@code rule} on {@code trigger}. */
    public static GroundTruthEntry expected(String scenario, String rule, String trigger, String token) {
        return new GroundTruthEntry(
                scenario, GroundTruthKind.EXPECTED_FLAG, rule, token, trigger, "planted", rule + "/test", null);
    }

    /** A near miss of {@code rule} planted on {@code trigger}: a flag on it is a false alarm. */
    public static GroundTruthEntry nearMiss(String scenario, String rule, String trigger, String token) {
        return new GroundTruthEntry(
                scenario, GroundTruthKind.NEAR_MISS, rule, token, trigger, "near miss", rule + "/test", null);
    }
}
