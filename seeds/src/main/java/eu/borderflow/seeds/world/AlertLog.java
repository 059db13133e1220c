package eu.borderflow.seeds.world;

import eu.borderflow.review.ReviewDates;
import eu.borderflow.schema.ActionOnHit;
import eu.borderflow.schema.AlertBasis;
import eu.borderflow.schema.AlertChange;
import eu.borderflow.schema.AlertChangeType;
import eu.borderflow.schema.AlertObject;
import eu.borderflow.schema.AlertPerson;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The life of one SIS alert as a changelog: every change carries the whole alert state after it; DELETE carries no
 * person or object part, so compaction erases the personal data. An alert not extended within its review period is
 * deleted at its end without a change in the log (the job and the ground truth apply the rule themselves), so no
 * change may follow.
 */
public final class AlertLog {

    private final List<AlertChange> sink;
    private AlertChange state;
    private final long createdAt;

    private AlertLog(List<AlertChange> sink, AlertChange first) {
        this.sink = sink;
        this.state = first;
        this.createdAt = first.getEventTime().toEpochMilli();
        sink.add(first);
    }

    /** CREATE at {@code millis}; the change goes to {@code sink}. */
    public static AlertLog create(
            List<AlertChange> sink,
            String alertId,
            long millis,
            AlertBasis basis,
            String issuingState,
            LocalDate validFrom,
            LocalDate reviewDate,
            AlertPerson person,
            AlertObject object) {
        AlertChange first = new AlertChange(
                alertId + "/v1",
                true,
                alertId,
                1,
                AlertChangeType.CREATE,
                Instant.ofEpochMilli(millis),
                basis,
                actionOnHit(basis),
                issuingState,
                issuingState + "-SIRENE",
                validFrom,
                reviewDate,
                new ArrayList<>(),
                person,
                object,
                null);
        return new AlertLog(sink, first);
    }

    public static ActionOnHit actionOnHit(AlertBasis basis) {
        return switch (basis) {
            case REFUSAL_1861_ART24 -> ActionOnHit.REFUSE_ENTRY;
            case RETURN_1860_ART3 -> ActionOnHit.CONFIRM_RETURN;
            case ARREST_1862_ART26 -> ActionOnHit.ARREST;
            case MISSING_1862_ART32 -> ActionOnHit.PROTECT;
            case JUDICIAL_1862_ART34 -> ActionOnHit.REPORT_RESIDENCE;
            case CHECK_1862_ART36 -> ActionOnHit.DISCREET_CHECK;
            case OBJECT_1862_ART38 -> ActionOnHit.SEIZE;
            case UNKNOWN_WANTED_1862_ART40 -> ActionOnHit.IDENTIFY;
        };
    }

    public String alertId() {
        return state.getAlertId();
    }

    /** When the alert was created, epoch millis. */
    public long createdAt() {
        return createdAt;
    }

    public LocalDate reviewDate() {
        return state.getReviewDate();
    }

    /** The end of the current review period: an alert not extended by then is deleted ({@link ReviewDates}). */
    public long expiresAt() {
        return ReviewDates.expiresAt(state.getReviewDate());
    }

    public AlertChange state() {
        return state;
    }

    /** UPDATE: {@code edit} changes a copy of the current state. */
    public void update(long millis, Consumer<AlertChange> edit) {
        AlertChange next = next(millis, AlertChangeType.UPDATE);
        edit.accept(next);
        emit(next);
    }

    /** EXTEND after a recorded assessment: a new review date. */
    public void extend(long millis, LocalDate reviewDate) {
        AlertChange next = next(millis, AlertChangeType.EXTEND);
        next.setReviewDate(reviewDate);
        emit(next);
    }

    public void flagAdd(long millis, String memberState) {
        AlertChange next = next(millis, AlertChangeType.FLAG_ADD);
        next.getFlaggedBy().add(memberState);
        emit(next);
    }

    public void flagRemove(long millis, String memberState) {
        AlertChange next = next(millis, AlertChangeType.FLAG_REMOVE);
        next.getFlaggedBy().remove(memberState);
        emit(next);
    }

    public void delete(long millis, String reason) {
        AlertChange next = next(millis, AlertChangeType.DELETE);
        next.setPerson(null);
        next.setObjectPart(null);
        next.setFlaggedBy(new ArrayList<>());
        next.setDeletionReason(reason);
        emit(next);
    }

    private AlertChange next(long millis, AlertChangeType type) {
        if (state.getChange() == AlertChangeType.DELETE) {
            throw new IllegalStateException("alert already deleted");
        }
        if (millis < state.getEventTime().toEpochMilli()) {
            throw new IllegalStateException("alert changes must move forward in time");
        }
        if (millis >= expiresAt()) {
            throw new IllegalStateException("alert " + alertId() + " was deleted at the end of its review period, "
                    + state.getReviewDate() + ": no change can follow");
        }
        AlertChange next = AlertChange.newBuilder(state).build();
        // The builder's deep copy makes Avro arrays, which cannot remove by value.
        next.setFlaggedBy(new ArrayList<>(next.getFlaggedBy()));
        int version = state.getVersion() + 1;
        next.setVersion(version);
        next.setChangeId(state.getAlertId() + "/v" + version);
        next.setChange(type);
        next.setEventTime(Instant.ofEpochMilli(millis));
        return next;
    }

    private void emit(AlertChange next) {
        state = next;
        sink.add(next);
    }
}
