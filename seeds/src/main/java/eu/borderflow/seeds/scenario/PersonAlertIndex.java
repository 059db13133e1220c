package eu.borderflow.seeds.scenario;

import eu.borderflow.person.NameForms;
import eu.borderflow.person.PersonMatchRule;
import eu.borderflow.schema.AlertBasis;
import eu.borderflow.schema.AlertChange;
import eu.borderflow.schema.CrossingKind;
import eu.borderflow.schema.TravellerIdentity;
import eu.borderflow.seeds.reference.NameEntry;
import eu.borderflow.seeds.reference.ReferenceData;
import eu.borderflow.seeds.world.PersonWatch;
import eu.borderflow.seeds.world.Traveller;
import eu.borderflow.seeds.world.TruthLabels;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The background's travellers against every person alert of the world, by R2's definition: a traveller who matches
 * an alert version in force at a crossing (a homonym: same name and birth date as the alert's person) must be flagged
 * there; a traveller some alert was made to nearly match (same birth date, a name at 0.85-0.92) is a near-miss there.
 *
 * <p>Millions of travellers are checked as they are made, so each costs a few array reads: alert versions are
 * indexed by birth day and by year (year-only dates); a traveller's names are one of the finite spellings of the name
 * lists, each with its folded forms worked out once, and the year-only versions a spelling matches are worked out
 * once per year. A bound on the letters two names share skips most name comparisons ({@link NameBound}).
 */
public final class PersonAlertIndex implements PersonWatch {

    /** What concerns one watched traveller: an alert version and how each spelling compares with it. */
    private record Relation(
            PersonTruth.Version version, boolean primaryMatches, boolean variantMatches, boolean near) {}

    /**
     * The versions of one birth date (or year) that give their person the same names, with the names' letters: a
     * spelling matches all of them or none, so it is compared once (an alert's versions mostly keep its names).
     */
    private record Namesakes(List<NameForms> names, int[][] letters, PersonTruth.Version[] versions) {}

    /** A spelling's folded forms, its letters, and the year-only namesakes it matches, by year (filled on demand). */
    private static final class Spelling {
        final NameForms forms;
        final int[] letters;
        final Namesakes[][] byYear;

        Spelling(NameForms forms, int years) {
            this.forms = forms;
            this.letters = NameBound.letters(forms.ordered());
            this.byYear = new Namesakes[years][];
        }
    }

    private static final int LAST_SWAPPABLE_DAY = 12;
    private static final int[] DAYS_BEFORE_MONTH = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
    private static final Namesakes[] NONE = new Namesakes[0];

    private final PersonMatchRule rule;
    private final Map<Integer, Set<String>> nearTargets;
    private final Map<String, List<PersonTruth.Version>> byAlert = new HashMap<>();
    private final Map<Integer, List<Relation>> watched = new HashMap<>();
    /** Versions with a full date of birth, by epoch day from {@link #firstDay}. */
    private final Namesakes[][] byDay;

    private final int firstDay;
    /** Versions with a year of birth only, by year from {@link #firstYear}. */
    private final Namesakes[][] byYear;

    private final int firstYear;
    private final Spelling[][] spellings;
    /** Background travellers some alert was made to nearly match. */
    private final BitSet nearTargeted = new BitSet();

    /**
     * @param nearTargets background travellers (by index) some alert was made to nearly match, with those alerts
     */
    public PersonAlertIndex(
            List<AlertChange> alerts,
            PersonMatchRule rule,
            ReferenceData reference,
            Map<Integer, Set<String>> nearTargets) {
        this.rule = rule;
        this.nearTargets = nearTargets;
        List<PersonTruth.Version> versions = PersonTruth.versions(alerts);
        int minDay = Integer.MAX_VALUE;
        int maxDay = Integer.MIN_VALUE;
        int minYear = Integer.MAX_VALUE;
        int maxYear = Integer.MIN_VALUE;
        for (PersonTruth.Version v : versions) {
            byAlert.computeIfAbsent(v.alertId(), k -> new ArrayList<>()).add(v);
            int[] date = PersonMatchRule.parseAlertDate(v.dateOfBirth());
            if (date[1] == 0) {
                minYear = Math.min(minYear, date[0]);
                maxYear = Math.max(maxYear, date[0]);
            } else {
                int day = (int) LocalDate.of(date[0], date[1], date[2]).toEpochDay();
                minDay = Math.min(minDay, day);
                maxDay = Math.max(maxDay, day);
            }
        }
        firstDay = minDay;
        firstYear = minYear;
        List<Map<List<NameForms>, List<PersonTruth.Version>>> days = groups(minDay > maxDay ? 0 : maxDay - minDay + 1);
        List<Map<List<NameForms>, List<PersonTruth.Version>>> years =
                groups(minYear > maxYear ? 0 : maxYear - minYear + 1);
        for (PersonTruth.Version v : versions) {
            int[] date = PersonMatchRule.parseAlertDate(v.dateOfBirth());
            Map<List<NameForms>, List<PersonTruth.Version>> at = date[1] == 0
                    ? years.get(date[0] - firstYear)
                    : days.get((int) LocalDate.of(date[0], date[1], date[2]).toEpochDay() - firstDay);
            at.computeIfAbsent(v.names(), k -> new ArrayList<>()).add(v);
        }
        byDay = namesakes(days);
        byYear = namesakes(years);
        int[] counts = reference.spellingCounts();
        spellings = new Spelling[counts[0]][counts[1]];
        nearTargets.keySet().forEach(nearTargeted::set);
    }

    private static List<Map<List<NameForms>, List<PersonTruth.Version>>> groups(int size) {
        List<Map<List<NameForms>, List<PersonTruth.Version>>> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            out.add(new LinkedHashMap<>());
        }
        return out;
    }

    private static Namesakes[][] namesakes(List<Map<List<NameForms>, List<PersonTruth.Version>>> groups) {
        Namesakes[][] out = new Namesakes[groups.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = groups.get(i).entrySet().stream()
                    .map(e -> new Namesakes(
                            e.getKey(),
                            e.getKey().stream()
                                    .map(n -> NameBound.letters(n.ordered()))
                                    .toArray(int[][]::new),
                            e.getValue().toArray(PersonTruth.Version[]::new)))
                    .toArray(Namesakes[]::new);
        }
        return out;
    }

    @Override
    public boolean watch(Traveller t) {
        TravellerIdentity id = t.identity();
        LocalDate born = id.getDateOfBirth();
        long bornDay = born.toEpochDay();
        Namesakes[] exact = at(byDay, (int) bornDay - firstDay);
        Namesakes[] swapped = swappedDay(born, bornDay);
        Namesakes[] year = at(byYear, born.getYear() - firstYear);
        Set<String> near = nearTargeted.get(t.index()) ? nearTargets.get(t.index()) : null;
        if (exact.length + swapped.length + year.length == 0 && near == null) {
            return false;
        }
        Spelling primary =
                spelling(t.names().surname(), id.getSurname(), t.names().given(), id.getGivenNames());
        TravellerIdentity v = t.variantIdentity();
        Spelling variant = v == null
                ? null
                : spelling(t.names().surname(), v.getSurname(), t.names().given(), v.getGivenNames());
        List<Relation> relations = new ArrayList<>(0);
        for (Namesakes c : exact) {
            relate(relations, c, namesMatch(primary, c), variant != null && namesMatch(variant, c));
        }
        for (Namesakes c : swapped) {
            relate(relations, c, namesMatch(primary, c), variant != null && namesMatch(variant, c));
        }
        if (year.length > 0) {
            int y = born.getYear() - firstYear;
            Namesakes[] p = yearMatches(primary, y, year);
            Namesakes[] w = variant == null ? NONE : yearMatches(variant, y, year);
            if (p.length + w.length > 0) {
                for (Namesakes c : year) {
                    relate(relations, c, contains(p, c), contains(w, c));
                }
            }
        }
        if (near != null) {
            for (String alertId : near) {
                for (PersonTruth.Version c : byAlert.getOrDefault(alertId, List.of())) {
                    relations.add(new Relation(c, false, false, true));
                }
            }
        }
        if (relations.isEmpty()) {
            return false;
        }
        watched.put(t.index(), relations);
        return true;
    }

    private static void relate(List<Relation> relations, Namesakes n, boolean primary, boolean variant) {
        if (primary || variant) {
            for (PersonTruth.Version v : n.versions()) {
                relations.add(new Relation(v, primary, variant, false));
            }
        }
    }

    /** The versions born on {@code born} with day and month swapped (day and month at most 12, not equal). */
    private Namesakes[] swappedDay(LocalDate born, long bornDay) {
        int day = born.getDayOfMonth();
        int month = born.getMonthValue();
        if (day > LAST_SWAPPABLE_DAY || day == month || byDay.length == 0) {
            return NONE;
        }
        // The same year: the swapped date is as many days from the birth date as their days of the year differ.
        boolean leap = born.isLeapYear();
        long swapped = bornDay - dayOfYear(month, day, leap) + dayOfYear(day, month, leap);
        return at(byDay, (int) swapped - firstDay);
    }

    private static int dayOfYear(int month, int day, boolean leap) {
        return DAYS_BEFORE_MONTH[month - 1] + day + (leap && month > 2 ? 1 : 0);
    }

    private static Namesakes[] at(Namesakes[][] index, int at) {
        return at < 0 || at >= index.length || index[at] == null ? NONE : index[at];
    }

    /** The year-only namesakes of year {@code y} the spelling matches, worked out once per spelling and year. */
    private Namesakes[] yearMatches(Spelling s, int y, Namesakes[] candidates) {
        Namesakes[] matches = s.byYear[y];
        if (matches == null) {
            matches = NONE;
            for (Namesakes c : candidates) {
                if (namesMatch(s, c)) {
                    matches = Arrays.copyOf(matches, matches.length + 1);
                    matches[matches.length - 1] = c;
                }
            }
            s.byYear[y] = matches;
        }
        return matches;
    }

    private static boolean contains(Namesakes[] all, Namesakes n) {
        for (Namesakes x : all) {
            if (x == n) {
                return true;
            }
        }
        return false;
    }

    private boolean namesMatch(Spelling s, Namesakes n) {
        int[][] letters = n.letters();
        for (int i = 0; i < letters.length; i++) {
            if (NameBound.mayReach(s.letters, letters[i], rule.nameSimilarityMin())
                    && rule.namesMatch(
                            PersonMatchRule.similarity(s.forms, n.names().get(i)))) {
                return true;
            }
        }
        return false;
    }

    /** The spelling {@code surname given} of the name list entries {@code s} and {@code g} (their name or a variant). */
    private Spelling spelling(NameEntry s, String surname, NameEntry g, String given) {
        int row = s.spellingNumber(surname);
        int column = g.spellingNumber(given);
        Spelling spelling = spellings[row][column];
        if (spelling == null) {
            spelling = new Spelling(NameForms.of(surname, given), byYear.length);
            spellings[row][column] = spelling;
        }
        return spelling;
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
            if (PersonTruth.PERSON_BASES.contains(v.basis())) {
                labels |= matched ? TruthLabels.PERSON_MATCH : r.near() ? TruthLabels.PERSON_NEAR : 0;
            } else if (v.basis() == AlertBasis.RETURN_1860_ART3 && kind == CrossingKind.EXIT) {
                labels |= matched ? TruthLabels.RETURN_MATCH : r.near() ? TruthLabels.RETURN_NEAR : 0;
            }
        }
        return labels;
    }
}
