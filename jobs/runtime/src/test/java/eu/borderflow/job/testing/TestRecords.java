package eu.borderflow.job.testing;

import eu.borderflow.config.ConfigLoader;
import eu.borderflow.job.config.IngestSettings;
import eu.borderflow.job.ingest.AlertValidator;
import eu.borderflow.job.ingest.CrossingValidator;
import eu.borderflow.job.ingest.KnownBcps;
import eu.borderflow.job.ingest.RecordIngest;
import eu.borderflow.schema.ActionOnHit;
import eu.borderflow.schema.AlertBasis;
import eu.borderflow.schema.AlertChange;
import eu.borderflow.schema.AlertChangeType;
import eu.borderflow.schema.AlertObject;
import eu.borderflow.schema.Biometrics;
import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.BorderType;
import eu.borderflow.schema.CrossingKind;
import eu.borderflow.schema.DocumentRef;
import eu.borderflow.schema.DocumentType;
import eu.borderflow.schema.FingerprintStatus;
import eu.borderflow.schema.ObjectStatus;
import eu.borderflow.schema.RefusalReason;
import eu.borderflow.schema.Sex;
import eu.borderflow.schema.StayBasis;
import eu.borderflow.schema.TravelDocument;
import eu.borderflow.schema.TravellerIdentity;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

/** Small, valid synthetic records for tests; each test changes only what it is about. */
public final class TestRecords {

    /** Made-up BCP codes the tests declare known; the shipped reference table is not used here. */
    public static final KnownBcps BCPS = KnownBcps.of(Set.of("FRCDG", "FIHEL", "PLTER"));

    public static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    /** The job name the tests' ingest and operators put into their dead letters. */
    public static final String JOB = "test-job";
    /** The shipped ingest ranges and decoding caps (rules.yaml /ingest). */
    public static final IngestSettings INGEST = ConfigLoader.defaults()
            .bind("rules", "/ingest", IngestSettings.class)
            .check();

    /** The job's ingest of crossings with the test BCPs and the shipped ranges. */
    public static RecordIngest<BorderCrossing> crossingIngest() {
        return new RecordIngest<>(
                JOB,
                BorderCrossing.class,
                new CrossingValidator(BCPS, INGEST),
                c -> c.getEventTime().toEpochMilli(),
                BorderCrossing::getEventId,
                INGEST.decodeLimits());
    }

    /** The job's ingest of alert changes with the shipped ranges. */
    public static RecordIngest<AlertChange> alertIngest() {
        return new RecordIngest<>(
                JOB,
                AlertChange.class,
                new AlertValidator(INGEST),
                a -> a.getEventTime().toEpochMilli(),
                AlertChange::getChangeId,
                INGEST.decodeLimits());
    }

    private TestRecords() {}

    public static BorderCrossing.Builder crossing(String eventId, CrossingKind kind, Instant at) {
        LocalDate day = at.atOffset(ZoneOffset.UTC).toLocalDate();
        return BorderCrossing.newBuilder()
                .setEventId(eventId)
                .setSynthetic(true)
                .setKind(kind)
                .setEventTime(at)
                .setLocalDate(day)
                .setIngestTime(at)
                .setFallbackUpload(false)
                .setBcpCode("FRCDG")
                .setSectionId("FR-AIR-1")
                .setBorderType(BorderType.AIR)
                .setAuthority("FR-PAF")
                .setTraveller(new TravellerIdentity(
                        "F-" + eventId, "Testperson", "Alex", LocalDate.of(1990, 5, 17), "USA", Sex.X))
                .setDocument(new TravelDocument(DocumentType.PASSPORT, "P" + eventId, "USA", LocalDate.of(2031, 1, 1)))
                .setVisa(null)
                .setStayBasis(StayBasis.SHORT_STAY)
                .setBiometrics(new Biometrics("face-" + eventId, "fp-" + eventId, FingerprintStatus.CAPTURED, 0.97f))
                .setRefusalReasons(kind == CrossingKind.REFUSAL ? List.of(RefusalReason.C) : List.of())
                .setRetentionUntil(day.plusYears(3));
    }

    public static AlertChange.Builder objectAlert(String alertId, Instant at) {
        LocalDate day = at.atOffset(ZoneOffset.UTC).toLocalDate();
        return AlertChange.newBuilder()
                .setChangeId(alertId + "-v1")
                .setSynthetic(true)
                .setAlertId(alertId)
                .setVersion(1)
                .setChange(AlertChangeType.CREATE)
                .setEventTime(at)
                .setBasis(AlertBasis.OBJECT_1862_ART38)
                .setActionOnHit(ActionOnHit.SEIZE)
                .setIssuingState("FRA")
                .setAuthority("FR-SIRENE")
                .setValidFrom(day)
                .setReviewDate(day.plusYears(10))
                .setFlaggedBy(List.of())
                .setPerson(null)
                .setObjectPart(new AlertObject(
                        ObjectStatus.STOLEN, new DocumentRef(DocumentType.PASSPORT, "P-STOLEN-" + alertId, "USA")))
                .setDeletionReason(null);
    }
}
