package eu.borderflow.seeds.scenario;

import eu.borderflow.person.NameForms;
import eu.borderflow.person.PersonMatchRule;
import eu.borderflow.schema.AlertBasis;
import eu.borderflow.schema.AlertChange;
import eu.borderflow.schema.CrossingKind;
import eu.borderflow.schema.TravellerIdentity;
import eu.borderflow.seeds.world.PersonWatch;
import eu.borderflow.seeds.world.Traveller;
import eu.borderflow.seeds.world.TruthLabels;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The background's travellers against every person alert of the world, by R2's definition: a traveller who matches
 * an alert version in force at a crossing (a homonym: same name and birth date as the alert's person) must be flagged
 * there; a traveller some alert was made to nearly match (same birth date, a name at 0.85-0.92) is a near-miss there.
 * Each traveller is compared only with the alert versions whose date of birth it may match (its date, the date with
 * day and month swapped, its year for year-only dates); a bound on the letters two names share skips most name
 * comparisons ({@link NameBound}), and the folded forms of a spelling are computed once.
 */
public final class PersonAlertIndex implements PersonWatch {

    /** What concerns one watched traveller: alert versions and how each spelling compares with them. */
    private record Relation(PersonTruth.Version version, boolean primaryMatches, boolean variantMatches,
                            boolean near) {
    }

    /**
     * A spelling's folded forms and the letters they hold, and (filled as travellers come) the year-only alert
     * versions it matches, by year: many travellers share a spelling and a year of birth.
     */
    private record Spelling(NameForms forms, int[] letters, Map<String, List<PersonTruth.Version>> byYear) {
    }

    private static final int YEAR_KEY_LENGTH = 4;

    private final PersonMatchRule rule;
    private final Map<String, List<PersonTruth.Version>> byBirthDate;
    private final Map<PersonTruth.Version, int[][]> alertLetters = new IdentityHashMap<>();
    private final Map<Integer, Set<String>> nearTargets;
    private final Map<String, List<PersonTruth.Version>> byAlert = new HashMap<>();
    private final Map<Integer, List<Relation>> watched = new HashMap<>();
    /** Spellings by surname, then given names (the name lists' own string instances). */
    private final Map<String, Map<String, Spelling>> spellings = new IdentityHashMap<>();

    /**
     * @param nearTargets background travellers (by index) some alert was made to nearly match, with those alerts
     */
    public PersonAlertIndex(List<AlertChange> alerts, PersonMatchRule rule, Map<Integer, Set<String>> nearTargets) {
        this.rule = rule;
        List<PersonTruth.Version> versions = PersonTruth.versions(alerts);
        this.byBirthDate = PersonTruth.byBirthDate(versions);
        for (PersonTruth.Version v : versions) {
            byAlert.computeIfAbsent(v.alertId(), k -> new ArrayList<>()).add(v);
            int[][] letters = new int[v.names().size()][];
            for (int i = 0; i < letters.length; i++) {
                letters[i] = NameBound.letters(v.names().get(i).ordered());
            }
            alertLetters.put(v, letters);
        }
        this.nearTargets = nearTargets;
    }

    @Override
    public boolean watch(Traveller t) {
        TravellerIdentity id = t.identity();
        Spelling primary = spelling(id);
        Spelling variant = t.variantIdentity() == null ? null : spelling(t.variantIdentity());
        List<Relation> relations = null;
        for (String key : PersonTruth.birthKeys(id.getDateOfBirth())) {
            List<PersonTruth.Version> candidates = byBirthDate.get(key);
            if (candidates == null) {
                continue;
            }
            boolean yearOnly = key.length() == YEAR_KEY_LENGTH;
            List<PersonTruth.Version> p = yearOnly ? yearMatches(primary, key, candidates) : matching(primary, candidates);
            List<PersonTruth.Version> w = variant == null ? List.of()
                    : yearOnly ? yearMatches(variant, key, candidates) : matching(variant, candidates);
            for (PersonTruth.Version v : candidates) {
                boolean pm = p.contains(v);
                boolean wm = w.contains(v);
                if (pm || wm) {
                    relations = relations == null ? new ArrayList<>(2) : relations;
                    relations.add(new Relation(v, pm, wm, false));
                }
            }
        }
        Set<String> near = nearTargets.get(t.index());
        if (near != null) {
            for (String alertId : near) {
                for (PersonTruth.Version v : byAlert.getOrDefault(alertId, List.of())) {
                    relations = relations == null ? new ArrayList<>(2) : relations;
                    relations.add(new Relation(v, false, false, true));
                }
            }
        }
        if (relations == null) {
            return false;
        }
        watched.put(t.index(), relations);
        return true;
    }

    /** The year-only versions of {@code yearKey} the spelling matches, worked out once per spelling and year. */
    private List<PersonTruth.Version> yearMatches(Spelling s, String yearKey, List<PersonTruth.Version> candidates) {
        return s.byYear.computeIfAbsent(yearKey, k -> matching(s, candidates));
    }

    /** The candidates (whose birth date the traveller's is compatible with) whose names the spelling matches. */
    private List<PersonTruth.Version> matching(Spelling s, List<PersonTruth.Version> candidates) {
        List<PersonTruth.Version> out = List.of();
        for (PersonTruth.Version v : candidates) {
            if (namesMatch(s, v)) {
                out = out.isEmpty() ? new ArrayList<>(2) : out;
                out.add(v);
            }
        }
        return out;
    }

    private boolean namesMatch(Spelling s, PersonTruth.Version v) {
        int[][] letters = alertLetters.get(v);
        for (int i = 0; i < letters.length; i++) {
            if (NameBound.mayReach(s.letters, letters[i], rule.nameSimilarityMin())
                    && rule.namesMatch(PersonMatchRule.similarity(s.forms, v.names().get(i)))) {
                return true;
            }
        }
        return false;
    }

    private Spelling spelling(TravellerIdentity id) {
        return spellings.computeIfAbsent(id.getSurname(), k -> new IdentityHashMap<>())
                .computeIfAbsent(id.getGivenNames(), g -> {
                    NameForms forms = NameForms.of(id.getSurname(), g);
                    return new Spelling(forms, NameBound.letters(forms.ordered()), new HashMap<>());
                });
    }

    @Override
    public int labels(int traveller, long eventMillis, boolean variantSpelling, CrossingKind kind) {
        int labels = 0;
        for (Relation r : watched.get(traveller)) {
            PersonTruth.Version v = r.version();
            if (v.since() > eventMillis || eventMillis >= v.until()) {
                continue;
            }
            boolean matched = variantSpelling ? r.variantMatches() : r.primaryMatches();
            boolean person = PersonTruth.PERSON_BASES.contains(v.basis());
            boolean exitReturn = v.basis() == AlertBasis.RETURN_1860_ART3 && kind == CrossingKind.EXIT;
            if (person) {
                labels |= matched ? TruthLabels.PERSON_MATCH : r.near() ? TruthLabels.PERSON_NEAR : 0;
            } else if (exitReturn) {
                labels |= matched ? TruthLabels.RETURN_MATCH : r.near() ? TruthLabels.RETURN_NEAR : 0;
            }
        }
        return labels;
    }
}
