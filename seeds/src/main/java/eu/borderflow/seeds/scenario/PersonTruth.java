package eu.borderflow.seeds.scenario;

import eu.borderflow.person.NameForms;
import eu.borderflow.person.PersonMatchRule;
import eu.borderflow.privacy.Pseudonymiser;
import eu.borderflow.review.ReviewDates;
import eu.borderflow.schema.AlertBasis;
import eu.borderflow.schema.AlertChange;
import eu.borderflow.schema.AlertChangeType;
import eu.borderflow.schema.AlertPerson;
import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.CrossingKind;
import eu.borderflow.schema.GroundTruthEntry;
import eu.borderflow.schema.GroundTruthKind;
import eu.borderflow.schema.TravellerIdentity;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * R2 and R9 for the scripted crossings, from their definition ({@link PersonMatchRule}) applied to every person alert
 * version in force at each crossing: what scenarios declare must agree with it (a declared flag that does not match,
 * or a declared near-miss that does, is a generator bug), and a match no scenario declared (a planted traveller who
 * happens to share name and birth date with another alert: a homonym) is added as an expected flag.
 */
public final class PersonTruth {

    /** R2's bases: the person alerts it reads (R9 reads return alerts, at exits). */
    public static final Set<AlertBasis> PERSON_BASES = EnumSet.of(
            AlertBasis.REFUSAL_1861_ART24,
            AlertBasis.ARREST_1862_ART26,
            AlertBasis.MISSING_1862_ART32,
            AlertBasis.JUDICIAL_1862_ART34,
            AlertBasis.CHECK_1862_ART36);

    /**
     * One version of a person alert, in force from {@code since} until {@code until} (exclusive): the next change, or
     * the end of its review period, when an alert not extended is deleted.
     */
    public record Version(
            String alertId, AlertBasis basis, long since, long until, List<NameForms> names, String dateOfBirth) {}

    private PersonTruth() {}

    /**
     * A name near {@code t}'s (0.85 up to the threshold) that matches none of the spellings it travels under; null
     * when none is found (a short name that one letter already moves too far).
     */
    static String[] nearName(ScenarioContext ctx, PlantedTraveller t) {
        List<String[]> spellings = new ArrayList<>();
        spellings.add(new String[] {t.identity().getSurname(), t.identity().getGivenNames()});
        TravellerIdentity v = t.variantIdentity();
        if (v != null) {
            spellings.add(new String[] {v.getSurname(), v.getGivenNames()});
        }
        return ctx.nearNames().near(t.identity().getSurname(), t.identity().getGivenNames(), spellings, ctx.rng());
    }

    /** Every version of every person alert R2 or R9 reads, in alert and time order. */
    public static List<Version> versions(List<AlertChange> alerts) {
        Map<String, List<AlertChange>> byAlert = new HashMap<>();
        for (AlertChange a : alerts) {
            byAlert.computeIfAbsent(a.getAlertId(), k -> new ArrayList<>()).add(a);
        }
        List<String> ids = new ArrayList<>(byAlert.keySet());
        ids.sort(Comparator.naturalOrder());
        List<Version> out = new ArrayList<>();
        for (String id : ids) {
            List<AlertChange> changes = byAlert.get(id);
            changes.sort(Comparator.comparing(AlertChange::getEventTime).thenComparing(AlertChange::getVersion));
            for (int i = 0; i < changes.size(); i++) {
                AlertChange c = changes.get(i);
                AlertPerson p = c.getPerson();
                boolean read = PERSON_BASES.contains(c.getBasis()) || c.getBasis() == AlertBasis.RETURN_1860_ART3;
                if (c.getChange() == AlertChangeType.DELETE || p == null || !read) {
                    continue;
                }
                long until = Math.min(
                        ReviewDates.expiresAt(c.getReviewDate()),
                        i + 1 < changes.size()
                                ? changes.get(i + 1).getEventTime().toEpochMilli()
                                : Long.MAX_VALUE);
                List<NameForms> names = new ArrayList<>();
                names.add(NameForms.of(p.getSurname(), p.getGivenNames()));
                p.getAliases().forEach(alias -> names.add(NameForms.ofFullName(alias)));
                out.add(new Version(
                        id,
                        c.getBasis(),
                        c.getEventTime().toEpochMilli(),
                        until,
                        List.copyOf(names),
                        p.getDateOfBirth()));
            }
        }
        return out;
    }

    /** The versions whose date of birth a traveller born on {@code born} may match: the date, its swap, the year. */
    public static Map<String, List<Version>> byBirthDate(List<Version> versions) {
        Map<String, List<Version>> index = new HashMap<>();
        for (Version v : versions) {
            index.computeIfAbsent(v.dateOfBirth(), k -> new ArrayList<>()).add(v);
        }
        return index;
    }

    /** The keys of {@link #byBirthDate} a traveller born on {@code born} looks up. */
    public static List<String> birthKeys(LocalDate born) {
        List<String> keys = new ArrayList<>(3);
        keys.add(born.toString());
        if (born.getDayOfMonth() <= 12 && born.getDayOfMonth() != born.getMonthValue()) {
            try {
                keys.add(LocalDate.of(born.getYear(), born.getDayOfMonth(), born.getMonthValue())
                        .toString());
            } catch (DateTimeException e) {
                // No such date: nothing to swap to.
            }
        }
        keys.add(Integer.toString(born.getYear()));
        return keys;
    }

    /**
     * Checks the declared R2 and R9 entries of the scripted crossings against the definition and adds the matches no
     * scenario declared.
     */
    static void reconcile(
            List<BorderCrossing> crossings,
            List<AlertChange> alerts,
            PersonMatchRule rule,
            Pseudonymiser tokens,
            List<GroundTruthEntry> truth) {
        Map<String, List<Version>> index = byBirthDate(versions(alerts));
        Set<String> person = new HashSet<>();
        Set<String> returns = new HashSet<>();
        Map<String, BorderCrossing> byId = new HashMap<>();
        for (BorderCrossing c : crossings) {
            byId.put(c.getEventId(), c);
            TravellerIdentity who = c.getTraveller();
            NameForms forms = NameForms.of(who.getSurname(), who.getGivenNames());
            long at = c.getEventTime().toEpochMilli();
            for (String key : birthKeys(who.getDateOfBirth())) {
                for (Version v : index.getOrDefault(key, List.of())) {
                    if (v.since() <= at
                            && at < v.until()
                            && rule.matches(forms, who.getDateOfBirth(), v.names(), v.dateOfBirth())) {
                        if (PERSON_BASES.contains(v.basis())) {
                            person.add(c.getEventId());
                        } else if (c.getKind() == CrossingKind.EXIT) {
                            returns.add(c.getEventId());
                        }
                    }
                }
            }
        }
        Set<String> declared = new HashSet<>();
        for (java.util.Iterator<GroundTruthEntry> it = truth.iterator(); it.hasNext(); ) {
            GroundTruthEntry g = it.next();
            Set<String> derived =
                    g.getRuleId().equals("R2") ? person : g.getRuleId().equals("R9") ? returns : null;
            if (derived == null || !byId.containsKey(g.getTriggerEventId())) {
                continue;
            }
            boolean expected = g.getKind() == GroundTruthKind.EXPECTED_FLAG;
            boolean matches = derived.contains(g.getTriggerEventId());
            if (expected && !matches) {
                throw new IllegalStateException(g.getScenarioId() + ": declared a flag for " + g.getRuleId()
                        + " but the definition finds no match");
            }
            if (!expected && matches) {
                // Another alert in force matches this traveller too (a homonym in a large world): the definition
                // wins, the crossing is listed as an expected flag below.
                it.remove();
                continue;
            }
            declared.add(g.getRuleId() + ":" + g.getTriggerEventId());
        }
        addUndeclared(person, "R2", declared, byId, tokens, truth);
        addUndeclared(returns, "R9", declared, byId, tokens, truth);
    }

    private static void addUndeclared(
            Set<String> derived,
            String rule,
            Set<String> declared,
            Map<String, BorderCrossing> byId,
            Pseudonymiser tokens,
            List<GroundTruthEntry> truth) {
        List<String> ids = new ArrayList<>(derived);
        ids.sort(Comparator.naturalOrder());
        for (String eventId : ids) {
            if (!declared.contains(rule + ":" + eventId)) {
                String token = tokens.token(
                        Pseudonymiser.Domain.FILE,
                        byId.get(eventId).getTraveller().getFileId());
                truth.add(new GroundTruthEntry(
                        rule + "-homonym-" + eventId,
                        GroundTruthKind.EXPECTED_FLAG,
                        rule,
                        token,
                        eventId,
                        "the traveller matches another person alert in force (same name and birth date)",
                        rule + "/homonym",
                        null));
            }
        }
    }
}
