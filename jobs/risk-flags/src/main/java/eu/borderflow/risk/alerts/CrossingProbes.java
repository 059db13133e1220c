package eu.borderflow.risk.alerts;

import eu.borderflow.person.NameNormaliser;
import eu.borderflow.privacy.Pseudonymiser;
import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.TravellerIdentity;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Builds the probes of a crossing: one for the document join, one per blocking key for the person join. */
public final class CrossingProbes {

    private CrossingProbes() {}

    public static CrossingProbe document(BorderCrossing crossing, Pseudonymiser pseudonymiser) {
        CrossingProbe probe = CrossingProbe.of(crossing);
        String key = DocumentKey.token(
                pseudonymiser,
                crossing.getDocument().getIssuingCountry(),
                crossing.getDocument().getNumber());
        probe.setKey(key);
        probe.setKeys(new String[] {key});
        return probe;
    }

    /**
     * One probe per blocking key of the crossing's traveller ({@link BlockingKeys#ofTraveller}); {@code nameKeys}
     * adds the name keys, for alerts restored from a savepoint that holds them under those alone.
     */
    public static List<CrossingProbe> person(BorderCrossing crossing, boolean nameKeys) {
        TravellerIdentity traveller = crossing.getTraveller();
        List<String> name = new ArrayList<>(NameNormaliser.parts(traveller.getSurname()));
        name.addAll(NameNormaliser.parts(traveller.getGivenNames()));
        LocalDate born = traveller.getDateOfBirth();
        String[] keys = BlockingKeys.ofTraveller(name, born, nameKeys);
        CrossingProbe probe = CrossingProbe.of(crossing);
        probe.setKeys(keys);
        probe.setOrderedName(NameNormaliser.ordered(name));
        probe.setSortedName(NameNormaliser.sorted(name));
        probe.setBirthYear(born.getYear());
        probe.setBirthMonth(born.getMonthValue());
        probe.setBirthDay(born.getDayOfMonth());
        List<CrossingProbe> probes = new ArrayList<>(keys.length);
        for (String key : keys) {
            probes.add(probe.forKey(key));
        }
        return probes;
    }
}
