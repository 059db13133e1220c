package eu.borderflow.risk.alerts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.borderflow.job.ingest.AlertBirthDate;
import eu.borderflow.person.NameForms;
import eu.borderflow.person.NameNormaliser;
import eu.borderflow.person.PersonMatchRule;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every pair the definition matches shares a key: expected from {@link PersonMatchRule} and the dates it calls
 * compatible, never from the keys themselves.
 */
class BlockingKeysTest {

    private static final PersonMatchRule RULE = new PersonMatchRule(0.92);

    @Test
    void namesThatShareNoCodeStillMeetOnTheirDateOfBirth() {
        List<String> traveller = parts("Davis", "William");
        List<String> alert = parts("Williams", "David");
        assertTrue(
                RULE.matches(
                        NameForms.of("Davis", "William"),
                        LocalDate.of(1943, 9, 18),
                        List.of(NameForms.of("Williams", "David")),
                        "1943-09-18"),
                "the definition matches them (the 2026-12-06 miss of the seed 22 world)");
        assertTrue(shared(
                BlockingKeys.ofTraveller(traveller, LocalDate.of(1943, 9, 18), false),
                BlockingKeys.ofAlert(AlertBirthDate.parse("1943-09-18"))));
    }

    @Test
    void everyCompatibleDateOfBirthSharesAKeyAndNoOtherDateDoes() {
        List<String> name = parts("Ivanova", "Anna");
        for (LocalDate born = LocalDate.of(1980, 1, 1); born.getYear() == 1980; born = born.plusDays(1)) {
            String[] traveller = BlockingKeys.ofTraveller(name, born, false);
            for (String written : List.of("1980", "1980-03", "1980-03-05", "1980-05-03", "1980-13-05", "1981-03-05")) {
                boolean compatible = PersonMatchRule.birthDate(born, written).compatible();
                String[] alert = BlockingKeys.ofAlert(AlertBirthDate.parse(written));
                assertEquals(compatible, shared(traveller, alert), born + " against an alert born " + written);
            }
        }
    }

    @Test
    void aCrossingHasItsDateAndYearAndTheNameKeysOnlyWhenAskedFor() {
        List<String> name = parts("Kuznecov", "Ivan");
        LocalDate born = LocalDate.of(1970, 2, 1);
        assertArrayEquals(new String[] {"1970", "1970-02-01"}, BlockingKeys.ofTraveller(name, born, false));
        String[] traveller = BlockingKeys.ofTraveller(name, born, true);
        assertArrayEquals(new String[] {"1970", "1970-02-01"}, onlyDates(traveller));
        assertTrue(
                Arrays.asList(traveller).contains(BlockingKeys.alternateCode("KUZNECOV") + "|1970"),
                Arrays.toString(traveller));
        assertTrue(
                Arrays.stream(traveller).allMatch(k -> k.matches("\\d{4}(-\\d{2}-\\d{2})?|[A-Z]+\\|\\d{4}")),
                "date keys and name keys cannot collide: " + Arrays.toString(traveller));
    }

    private static List<String> parts(String surname, String givenNames) {
        List<String> parts = new ArrayList<>(NameNormaliser.parts(surname));
        parts.addAll(NameNormaliser.parts(givenNames));
        return parts;
    }

    private static String[] onlyDates(String[] keys) {
        return Arrays.stream(keys).filter(k -> Character.isDigit(k.charAt(0))).toArray(String[]::new);
    }

    private static boolean shared(String[] a, String[] b) {
        return Arrays.stream(a).anyMatch(Arrays.asList(b)::contains);
    }
}
