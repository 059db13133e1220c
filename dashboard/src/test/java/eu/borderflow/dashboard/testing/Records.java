package eu.borderflow.dashboard.testing;

import eu.borderflow.schema.Condition;
import eu.borderflow.schema.Confidence;
import eu.borderflow.schema.DetectionMeans;
import eu.borderflow.schema.FindingKind;
import eu.borderflow.schema.FlagReview;
import eu.borderflow.schema.FlagStatus;
import eu.borderflow.schema.Freshness;
import eu.borderflow.schema.Impact;
import eu.borderflow.schema.Incident;
import eu.borderflow.schema.IncidentCategory;
import eu.borderflow.schema.LevelSource;
import eu.borderflow.schema.PictureUpdate;
import eu.borderflow.schema.PictureView;
import eu.borderflow.schema.ReviewDecision;
import eu.borderflow.schema.RiskFlag;
import eu.borderflow.schema.SectionImpactLevel;
import eu.borderflow.schema.SectionLevelChange;
import eu.borderflow.schema.Severity;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Records as the jobs write them, for the dashboard's tests. */
public final class Records {

    public static final Instant T0 = Instant.parse("2025-01-06T00:00:00Z");

    private Records() {}

    public static RiskFlag flag(
            String rule, String trigger, int revision, FlagStatus status, Instant at, String section) {
        return RiskFlag.newBuilder()
                .setFlagId(rule + ":" + trigger)
                .setRevision(revision)
                .setStatus(status)
                .setSynthetic(true)
                .setRuleId(rule)
                .setRuleVersion("1.0.0")
                .setKind(FindingKind.RISK)
                .setSeverity(Severity.HIGH)
                .setRecommendedAction("Verify the document")
                .setExplanation("Document matches an active alert")
                .setConditions(List.of(new Condition("document_alert", "active", "=", "active", true)))
                .setEvidenceIds(List.of(trigger, "SIS-1@v1"))
                .setSubjectToken("demo-2026:F:token")
                .setTokenKeyId("demo-2026")
                .setTriggerEventId(trigger)
                .setEventTime(at)
                .setBcpCode("POL-L-KUZ")
                .setSectionId(section)
                .setRequiresHumanReview(true)
                .setRetentionUntil(LocalDate.parse("2028-01-01"))
                .build();
    }

    public static RiskFlag flag(String trigger, Instant at) {
        return flag("R1", trigger, 0, FlagStatus.RAISED, at, "LAND-POL-BLR");
    }

    public static Incident incident(String id, String section, Instant at) {
        return Incident.newBuilder()
                .setIncidentId(id)
                .setSynthetic(true)
                .setEventTime(at)
                .setReportedTime(at.plus(Duration.ofHours(1)))
                .setSectionId(section)
                .setReportingState("POL")
                .setCategory(IncidentCategory.UNAUTHORISED_CROSSING)
                .setSubcategory("attempt")
                .setImpact(Impact.MEDIUM)
                .setConfidence(Confidence.HIGH)
                .setPersons(4)
                .setDetection(DetectionMeans.PATROL)
                .setLatitude(53.1)
                .setLongitude(23.9)
                .build();
    }

    public static PictureUpdate picture(
            String section,
            PictureView view,
            Instant windowEnd,
            int revision,
            SectionImpactLevel level,
            Freshness freshness,
            long pressureEvents,
            double ratio,
            boolean suggested) {
        Duration length = view == PictureView.DAY ? Duration.ofDays(1) : Duration.ofHours(1);
        return PictureUpdate.newBuilder()
                .setSectionId(section)
                .setView(view)
                .setWindowStart(windowEnd.minus(length))
                .setWindowEnd(windowEnd)
                .setRevision(revision)
                .setSynthetic(true)
                .setAttributedLevel(level)
                .setAttributedLevelSource(LevelSource.REFERENCE)
                .setAttributedLevelUntil(null)
                .setFreshness(freshness)
                .setLastDataTime(windowEnd.minus(Duration.ofMinutes(5)))
                .setCrossings(120)
                .setCrossingsByDirection(Map.of("ENTRY", 70L, "EXIT", 50L))
                .setRefusals(3)
                .setRefusalsByReason(Map.of("C", 2L, "E", 1L))
                .setIncidents(pressureEvents)
                .setIncidentsByCategory(Map.of())
                .setIncidentsByImpact(Map.of())
                .setIncidentsByConfidence(Map.of())
                .setFlagsByRule(Map.of())
                .setFlagsPendingReview(0)
                .setOverdueReports(1)
                .setOverdueReportIds(List.of("I-late"))
                .setPressureEvents(pressureEvents)
                .setBaseline(ratio == 0 ? 0 : pressureEvents / ratio)
                .setPressureRatio(ratio)
                .setPressureRatioThreshold(3.0)
                .setPressureMinEvents(20)
                .setReviewSuggested(suggested)
                .setContributingIncidentIds(List.of("I-1"))
                .build();
    }

    public static FlagReview review(String flagId, int revision, ReviewDecision decision, Instant at) {
        return FlagReview.newBuilder()
                .setReviewId("review-" + flagId + "-" + revision + "-" + decision)
                .setSynthetic(true)
                .setFlagId(flagId)
                .setFlagRevision(revision)
                .setDecision(decision)
                .setReviewer("demo-2026:P:officer")
                .setRole("analyst")
                .setReason("checked")
                .setDecidedAt(at)
                .build();
    }

    public static SectionLevelChange levelChange(
            String section, SectionImpactLevel from, SectionImpactLevel to, Instant at, Instant until) {
        return SectionLevelChange.newBuilder()
                .setChangeId("change-" + section + "-" + at.toEpochMilli())
                .setSynthetic(true)
                .setSectionId(section)
                .setLevel(to)
                .setPreviousLevel(from)
                .setUntil(until)
                .setChangedBy("demo-2026:P:officer")
                .setRole("supervisor")
                .setReason("surge reported by the NCC")
                .setChangedAt(at)
                .build();
    }
}
