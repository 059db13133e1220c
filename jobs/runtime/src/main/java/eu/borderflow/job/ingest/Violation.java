package eu.borderflow.job.ingest;

/**
 * Why a decoded record was rejected: a stable {@code VALIDATION_...} code and a reason that names fields and reference
 * codes only, never personal data.
 */
public record Violation(String code, String reason) {

    public static Violation of(String what, String reason) {
        return new Violation("VALIDATION_" + what, reason);
    }
}
