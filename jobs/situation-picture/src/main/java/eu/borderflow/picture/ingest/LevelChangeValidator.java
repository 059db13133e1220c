package eu.borderflow.picture.ingest;

import eu.borderflow.job.ingest.RecordValidator;
import eu.borderflow.job.ingest.Violation;
import eu.borderflow.schema.SectionImpactLevel;
import eu.borderflow.schema.SectionLevelChange;

/**
 * Rejects level changes the picture must not pass on: not synthetic, no id, an unknown section, or an end that is not
 * that of a temporary CRITICAL level after the change.
 */
public final class LevelChangeValidator implements RecordValidator<SectionLevelChange> {

    private static final long serialVersionUID = 1L;

    private final KnownSections sections;

    public LevelChangeValidator(KnownSections sections) {
        this.sections = sections;
    }

    @Override
    public Violation check(SectionLevelChange change) {
        if (!change.getSynthetic()) {
            return Violation.of(
                    "NOT_SYNTHETIC", "record is not marked synthetic; borderflow only carries generated data");
        }
        if (change.getChangeId() == null || change.getChangeId().isBlank()) {
            return Violation.of("MISSING_ID", "change_id is mandatory");
        }
        if (!sections.contains(change.getSectionId())) {
            return Violation.of(
                    "UNKNOWN_SECTION",
                    "section_id " + change.getSectionId() + " is not in the section reference table");
        }
        if (change.getUntil() != null
                && (change.getLevel() != SectionImpactLevel.CRITICAL
                        || !change.getUntil().isAfter(change.getChangedAt()))) {
            return Violation.of(
                    "LEVEL_UNTIL", "until is only for a temporary CRITICAL level and must be after " + "changed_at");
        }
        return null;
    }
}
