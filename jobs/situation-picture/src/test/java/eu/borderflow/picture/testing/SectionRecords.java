package eu.borderflow.picture.testing;

import eu.borderflow.schema.Confidence;
import eu.borderflow.schema.DetectionMeans;
import eu.borderflow.schema.FindingKind;
import eu.borderflow.schema.FlagStatus;
import eu.borderflow.schema.Impact;
import eu.borderflow.schema.Incident;
import eu.borderflow.schema.IncidentCategory;
import eu.borderflow.schema.RiskFlag;
import eu.borderflow.schema.Severity;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** TEST ONLY: the picture's inputs besides crossings, one per section, as small as their contracts allow. */
public final class SectionRecords {

    private SectionRecords() {}

    /** A patrol's detection of persons on Finland's border with Russia, reported half an hour after {@code at}. */
    public static Incident incident(String id, String section, boolean synthetic, Instant at) {
        return new Incident(
                id,
                synthetic,
                at,
                at.plus(Duration.ofMinutes(30)),
                section,
                "FIN",
                IncidentCategory.UNAUTHORISED_CROSSING,
                "detection of persons",
                Impact.MEDIUM,
                Confidence.HIGH,
                3,
                DetectionMeans.PATROL,
                61.0,
                28.5);
    }

    /** The first revision of a flag of {@code rule} raised at {@code at} on the crossing {@code trigger}. */
    public static RiskFlag flag(String flagId, String rule, String section, String trigger, Instant at) {
        return RiskFlag.newBuilder()
                .setFlagId(flagId)
                .setRevision(0)
                .setStatus(FlagStatus.RAISED)
                .setRuleId(rule)
                .setRuleVersion("1.0.0")
                .setKind(FindingKind.RISK)
                .setSeverity(Severity.HIGH)
                .setRecommendedAction("check")
                .setExplanation("test")
                .setConditions(List.of())
                .setEvidenceIds(List.of(trigger))
                .setSubjectToken("k:F:x")
                .setTokenKeyId("k")
                .setTriggerEventId(trigger)
                .setEventTime(at)
                .setSectionId(section)
                .setRetentionUntil(LocalDate.of(2029, 3, 2))
                .build();
    }
}
