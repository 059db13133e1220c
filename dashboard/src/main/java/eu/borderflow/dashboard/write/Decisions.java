package eu.borderflow.dashboard.write;

import eu.borderflow.dashboard.auth.Session;
import eu.borderflow.dashboard.metrics.DashboardMetrics;
import eu.borderflow.dashboard.view.SituationView;
import eu.borderflow.schema.AuditAction;
import eu.borderflow.schema.AuditRecord;
import eu.borderflow.schema.FlagReview;
import eu.borderflow.schema.FlagStatus;
import eu.borderflow.schema.ReviewDecision;
import eu.borderflow.schema.RiskFlag;
import eu.borderflow.schema.SectionImpactLevel;
import eu.borderflow.schema.SectionLevelChange;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What people do on the dashboard, checked and recorded: a flag-detail view (audited before anything is shown), a
 * review (a {@link FlagReview} with its audit record) and a supervisor's change of a section's attributed level (a
 * {@link SectionLevelChange} with its audit record). Records name the person by a pseudonymous officer id only.
 */
public final class Decisions {

    /** Why a decision was refused: the HTTP status it maps to, and a message for the person. */
    public static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        private final int status;

        Refused(int status, String message) {
            super(message);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private static final int CONFLICT = 409;
    private static final int NOT_FOUND = 404;
    private static final int BAD_REQUEST = 400;
    private static final int FORBIDDEN = 403;
    private static final int UNAVAILABLE = 503;
    /** Flag revisions reviewed on this dashboard whose review has not come back from Kafka yet. */
    private static final int RECENT_REVIEWS = 10_000;

    private final DecisionLog log;
    private final SituationView view;
    private final DashboardMetrics metrics;
    private final Clock clock;
    private final String purpose;
    private final int maxReasonLength;
    private final Set<String> recentlyReviewed = Collections.newSetFromMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > RECENT_REVIEWS;
        }
    });

    public Decisions(
            DecisionLog log,
            SituationView view,
            DashboardMetrics metrics,
            Clock clock,
            String purpose,
            int maxReasonLength) {
        this.log = log;
        this.view = view;
        this.metrics = metrics;
        this.clock = clock;
        this.purpose = purpose;
        this.maxReasonLength = maxReasonLength;
    }

    public boolean takesDecisions() {
        return log.takesDecisions();
    }

    /** The flag's detail, after its view was audited; refused when the audit record cannot be written. */
    public Map<String, Object> viewFlag(Session session, String flagId) throws Refused {
        Map<String, Object> detail =
                view.flag(flagId).orElseThrow(() -> new Refused(NOT_FOUND, "no flag " + flagId + " on this dashboard"));
        write(
                () -> log.audit(audit(session, AuditAction.VIEW, List.of(flagId), "flag detail viewed")),
                "audit",
                AuditAction.VIEW);
        return detail;
    }

    public FlagReview review(Session session, String flagId, int revision, String decision, String reason)
            throws Refused {
        if (!session.role().mayReview()) {
            throw new Refused(FORBIDDEN, "only analysts and supervisors review flags");
        }
        ReviewDecision outcome = parse(ReviewDecision.class, decision, "decision");
        String why = reason(reason);
        RiskFlag latest = view.latestRevision(flagId);
        if (latest == null) {
            throw new Refused(NOT_FOUND, "no flag " + flagId + " on this dashboard");
        }
        if (latest.getRevision() != revision) {
            throw new Refused(
                    CONFLICT,
                    "the flag changed since you opened it (now revision " + latest.getRevision()
                            + "); look at it again before you review it");
        }
        if (latest.getStatus() == FlagStatus.WITHDRAWN) {
            throw new Refused(CONFLICT, "the flag was withdrawn by its rule; there is nothing to review");
        }
        String key = flagId + '#' + revision;
        synchronized (recentlyReviewed) {
            if (recentlyReviewed.contains(key) || view.isReviewed(flagId)) {
                throw new Refused(CONFLICT, "this revision of the flag has been reviewed already");
            }
            Instant now = clock.instant();
            FlagReview review = FlagReview.newBuilder()
                    .setReviewId(UUID.randomUUID().toString())
                    .setSynthetic(true)
                    .setFlagId(flagId)
                    .setFlagRevision(revision)
                    .setDecision(outcome)
                    .setReviewer(session.officerId())
                    .setRole(session.role().label())
                    .setReason(why)
                    .setDecidedAt(now)
                    .build();
            AuditRecord audit = audit(
                    session,
                    AuditAction.REVIEW,
                    List.of(flagId, review.getReviewId()),
                    outcome + " revision " + revision + " of " + latest.getRuleId() + " flag");
            write(() -> log.review(review, audit), "review", AuditAction.REVIEW);
            recentlyReviewed.add(key);
            metrics.review(outcome.name());
            return review;
        }
    }

    public SectionLevelChange changeLevel(
            Session session, String sectionId, String level, Long untilMillis, String reason) throws Refused {
        if (!session.role().mayChangeLevel()) {
            throw new Refused(FORBIDDEN, "only supervisors change a section's attributed level");
        }
        SectionImpactLevel to = parse(SectionImpactLevel.class, level, "level");
        String why = reason(reason);
        SectionImpactLevel from = view.shownLevel(sectionId);
        if (from == null) {
            throw new Refused(NOT_FOUND, "no border section " + sectionId);
        }
        Instant eventClock = view.eventClock();
        Instant changedAt = eventClock == null ? clock.instant() : eventClock;
        Instant until = untilMillis == null ? null : Instant.ofEpochMilli(untilMillis);
        if (to == SectionImpactLevel.CRITICAL && until == null) {
            throw new Refused(BAD_REQUEST, "a critical level is temporary: give its end (until)");
        }
        if (to != SectionImpactLevel.CRITICAL && until != null) {
            throw new Refused(BAD_REQUEST, "only a critical level has an end (until)");
        }
        if (until != null && !until.isAfter(changedAt)) {
            throw new Refused(BAD_REQUEST, "the end of a critical level must lie after " + changedAt);
        }
        SectionLevelChange change = SectionLevelChange.newBuilder()
                .setChangeId(UUID.randomUUID().toString())
                .setSynthetic(true)
                .setSectionId(sectionId)
                .setLevel(to)
                .setPreviousLevel(from)
                .setUntil(until)
                .setChangedBy(session.officerId())
                .setRole(session.role().label())
                .setReason(why)
                .setChangedAt(changedAt)
                .build();
        AuditRecord audit = audit(
                session,
                AuditAction.LEVEL_CHANGE,
                List.of(sectionId, change.getChangeId()),
                from + " -> " + to + (until == null ? "" : " until " + until));
        write(() -> log.levelChange(change, audit), "level change", AuditAction.LEVEL_CHANGE);
        metrics.levelChange();
        return change;
    }

    private AuditRecord audit(Session session, AuditAction action, List<String> ids, String detail) {
        return AuditRecord.newBuilder()
                .setAuditId(UUID.randomUUID().toString())
                .setSynthetic(true)
                .setAt(clock.instant())
                .setActor(session.officerId())
                .setRole(session.role().label())
                .setPurpose(purpose)
                .setAction(action)
                .setRecordIds(ids)
                .setDetail(detail)
                .build();
    }

    private interface Write {
        void run() throws WriteRefusedException;
    }

    private void write(Write write, String what, AuditAction action) throws Refused {
        try {
            write.run();
        } catch (WriteRefusedException e) {
            metrics.writeFailed(what);
            throw new Refused(e.readOnly() ? FORBIDDEN : UNAVAILABLE, e.getMessage());
        }
        metrics.audit(action.name());
    }

    private String reason(String reason) throws Refused {
        String cleaned =
                reason == null ? "" : reason.replaceAll("\\p{Cntrl}", " ").strip();
        if (cleaned.isEmpty()) {
            throw new Refused(BAD_REQUEST, "give a reason");
        }
        return cleaned.length() > maxReasonLength ? cleaned.substring(0, maxReasonLength) : cleaned;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String field) throws Refused {
        try {
            return Enum.valueOf(type, value == null ? "" : value);
        } catch (IllegalArgumentException e) {
            throw new Refused(BAD_REQUEST, field + " must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }
}
