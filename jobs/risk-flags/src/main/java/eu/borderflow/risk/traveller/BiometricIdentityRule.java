package eu.borderflow.risk.traveller;

import eu.borderflow.privacy.Pseudonymiser;
import eu.borderflow.risk.RiskSettings;
import eu.borderflow.risk.flag.Flags;
import eu.borderflow.risk.rules.ConfiguredRule;
import eu.borderflow.risk.rules.RuleDescriptor;
import eu.borderflow.schema.Condition;
import eu.borderflow.schema.FindingKind;
import eu.borderflow.schema.RiskFlag;
import eu.borderflow.schema.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * R8, one document, two biometric identities: the first facial template seen with a document (and the first
 * captured fingerprint template) is its enrolled identity; a crossing presenting a different one is flagged, with the
 * crossing that enrolled what differs as evidence beside it. Templates are compared as digests of keyed tokens only.
 */
public final class BiometricIdentityRule extends ConfiguredRule<RuleSwitch> {

    private static final long serialVersionUID = 1L;

    public static final RuleDescriptor DESCRIPTOR = new RuleDescriptor(
            "R8",
            "1.0.0",
            FindingKind.RISK,
            Set.of(
                    "event_id",
                    "event_time",
                    "bcp_code",
                    "section_id",
                    "document.number",
                    "document.issuing_country",
                    "biometrics.facial_template_id",
                    "biometrics.fingerprint_template_id",
                    "biometrics.fingerprint_status",
                    "traveller.file_id",
                    "retention_until"));

    static final String ACTION = "Verify the traveller's identity against the document biometrically "
            + "(possible impostor or enrolment error) before any decision";

    public BiometricIdentityRule(RiskSettings config) {
        super(RuleSwitch.load(config, DESCRIPTOR.id()), DESCRIPTOR);
    }

    /**
     * Compares {@code crossing} with the enrolled identity and enrols what is still missing. The conditions are only
     * written out for a flag: most crossings match.
     */
    public Optional<RiskFlag> check(DocumentTrail trail, DocumentCrossing crossing, Pseudonymiser tokens) {
        Long face = crossing.getFacialDigest();
        Long enrolledFace = trail.getFacialDigest();
        Long fingerprint = crossing.getFingerprintDigest();
        Long enrolledFingerprint = trail.getFingerprintDigest();
        boolean faceDiffers = enrolledFace != null && !enrolledFace.equals(face);
        boolean fingerprintDiffers =
                fingerprint != null && enrolledFingerprint != null && !enrolledFingerprint.equals(fingerprint);
        if (enrolledFace == null) {
            trail.setFacialDigest(face);
            trail.setFacialEventId(crossing.getEventId());
        }
        if (fingerprint != null && enrolledFingerprint == null && !faceDiffers) {
            trail.setFingerprintDigest(fingerprint);
            trail.setFingerprintEventId(crossing.getEventId());
        }
        if (!faceDiffers && !fingerprintDiffers) {
            return Optional.empty();
        }
        List<Condition> conditions = new ArrayList<>();
        if (enrolledFace != null) {
            conditions.add(Flags.condition(
                    "facial template (token digest)",
                    TokenDigest.text(face),
                    "!=",
                    TokenDigest.text(enrolledFace),
                    faceDiffers));
        }
        if (fingerprint != null && enrolledFingerprint != null) {
            conditions.add(Flags.condition(
                    "fingerprint template (token digest)",
                    TokenDigest.text(fingerprint),
                    "!=",
                    TokenDigest.text(enrolledFingerprint),
                    fingerprintDiffers));
        }
        String which = faceDiffers && fingerprintDiffers
                ? "facial image and fingerprints differ"
                : faceDiffers ? "facial image differs" : "fingerprints differ";
        return Optional.of(Flags.raiseOn(descriptor, crossing, tokens)
                .assess(Severity.HIGH, ACTION)
                .explain(
                        "The biometric identity presented with this document does not match the one first "
                                + "enrolled with it: " + which + ".",
                        conditions,
                        evidence(trail, faceDiffers, fingerprintDiffers, crossing))
                .build());
    }

    /** The crossings that enrolled what differs (unknown for state of earlier builds), then this one. */
    private static List<String> evidence(
            DocumentTrail trail, boolean faceDiffers, boolean fingerprintDiffers, DocumentCrossing crossing) {
        List<String> evidence = new ArrayList<>(3);
        if (faceDiffers && trail.getFacialEventId() != null) {
            evidence.add(trail.getFacialEventId());
        }
        String fingerprintBy = trail.getFingerprintEventId();
        if (fingerprintDiffers && fingerprintBy != null && !evidence.contains(fingerprintBy)) {
            evidence.add(fingerprintBy);
        }
        evidence.add(crossing.getEventId());
        return evidence;
    }
}
