package eu.borderflow.person;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.borderflow.config.ConfigLoader;
import eu.borderflow.config.RuleDefinitions;
import java.time.LocalDate;
import java.util.List;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.junit.jupiter.api.Test;

/** R2's definition: folded names, the better of written and sorted order, the threshold, the birth-date tolerance. */
class PersonMatchRuleTest {

    private static final PersonMatchRule RULE = RuleDefinitions.personMatch(ConfigLoader.defaults());
    private static final LocalDate BORN = LocalDate.of(1971, 4, 9);

    @Test
    void thresholdComesFromTheRules() {
        assertEquals(0.92, RULE.nameSimilarityMin());
        assertTrue(RULE.namesMatch(0.92));
        assertFalse(RULE.namesMatch(0.9199));
    }

    @Test
    void transliterationsAndWordOrderFoldTogether() {
        NameForms traveller = NameForms.of("Iwanow", "Aleksandr");
        assertEquals(1.0, PersonMatchRule.similarity(traveller, NameForms.of("Ivanov", "Aleksandr")));
        assertEquals(1.0, PersonMatchRule.similarity(traveller, NameForms.of("Aleksandr", "Ivanov")));
        assertEquals(1.0, PersonMatchRule.similarity(traveller, NameForms.ofFullName("ALEKSANDR IVANOV")));
    }

    @Test
    void similarityIsTheBetterOfWrittenAndSortedOrder() {
        NameForms a = NameForms.of("Petrova", "Anna");
        NameForms b = NameForms.of("Petrovna", "Ana");
        JaroWinklerSimilarity jw = new JaroWinklerSimilarity();
        double expected = Math.max(jw.apply("PETROVA ANNA", "PETROVNA ANA"), jw.apply("ANNA PETROVA", "ANA PETROVNA"));
        assertEquals(expected, PersonMatchRule.similarity(a, b));
    }

    @Test
    void bestOverTheAlertsNameAndAliases() {
        NameForms traveller = NameForms.of("Smith", "John");
        List<NameForms> alert = List.of(NameForms.of("Brown", "Mary"), NameForms.ofFullName("John Smith"));
        assertEquals(1.0, PersonMatchRule.bestSimilarity(traveller, alert));
        assertTrue(RULE.matches(traveller, BORN, alert, "1971-04-09"));
    }

    @Test
    void birthDateToleratesSwapsAndYearOnlyButNotAnotherYear() {
        assertEquals(BirthDateMatch.SAME_DATE, PersonMatchRule.birthDate(BORN, "1971-04-09"));
        assertEquals(BirthDateMatch.DAY_MONTH_SWAPPED, PersonMatchRule.birthDate(BORN, "1971-09-04"));
        assertEquals(BirthDateMatch.YEAR_ONLY, PersonMatchRule.birthDate(BORN, "1971"));
        assertEquals(BirthDateMatch.DIFFERENT, PersonMatchRule.birthDate(BORN, "1972-04-09"));
        assertEquals(BirthDateMatch.DIFFERENT, PersonMatchRule.birthDate(BORN, "1971-04-10"));
        assertFalse(RULE.matches(NameForms.of("Smith", "John"), BORN, List.of(NameForms.of("Smith", "John")), "1972"));
    }
}
