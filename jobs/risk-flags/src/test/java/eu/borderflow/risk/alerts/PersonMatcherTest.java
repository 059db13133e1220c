package eu.borderflow.risk.alerts;

import static eu.borderflow.risk.alerts.AlertScenario.FINNISH_BCP;
import static eu.borderflow.risk.alerts.AlertScenario.hours;
import static eu.borderflow.risk.alerts.AlertScenario.person;
import static eu.borderflow.risk.alerts.AlertScenario.personAlert;
import static eu.borderflow.risk.alerts.AlertScenario.traveller;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.borderflow.person.BirthDateMatch;
import eu.borderflow.schema.AlertBasis;
import eu.borderflow.schema.AlertChangeType;
import eu.borderflow.schema.AlertPerson;
import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.CrossingKind;
import java.time.LocalDate;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.junit.jupiter.api.Test;

class PersonMatcherTest {

    /** rules.yaml R2 name_similarity_min. */
    private static final double THRESHOLD = 0.92;

    private static final LocalDate BORN = LocalDate.of(1985, 4, 12);
    private final PersonMatcher matcher = new PersonMatcher(THRESHOLD);

    private PersonMatch compare(String surname, String given, LocalDate born, AlertPerson alertPerson) {
        BorderCrossing crossing = traveller("c1", CrossingKind.ENTRY, hours(5), FINNISH_BCP, surname, given, born);
        AlertVersion alert = AlertVersions.person(
                personAlert("SIS-1", 1, AlertChangeType.CREATE, hours(1), AlertBasis.REFUSAL_1861_ART24, alertPerson));
        return matcher.compare(CrossingProbes.person(crossing, false).get(0), alert);
    }

    @Test
    void diacriticsAndTransliterationGiveAFullMatch() {
        PersonMatch match = compare("Kharitonov", "Yuriy", BORN, person("HARITONOV", "JURIJ", "1985-04-12"));
        assertEquals(1.0, match.getSimilarity());
        assertEquals(BirthDateMatch.SAME_DATE, match.getBirthDate());
        assertTrue(match.matched());
        assertTrue(compare("Müller", "José", BORN, person("MULLER", "JOSE", "1985-04-12"))
                .matched());
    }

    @Test
    void swappedNameOrderMatchesOnSortedParts() {
        PersonMatch match = compare("Oleksandr", "Shevchenko", BORN, person("SHEVCHENKO", "OLEKSANDR", "1985-04-12"));
        assertEquals(1.0, match.getSimilarity());
        assertTrue(match.isSortedParts());
        assertTrue(match.matched());
    }

    @Test
    void dayAndMonthSwappedIsCompatible() {
        PersonMatch match = compare("Shevchenko", "Oleksandr", BORN, person("SHEVCHENKO", "OLEKSANDR", "1985-12-04"));
        assertEquals(BirthDateMatch.DAY_MONTH_SWAPPED, match.getBirthDate());
        assertTrue(match.matched());
    }

    @Test
    void yearOnlyAlertDateIsCompatible() {
        PersonMatch match = compare("Shevchenko", "Oleksandr", BORN, person("SHEVCHENKO", "OLEKSANDR", "1985"));
        assertEquals(BirthDateMatch.YEAR_ONLY, match.getBirthDate());
        assertTrue(match.matched());
    }

    @Test
    void aliasIsCheckedToo() {
        PersonMatch match =
                compare("Bondar", "Taras", BORN, person("KOVALENKO", "MYKOLA", "1985-04-12", "Taras BONDAR"));
        assertEquals(1, match.getVariant());
        assertTrue(match.matched());
    }

    @Test
    void sameNameWithAnotherBirthYearIsANearMiss() {
        PersonMatch match = compare("Shevchenko", "Oleksandr", BORN, person("SHEVCHENKO", "OLEKSANDR", "1986-04-12"));
        assertEquals(BirthDateMatch.DIFFERENT, match.getBirthDate());
        assertFalse(match.matched());
    }

    @Test
    void differentDayAndMonthIsANearMiss() {
        assertEquals(
                BirthDateMatch.DIFFERENT,
                compare("Shevchenko", "Oleksandr", BORN, person("SHEVCHENKO", "OLEKSANDR", "1985-04-13"))
                        .getBirthDate());
    }

    @Test
    void similarButDifferentNameWithTheSameBirthDateIsANearMiss() {
        // The rule's own definition: Jaro-Winkler of the folded names below the threshold is no match.
        double definition = new JaroWinklerSimilarity().apply("SHEVCHUK OLEG", "SHEVCHENKO OLEKSANDR");
        assertTrue(definition < THRESHOLD, "scenario must be a near miss, JW=" + definition);
        PersonMatch match = compare("Shevchuk", "Oleg", BORN, person("SHEVCHENKO", "OLEKSANDR", "1985-04-12"));
        assertEquals(BirthDateMatch.SAME_DATE, match.getBirthDate());
        assertFalse(match.matched());
    }

    @Test
    void oneLetterTypoStillMatches() {
        double definition = new JaroWinklerSimilarity().apply("SHEVCHENKA OLEKSANDR", "SHEVCHENKO OLEKSANDR");
        assertTrue(definition >= THRESHOLD, "scenario must be above the threshold, JW=" + definition);
        assertTrue(compare("Shevchenka", "Oleksandr", BORN, person("SHEVCHENKO", "OLEKSANDR", "1985-04-12"))
                .matched());
    }
}
