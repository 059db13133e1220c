package eu.borderflow.risk.traveller;

import eu.borderflow.config.ConfigLoader;
import eu.borderflow.privacy.Pseudonymiser;
import eu.borderflow.privacy.PseudonymiserFactory;
import eu.borderflow.schema.Biometrics;
import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.CrossingKind;
import eu.borderflow.schema.DocumentType;
import eu.borderflow.schema.FingerprintStatus;
import eu.borderflow.schema.Sex;
import eu.borderflow.schema.StayBasis;
import eu.borderflow.schema.TravelDocument;
import eu.borderflow.schema.TravellerIdentity;
import eu.borderflow.schema.Visa;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.List;

/** Test crossings: a complete, valid record with the BCP's local time turned into event time by its zone. */
final class Crossings {

    static final ConfigLoader CONFIG = ConfigLoader.defaults();
    static final Pseudonymiser TOKENS = PseudonymiserFactory.fromConfig(CONFIG);
    static final BcpLocations BCPS = new ClasspathBcpLocations("/traveller/bcps-test.csv");

    private final BorderCrossing.Builder record;
    private String bcp = "DEU-A-FRA";
    private LocalDateTime localTime;

    private Crossings(CrossingKind kind, String eventId, String localTime) {
        this.localTime = LocalDateTime.parse(localTime);
        record = BorderCrossing.newBuilder()
                .setEventId(eventId)
                .setSynthetic(true)
                .setKind(kind)
                .setFallbackUpload(false)
                .setAuthority("test-authority")
                .setTraveller(
                        new TravellerIdentity("F-1", "Testperson", "Ana", LocalDate.parse("1980-05-05"), "SRB", Sex.F))
                .setDocument(
                        new TravelDocument(DocumentType.PASSPORT, "P1234567", "SRB", LocalDate.parse("2030-01-01")))
                .setVisa(null)
                .setStayBasis(StayBasis.SHORT_STAY)
                .setBiometrics(new Biometrics("face-1", "finger-1", FingerprintStatus.CAPTURED, 0.97f))
                .setRefusalReasons(List.of())
                .setRetentionUntil(LocalDate.parse("2029-01-01"));
    }

    static Crossings entry(String eventId, String localTime) {
        return new Crossings(CrossingKind.ENTRY, eventId, localTime);
    }

    static Crossings exit(String eventId, String localTime) {
        return new Crossings(CrossingKind.EXIT, eventId, localTime);
    }

    static Crossings refusal(String eventId, String localTime) {
        return new Crossings(CrossingKind.REFUSAL, eventId, localTime);
    }

    Crossings file(String fileId) {
        record.getTraveller().setFileId(fileId);
        return this;
    }

    Crossings at(String bcpCode) {
        bcp = bcpCode;
        return this;
    }

    Crossings document(String number, String expiry) {
        record.setDocument(new TravelDocument(DocumentType.PASSPORT, number, "SRB", LocalDate.parse(expiry)));
        return this;
    }

    Crossings visa(String sticker, int entries, int durationDays, String validFrom, String validUntil) {
        record.setVisa(
                new Visa(sticker, "C", entries, durationDays, LocalDate.parse(validFrom), LocalDate.parse(validUntil)));
        return this;
    }

    Crossings basis(StayBasis basis) {
        record.setStayBasis(basis);
        return this;
    }

    Crossings biometrics(String facial, String fingerprint) {
        record.setBiometrics(new Biometrics(
                facial,
                fingerprint,
                fingerprint == null ? FingerprintStatus.IN_VIS : FingerprintStatus.CAPTURED,
                0.97f));
        return this;
    }

    BorderCrossing build() {
        BcpLocation location = BCPS.find(bcp);
        ZonedDateTime at = localTime.atZone(location.zone());
        return record.setBcpCode(bcp)
                .setSectionId("S-" + bcp)
                .setBorderType(location.type())
                .setEventTime(at.toInstant())
                .setIngestTime(at.toInstant())
                .setLocalDate(localTime.toLocalDate())
                .build();
    }
}
