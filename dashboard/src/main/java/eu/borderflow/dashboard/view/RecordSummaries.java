package eu.borderflow.dashboard.view;

import eu.borderflow.schema.FlagReview;
import eu.borderflow.schema.SectionLevelChange;
import java.util.List;
import java.util.Map;

/** Flags, reviews and level changes as lists and the live feed show them: a few of their contract's fields. */
final class RecordSummaries {

    /** A flag's fields in lists and the live feed; the rest (explanation, evidence) only in the audited detail. */
    private static final List<String> FLAG_SUMMARY = List.of(
            "flag_id",
            "revision",
            "status",
            "rule_id",
            "kind",
            "severity",
            "recommended_action",
            "event_time",
            "bcp_code",
            "section_id");

    private static final List<String> REVIEW_SUMMARY =
            List.of("review_id", "flag_id", "flag_revision", "decision", "role", "reason", "decided_at");
    private static final List<String> LEVEL_SUMMARY =
            List.of("change_id", "section_id", "level", "previous_level", "until", "role", "reason", "changed_at");

    private RecordSummaries() {}

    /** A flag's newest revision, whether it waits in the queue, and the decision on that revision. */
    static Map<String, Object> flag(FlagBook.Entry entry) {
        Map<String, Object> out = AvroJson.of(entry.latest(), FLAG_SUMMARY);
        out.put("pending", entry.pending);
        FlagReview decision = entry.decision();
        out.put("decision", decision == null ? null : decision.getDecision().name());
        return out;
    }

    static Map<String, Object> review(FlagReview review) {
        return AvroJson.of(review, REVIEW_SUMMARY);
    }

    static Map<String, Object> levelChange(SectionLevelChange change) {
        return AvroJson.of(change, LEVEL_SUMMARY);
    }
}
