package eu.borderflow.risk.alerts;

import eu.borderflow.job.ingest.AlertBirthDate;
import eu.borderflow.person.NameNormaliser;
import eu.borderflow.privacy.Pseudonymiser;
import eu.borderflow.review.ReviewDates;
import eu.borderflow.schema.AlertBasis;
import eu.borderflow.schema.AlertChange;
import eu.borderflow.schema.AlertChangeType;
import eu.borderflow.schema.AlertObject;
import eu.borderflow.schema.AlertPerson;
import java.util.ArrayList;
import java.util.List;

/** Turns an alert change into the compact version the joins keep, or null when the alert is not for that join. */
public final class AlertVersions {

    private AlertVersions() {}

    /** R1: Art. 38 alerts on a travel document, keyed by the document token. */
    public static AlertVersion document(AlertChange change, Pseudonymiser pseudonymiser) {
        AlertObject object = change.getObjectPart();
        if (change.getChange() == AlertChangeType.DELETE
                || object == null
                || change.getBasis() != AlertBasis.OBJECT_1862_ART38) {
            return null;
        }
        String key = DocumentKey.token(
                pseudonymiser,
                object.getDocument().getIssuingCountry(),
                object.getDocument().getNumber());
        AlertVersion version = common(change, key);
        version.setKeys(new String[] {key});
        version.setObjectStatus(object.getStatus());
        return version;
    }

    /** R2 and R9: person alerts of the bases those rules read, keyed by every blocking key of date of birth, name and aliases. */
    public static AlertVersion person(AlertChange change) {
        AlertPerson person = change.getPerson();
        if (change.getChange() == AlertChangeType.DELETE
                || person == null
                || !(PersonAlertRule.BASES.contains(change.getBasis()) || ReturnAlertRule.BASIS == change.getBasis())) {
            return null;
        }
        List<List<String>> variants = new ArrayList<>();
        List<String> name = new ArrayList<>(NameNormaliser.parts(person.getSurname()));
        name.addAll(NameNormaliser.parts(person.getGivenNames()));
        variants.add(name);
        for (String alias : person.getAliases()) {
            variants.add(NameNormaliser.parts(alias));
        }
        String[] names = new String[variants.size() * 2];
        for (int i = 0; i < variants.size(); i++) {
            names[2 * i] = NameNormaliser.ordered(variants.get(i));
            names[2 * i + 1] = NameNormaliser.sorted(variants.get(i));
        }
        // Validated at ingest; a partial date (year and month) is matched on its year, like a year-only one.
        AlertBirthDate birth = AlertBirthDate.parse(person.getDateOfBirth());
        String[] keys = BlockingKeys.ofAlert(birth);
        AlertVersion version = common(change, keys.length == 0 ? null : keys[0]);
        version.setKeys(keys);
        version.setNames(names);
        version.setBirthYear(birth.year());
        if (birth.full()) {
            version.setBirthMonth(birth.month());
            version.setBirthDay(birth.day());
        }
        return version;
    }

    private static AlertVersion common(AlertChange change, String key) {
        AlertVersion version = new AlertVersion();
        version.setKey(key);
        version.setAlertId(change.getAlertId());
        version.setVersion(change.getVersion());
        version.setSince(change.getEventTime().toEpochMilli());
        version.setExpiresAt(ReviewDates.expiresAt(change.getReviewDate()));
        version.setActive(true);
        version.setBasis(change.getBasis());
        version.setFlaggedBy(change.getFlaggedBy().toArray(new String[0]));
        return version;
    }
}
