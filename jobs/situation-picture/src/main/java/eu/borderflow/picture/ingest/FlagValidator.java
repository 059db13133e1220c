package eu.borderflow.picture.ingest;

import eu.borderflow.job.ingest.RecordValidator;
import eu.borderflow.job.ingest.Violation;
import eu.borderflow.schema.RiskFlag;

/** Rejects flags the picture cannot count: not synthetic, no id or rule, a section that is not in the table. */
public final class FlagValidator implements RecordValidator<RiskFlag> {

    private static final long serialVersionUID = 1L;

    private final KnownSections sections;

    public FlagValidator(KnownSections sections) {
        this.sections = sections;
    }

    @Override
    public Violation check(RiskFlag flag) {
        if (!flag.getSynthetic()) {
            return Violation.of(
                    "NOT_SYNTHETIC", "record is not marked synthetic; borderflow only carries generated data");
        }
        if (isBlank(flag.getFlagId()) || isBlank(flag.getRuleId())) {
            return Violation.of("MISSING_ID", "flag_id and rule_id are mandatory");
        }
        if (flag.getSectionId() != null && !sections.contains(flag.getSectionId())) {
            return Violation.of(
                    "UNKNOWN_SECTION", "section_id " + flag.getSectionId() + " is not in the section reference table");
        }
        return null;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
