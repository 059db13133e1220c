package eu.borderflow.dashboard.write;

import eu.borderflow.schema.AuditRecord;
import eu.borderflow.schema.FlagReview;
import eu.borderflow.schema.SectionLevelChange;

/**
 * Where the dashboard writes what people do: reviews and level changes, each with its audit record, and the audit
 * records of views. Each call is all or nothing: a review is never recorded without its audit record.
 */
public interface DecisionLog extends AutoCloseable {

    void review(FlagReview review, AuditRecord audit) throws WriteRefusedException;

    void levelChange(SectionLevelChange change, AuditRecord audit) throws WriteRefusedException;

    void audit(AuditRecord audit) throws WriteRefusedException;

    /** False for a bounded run's files: reviews and level changes are refused there. */
    boolean takesDecisions();

    @Override
    void close();
}
