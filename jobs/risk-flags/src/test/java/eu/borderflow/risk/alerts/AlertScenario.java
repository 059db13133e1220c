package eu.borderflow.risk.alerts;

import eu.borderflow.schema.ActionOnHit;
import eu.borderflow.schema.AlertBasis;
import eu.borderflow.schema.AlertChange;
import eu.borderflow.schema.AlertChangeType;
import eu.borderflow.schema.AlertObject;
import eu.borderflow.schema.AlertPerson;
import eu.borderflow.schema.Biometrics;
import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.BorderType;
import eu.borderflow.schema.CrossingKind;
import eu.borderflow.schema.DocumentRef;
import eu.borderflow.schema.DocumentType;
import eu.borderflow.schema.FingerprintStatus;
import eu.borderflow.schema.ObjectStatus;
import eu.borderflow.schema.Sex;
import eu.borderflow.schema.TravelDocument;
import eu.borderflow.schema.TravellerIdentity;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Synthetic crossings and alert changes for the alert-rule tests; every name and number is invented. */
final class AlertScenario {

    static final Instant DAY0 = Instant.parse("2026-03-02T08:00:00Z");
    static final String FINNISH_BCP = "FIN-VAALIMAA";
    static final String GREEK_BCP = "GRC-KIPI";

    private AlertScenario() {}

    static Instant at(Duration afterDay0) {
        return DAY0.plus(afterDay0);
    }

    static Instant hours(long h) {
        return DAY0.plus(Duration.ofHours(h));
    }

    static BorderCrossing crossing(
            String eventId,
            CrossingKind kind,
            Instant eventTime,
            String bcp,
            String surname,
            String givenNames,
            LocalDate born,
            String documentCountry,
            String documentNumber) {
        return BorderCrossing.newBuilder()
                .setEventId(eventId)
                .setKind(kind)
                .setEventTime(eventTime)
                .setLocalDate(LocalDate.ofInstant(eventTime, java.time.ZoneOffset.UTC))
                .setIngestTime(eventTime)
                .setBcpCode(bcp)
                .setSectionId(bcp.substring(0, 3) + "-LAND-1")
                .setBorderType(BorderType.LAND)
                .setAuthority(bcp.substring(0, 3) + " border guard")
                .setTraveller(new TravellerIdentity(
                        "file-" + eventId.substring(0, 2), surname, givenNames, born, "UKR", Sex.M))
                .setDocument(new TravelDocument(
                        DocumentType.PASSPORT, documentNumber, documentCountry, LocalDate.of(2030, 1, 1)))
                .setBiometrics(new Biometrics("face-1", null, FingerprintStatus.IN_VIS, 0.97f))
                .setRetentionUntil(LocalDate.of(2029, 3, 2))
                .build();
    }

    /** A traveller crossing with an unremarkable document. */
    static BorderCrossing traveller(
            String eventId,
            CrossingKind kind,
            Instant eventTime,
            String bcp,
            String surname,
            String givenNames,
            LocalDate born) {
        return crossing(eventId, kind, eventTime, bcp, surname, givenNames, born, "UKR", "FX1000001");
    }

    /** A document presented by an invented traveller. */
    static BorderCrossing document(String eventId, Instant eventTime, String bcp, String country, String number) {
        return crossing(
                eventId,
                CrossingKind.ENTRY,
                eventTime,
                bcp,
                "TESTER",
                "ANNA",
                LocalDate.of(1990, 5, 17),
                country,
                number);
    }

    static AlertChange.Builder change(
            String alertId, int version, AlertChangeType type, Instant eventTime, AlertBasis basis) {
        return AlertChange.newBuilder()
                .setChangeId(alertId + "-c" + version)
                .setAlertId(alertId)
                .setVersion(version)
                .setChange(type)
                .setEventTime(eventTime)
                .setBasis(basis)
                .setActionOnHit(ActionOnHit.SEIZE)
                .setIssuingState("DEU")
                .setAuthority("DEU SIRENE")
                .setValidFrom(LocalDate.of(2025, 1, 10))
                .setReviewDate(LocalDate.of(2028, 1, 10));
    }

    static AlertChange stolenDocument(
            String alertId,
            int version,
            AlertChangeType type,
            Instant eventTime,
            String country,
            String number,
            String... flaggedBy) {
        AlertChange.Builder change = change(alertId, version, type, eventTime, AlertBasis.OBJECT_1862_ART38)
                .setFlaggedBy(List.of(flaggedBy));
        if (type != AlertChangeType.DELETE) {
            change.setObjectPart(
                    new AlertObject(ObjectStatus.STOLEN, new DocumentRef(DocumentType.PASSPORT, number, country)));
        }
        return change.build();
    }

    static AlertChange personAlert(
            String alertId,
            int version,
            AlertChangeType type,
            Instant eventTime,
            AlertBasis basis,
            AlertPerson person,
            String... flaggedBy) {
        return change(alertId, version, type, eventTime, basis)
                .setFlaggedBy(List.of(flaggedBy))
                .setPerson(type == AlertChangeType.DELETE ? null : person)
                .build();
    }

    static AlertPerson person(String surname, String givenNames, String dateOfBirth, String... aliases) {
        return AlertPerson.newBuilder()
                .setSurname(surname)
                .setGivenNames(givenNames)
                .setAliases(List.of(aliases))
                .setDateOfBirth(dateOfBirth)
                .setSex(Sex.M)
                .build();
    }
}
