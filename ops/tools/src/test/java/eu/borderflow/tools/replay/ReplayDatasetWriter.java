package eu.borderflow.tools.replay;

import eu.borderflow.schema.ActionOnHit;
import eu.borderflow.schema.AlertBasis;
import eu.borderflow.schema.AlertChange;
import eu.borderflow.schema.AlertChangeType;
import eu.borderflow.schema.AlertPerson;
import eu.borderflow.schema.Biometrics;
import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.BorderType;
import eu.borderflow.schema.Confidence;
import eu.borderflow.schema.CrossingKind;
import eu.borderflow.schema.DetectionMeans;
import eu.borderflow.schema.DocumentType;
import eu.borderflow.schema.FingerprintStatus;
import eu.borderflow.schema.Impact;
import eu.borderflow.schema.Incident;
import eu.borderflow.schema.IncidentCategory;
import eu.borderflow.schema.Sex;
import eu.borderflow.schema.StayBasis;
import eu.borderflow.schema.TravelDocument;
import eu.borderflow.schema.TravellerIdentity;
import eu.borderflow.schema.serde.AvroFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.avro.file.DataFileWriter;

/**
 * A small synthetic dataset in the layout replay reads, written in arrival order as the generator does (the real
 * generator lives elsewhere). Arrival times advance in whole seconds, so ties within and across files are common;
 * event times trail arrival (a few crossings by up to 72 h, a fall-back upload). Also the benchmark's data:
 * {@code main(dir, crossings, alerts, incidents)}.
 */
public final class ReplayDatasetWriter {

    static final Instant START = Instant.parse("2026-03-02T00:00:00Z");
    private static final long MAX_STEP_SECONDS = 3;
    private static final long FALLBACK_MAX_SECONDS = 72 * 3600;
    private static final int TRAVELLERS = 5_000;
    private static final int SECTIONS = 12;
    private static final String[] BCPS = {"DEU-FRA-AIR", "FIN-VAA-LAND", "GRC-PIR-SEA", "ESP-ALG-SEA", "POL-TER-LAND"};

    private final SplittableRandom random;

    public ReplayDatasetWriter(long seed) {
        this.random = new SplittableRandom(seed);
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir);
        new ReplayDatasetWriter(1)
                .write(dir, Integer.parseInt(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
    }

    public void write(Path dir, int crossings, int alerts, int incidents) throws IOException {
        writeCrossings(dir.resolve("crossings.avro"), crossings);
        writeAlerts(dir.resolve("alerts.avro"), alerts);
        writeIncidents(dir.resolve("incidents.avro"), incidents);
    }

    private void writeCrossings(Path file, int count) throws IOException {
        try (DataFileWriter<BorderCrossing> out = AvroFiles.create(BorderCrossing.class, file, "crossings")) {
            Instant arrival = START;
            for (int i = 0; i < count; i++) {
                arrival = arrival.plusSeconds(random.nextLong(MAX_STEP_SECONDS));
                boolean fallback = random.nextInt(50) == 0;
                long delay = fallback ? random.nextLong(1, FALLBACK_MAX_SECONDS) : random.nextLong(5);
                out.append(crossing(i, arrival.minusSeconds(delay), arrival, fallback));
            }
        }
    }

    private BorderCrossing crossing(int i, Instant eventTime, Instant ingestTime, boolean fallback) {
        int traveller = random.nextInt(TRAVELLERS);
        LocalDate day = LocalDate.ofInstant(eventTime, ZoneOffset.UTC);
        return BorderCrossing.newBuilder()
                .setEventId(String.format("X-%09d", i))
                .setKind(i % 2 == 0 ? CrossingKind.ENTRY : CrossingKind.EXIT)
                .setEventTime(eventTime)
                .setLocalDate(day)
                .setIngestTime(ingestTime)
                .setFallbackUpload(fallback)
                .setBcpCode(BCPS[traveller % BCPS.length])
                .setSectionId("S" + traveller % SECTIONS)
                .setBorderType(BorderType.values()[traveller % BorderType.values().length])
                .setAuthority("Border Guard")
                .setTraveller(TravellerIdentity.newBuilder()
                        .setFileId(String.format("F-%07d", traveller))
                        .setSurname("Surname" + traveller)
                        .setGivenNames("Given" + traveller)
                        .setDateOfBirth(LocalDate.of(1960, 1, 1).plusDays(traveller))
                        .setNationality("USA")
                        .setSex(Sex.values()[traveller % Sex.values().length])
                        .build())
                .setDocument(TravelDocument.newBuilder()
                        .setType(DocumentType.PASSPORT)
                        .setNumber(String.format("P%08d", traveller))
                        .setIssuingCountry("USA")
                        .setExpiryDate(LocalDate.of(2030, 6, 30))
                        .build())
                .setVisa(null)
                .setStayBasis(StayBasis.SHORT_STAY)
                .setBiometrics(Biometrics.newBuilder()
                        .setFacialTemplateId("FT-" + traveller)
                        .setFingerprintTemplateId("FP-" + traveller)
                        .setFingerprintStatus(FingerprintStatus.CAPTURED)
                        .setVerificationScore(0.9f + random.nextInt(10) / 100f)
                        .build())
                .setRefusalReasons(List.of())
                .setRetentionUntil(day.plusYears(3))
                .build();
    }

    private void writeAlerts(Path file, int count) throws IOException {
        try (DataFileWriter<AlertChange> out = AvroFiles.create(AlertChange.class, file, "alerts")) {
            Instant time = START;
            for (int i = 0; i < count; i++) {
                time = time.plusSeconds(random.nextLong(MAX_STEP_SECONDS * 4));
                int alert = random.nextInt(Math.max(1, count / 3));
                LocalDate day = LocalDate.ofInstant(time, ZoneOffset.UTC);
                out.append(AlertChange.newBuilder()
                        .setChangeId(String.format("C-%09d", i))
                        .setAlertId(String.format("SIS-%06d", alert))
                        .setVersion(1 + i % 3)
                        .setChange(i % 3 == 0 ? AlertChangeType.CREATE : AlertChangeType.UPDATE)
                        .setEventTime(time)
                        .setBasis(AlertBasis.REFUSAL_1861_ART24)
                        .setActionOnHit(ActionOnHit.REFUSE_ENTRY)
                        .setIssuingState("FRA")
                        .setAuthority("SIRENE")
                        .setValidFrom(day)
                        .setReviewDate(day.plusYears(3))
                        .setFlaggedBy(List.of())
                        .setPerson(AlertPerson.newBuilder()
                                .setSurname("Wanted" + alert)
                                .setGivenNames("Person" + alert)
                                .setDateOfBirth("1980")
                                .setSex(Sex.M)
                                .build())
                        .setObjectPart(null)
                        .setDeletionReason(null)
                        .build());
            }
        }
    }

    private void writeIncidents(Path file, int count) throws IOException {
        try (DataFileWriter<Incident> out = AvroFiles.create(Incident.class, file, "incidents")) {
            Instant reported = START;
            for (int i = 0; i < count; i++) {
                reported = reported.plusSeconds(random.nextLong(MAX_STEP_SECONDS * 4));
                out.append(Incident.newBuilder()
                        .setIncidentId(String.format("I-%09d", i))
                        .setEventTime(reported.minusSeconds(random.nextLong(24 * 3600)))
                        .setReportedTime(reported)
                        .setSectionId("S" + random.nextInt(SECTIONS))
                        .setReportingState("GRC")
                        .setCategory(IncidentCategory.UNAUTHORISED_CROSSING)
                        .setSubcategory("boat")
                        .setImpact(Impact.MEDIUM)
                        .setConfidence(Confidence.HIGH)
                        .setPersons(random.nextInt(40))
                        .setDetection(DetectionMeans.PATROL)
                        .setLatitude(37.9 + random.nextDouble())
                        .setLongitude(23.6 + random.nextDouble())
                        .build());
            }
        }
    }
}
