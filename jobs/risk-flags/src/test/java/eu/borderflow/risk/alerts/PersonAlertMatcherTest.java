package eu.borderflow.risk.alerts;

import static eu.borderflow.risk.alerts.AlertScenario.FINNISH_BCP;
import static eu.borderflow.risk.alerts.AlertScenario.GREEK_BCP;
import static eu.borderflow.risk.alerts.AlertScenario.hours;
import static eu.borderflow.risk.alerts.AlertScenario.person;
import static eu.borderflow.risk.alerts.AlertScenario.personAlert;
import static eu.borderflow.risk.alerts.AlertScenario.traveller;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.borderflow.config.ConfigLoader;
import eu.borderflow.person.NameForms;
import eu.borderflow.person.PersonMatchRule;
import eu.borderflow.schema.AlertBasis;
import eu.borderflow.schema.AlertChangeType;
import eu.borderflow.schema.AlertPerson;
import eu.borderflow.schema.Condition;
import eu.borderflow.schema.CrossingKind;
import eu.borderflow.schema.RiskFlag;
import eu.borderflow.schema.Severity;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.codec.language.DoubleMetaphone;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** R2 and R9 through the person join: blocking, as-of time, flags raised once, no names in flags. */
class PersonAlertMatcherTest {

    private static final LocalDate BORN = LocalDate.of(1985, 4, 12);
    private static final AlertPerson WANTED = person("SHEVCHENKO", "OLEKSANDR", "1985-04-12", "Sasha SCHEWTSCHENKO");

    private JoinHarness harness;

    @BeforeEach
    void open() throws Exception {
        harness = JoinHarness.persons(ConfigLoader.defaults());
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private void wanted(
            int version, AlertChangeType type, long hour, AlertBasis basis, AlertPerson person, String... flaggedBy)
            throws Exception {
        harness.alert(personAlert("SIS-P", version, type, hours(hour), basis, person, flaggedBy));
    }

    private void crossing(
            String id, CrossingKind kind, long hour, String bcp, String surname, String given, LocalDate born)
            throws Exception {
        harness.crossing(traveller(id, kind, hours(hour), bcp, surname, given, born));
    }

    private static Map<String, Condition> conditions(RiskFlag flag) {
        return flag.getConditions().stream().collect(Collectors.toMap(Condition::getName, c -> c));
    }

    @Test
    void variantSpellingMatchesOnceWithItsComparisonsAndNoNames() throws Exception {
        wanted(1, AlertChangeType.CREATE, 1, AlertBasis.ARREST_1862_ART26, WANTED);
        // Both name parts share a blocking key with the alert: still one flag.
        crossing("c1", CrossingKind.ENTRY, 5, GREEK_BCP, "Ševčenko", "Oleksandr", BORN);
        crossing("c2", CrossingKind.ENTRY, 6, GREEK_BCP, "Oleksandr", "Shevchenko", LocalDate.of(1985, 12, 4));
        harness.watermark(hours(7));

        List<RiskFlag> flags = harness.flags();
        assertEquals(List.of("R2:c1", "R2:c2"), harness.flagIds(), "Ševčenko is the scientific transliteration");
        assertEquals(
                "1.000",
                conditions(flags.get(0)).get("name_similarity_jaro_winkler").getObserved());
        RiskFlag flag = flags.get(1);
        assertEquals(Severity.CRITICAL, flag.getSeverity(), "arrest alert");
        assertEquals(List.of("c2", "SIS-P@v1"), flag.getEvidenceIds());
        Map<String, Condition> checks = conditions(flag);
        assertEquals("1.000", checks.get("name_similarity_jaro_winkler").getObserved());
        assertEquals("0.92", checks.get("name_similarity_jaro_winkler").getThreshold());
        assertEquals("DAY_MONTH_SWAPPED", checks.get("birth_date").getObserved());
        assertEquals(
                "alert name, parts reordered",
                checks.get("name_variant_matched").getObserved());
        String all = flag.toString().toUpperCase();
        for (String raw : List.of("SHEVCHENKO", "OLEKSANDR", "SCHEWTSCHENKO", "1985")) {
            assertFalse(all.contains(raw), "no raw name or birth date in a flag: " + raw);
        }
    }

    @Test
    void anAlertRestoredUnderItsNameKeysAloneStillMatchesOnceWhereTheCrossingsProbeThem() throws Exception {
        harness.alertHeldUnderNameKeysOnly(
                personAlert("SIS-P", 1, AlertChangeType.CREATE, hours(1), AlertBasis.ARREST_1862_ART26, WANTED));
        crossing("c0", CrossingKind.ENTRY, 4, GREEK_BCP, "Ševčenko", "Oleksandr", BORN);
        harness.probeNameKeys();
        crossing("c1", CrossingKind.ENTRY, 5, GREEK_BCP, "Ševčenko", "Oleksandr", BORN);
        crossing("c2", CrossingKind.ENTRY, 6, GREEK_BCP, "Davis", "William", BORN);
        harness.watermark(hours(7));
        assertEquals(
                List.of("R2:c1"),
                harness.flagIds(),
                "an upgrade from an older savepoint keeps its alerts' hits; a job's own alerts are under dates only");
    }

    @Test
    void namesThatShareNoBlockingCodeMeetOnTheDateOfBirth() throws Exception {
        wanted(1, AlertChangeType.CREATE, 1, AlertBasis.ARREST_1862_ART26, person("WILLIAMS", "DAVID", "1943-09-18"));
        crossing("c1", CrossingKind.ENTRY, 5, GREEK_BCP, "Davis", "William", LocalDate.of(1943, 9, 18));
        harness.watermark(hours(6));
        assertEquals(List.of("R2:c1"), harness.flagIds(), "DAVID WILLIAMS and DAVIS WILLIAM, sorted, match at 0.92+");
    }

    @Test
    void aliasYearOnlyDateAndTransliterationMatch() throws Exception {
        wanted(
                1,
                AlertChangeType.CREATE,
                1,
                AlertBasis.CHECK_1862_ART36,
                person("KOVALENKO", "MYKOLA", "1985", "Yuriy KHARITONOV"));
        crossing("c1", CrossingKind.ENTRY, 5, GREEK_BCP, "Haritonov", "Jurij", BORN);
        harness.watermark(hours(6));
        assertEquals(List.of("R2:c1"), harness.flagIds());
        Map<String, Condition> checks = conditions(harness.flags().get(0));
        assertEquals("YEAR_ONLY", checks.get("birth_date").getObserved());
        assertTrue(checks.get("name_variant_matched").getObserved().startsWith("alias 1"));
        assertEquals(Severity.MEDIUM, harness.flags().get(0).getSeverity(), "discreet check");
    }

    @Test
    void transliterationsWhosePrimaryCodesDifferMeetAtTheAlternateCode() throws Exception {
        // Found by a generated world of 200,000 travellers: a match by the definition that no key brought together.
        double definition =
                PersonMatchRule.similarity(NameForms.of("Kuznecov", "Darya"), NameForms.of("KUZNETSOV", "MARIYA"));
        assertTrue(new PersonMatchRule(0.92).namesMatch(definition), "scenario must be a match: " + definition);
        DoubleMetaphone metaphone = new DoubleMetaphone();
        for (String[] pair : List.of(new String[] {"KUZNECOV", "KUZNETSOV"}, new String[] {"DARYA", "MARIYA"})) {
            assertNotEquals(metaphone.doubleMetaphone(pair[0]), metaphone.doubleMetaphone(pair[1]));
        }
        harness.alert(personAlert(
                "SIS-K",
                1,
                AlertChangeType.CREATE,
                hours(1),
                AlertBasis.ARREST_1862_ART26,
                person("KUZNETSOV", "MARIYA", "1985")));
        crossing("c1", CrossingKind.EXIT, 5, GREEK_BCP, "Kuznecov", "Darya", LocalDate.of(1985, 9, 25));
        harness.watermark(hours(6));
        assertEquals(List.of("R2:c1"), harness.flagIds());
    }

    @Test
    void nearMissesRaiseNothing() throws Exception {
        wanted(1, AlertChangeType.CREATE, 1, AlertBasis.REFUSAL_1861_ART24, WANTED);
        crossing("similar-name", CrossingKind.ENTRY, 5, GREEK_BCP, "Shevchuk", "Oleg", BORN);
        crossing("other-year", CrossingKind.ENTRY, 5, GREEK_BCP, "Shevchenko", "Oleksandr", LocalDate.of(1986, 4, 12));
        crossing("other-day", CrossingKind.ENTRY, 5, GREEK_BCP, "Shevchenko", "Oleksandr", LocalDate.of(1985, 4, 13));
        harness.watermark(hours(6));
        assertEquals(List.of(), harness.flags());
    }

    @Test
    void alertCreatedAfterTheCrossingDoesNotMatch() throws Exception {
        crossing("c1", CrossingKind.ENTRY, 5, GREEK_BCP, "Shevchenko", "Oleksandr", BORN);
        wanted(1, AlertChangeType.CREATE, 6, AlertBasis.REFUSAL_1861_ART24, WANTED);
        harness.watermark(hours(7));
        assertEquals(List.of(), harness.flags());
    }

    @Test
    void deletedBeforeNoMatchDeletedAfterMatch() throws Exception {
        wanted(1, AlertChangeType.CREATE, 1, AlertBasis.MISSING_1862_ART32, WANTED);
        crossing("before-delete", CrossingKind.ENTRY, 5, GREEK_BCP, "Shevchenko", "Oleksandr", BORN);
        wanted(2, AlertChangeType.DELETE, 6, AlertBasis.MISSING_1862_ART32, null);
        crossing("after-delete", CrossingKind.ENTRY, 7, GREEK_BCP, "Shevchenko", "Oleksandr", BORN);
        harness.watermark(hours(8));
        assertEquals(List.of("R2:before-delete"), harness.flagIds());
    }

    @Test
    void renamingUpdateBetweenTwoCrossingsIsSeenByTheSecondOnly() throws Exception {
        wanted(1, AlertChangeType.CREATE, 1, AlertBasis.REFUSAL_1861_ART24, WANTED);
        crossing("old-name-before", CrossingKind.ENTRY, 2, GREEK_BCP, "Shevchenko", "Oleksandr", BORN);
        crossing("new-name-before", CrossingKind.ENTRY, 2, GREEK_BCP, "Bondarenko", "Taras", BORN);
        // The update replaces the name: the alert leaves the old name's blocking keys.
        wanted(
                2,
                AlertChangeType.UPDATE,
                3,
                AlertBasis.REFUSAL_1861_ART24,
                person("BONDARENKO", "TARAS", "1985-04-12"));
        crossing("old-name-after", CrossingKind.ENTRY, 4, GREEK_BCP, "Shevchenko", "Oleksandr", BORN);
        crossing("new-name-after", CrossingKind.ENTRY, 4, GREEK_BCP, "Bondarenko", "Taras", BORN);
        harness.watermark(hours(5));

        assertEquals(List.of("R2:old-name-before", "R2:new-name-after"), harness.flagIds());
        assertEquals(
                List.of("new-name-after", "SIS-P@v2"), harness.flags().get(1).getEvidenceIds());
    }

    @Test
    void flagByTheCrossingsMemberStateDowngrades() throws Exception {
        wanted(1, AlertChangeType.CREATE, 1, AlertBasis.REFUSAL_1861_ART24, WANTED, "FIN");
        crossing("fin", CrossingKind.ENTRY, 2, FINNISH_BCP, "Shevchenko", "Oleksandr", BORN);
        crossing("grc", CrossingKind.ENTRY, 3, GREEK_BCP, "Shevchenko", "Oleksandr", BORN);
        harness.watermark(hours(4));

        RiskFlag finnish = harness.flags().get(0);
        assertEquals("R2:fin", finnish.getFlagId());
        assertEquals(Severity.LOW, finnish.getSeverity());
        assertTrue(finnish.getRecommendedAction().contains("will not be taken on this territory"));
        assertFalse(conditions(finnish).get("not_flagged_by_bcp_state").getMet());
        assertEquals(Severity.HIGH, harness.flags().get(1).getSeverity(), "refusal alert, not flagged by Greece");
    }

    @Test
    void returnAlertIsConfirmedAtExitOnly() throws Exception {
        wanted(1, AlertChangeType.CREATE, 1, AlertBasis.RETURN_1860_ART3, WANTED);
        crossing("entry", CrossingKind.ENTRY, 2, GREEK_BCP, "Shevchenko", "Oleksandr", BORN);
        crossing("exit", CrossingKind.EXIT, 3, GREEK_BCP, "Shevchenko", "Oleksandr", BORN);
        harness.watermark(hours(4));

        assertEquals(List.of("R9:exit"), harness.flagIds(), "a return alert is not an R2 alert");
        RiskFlag flag = harness.flags().get(0);
        assertEquals(ReturnAlertRule.ACTION, flag.getRecommendedAction());
        assertEquals(List.of("exit", "SIS-P@v1"), flag.getEvidenceIds());
    }

    @Test
    void lateCrossingMatchesKeptVersionsAndDeletedAlertIsErased() throws Exception {
        wanted(1, AlertChangeType.CREATE, 1, AlertBasis.REFUSAL_1861_ART24, WANTED);
        wanted(2, AlertChangeType.DELETE, 10, AlertBasis.REFUSAL_1861_ART24, null);
        harness.watermark(hours(20));
        crossing("late", CrossingKind.ENTRY, 5, GREEK_BCP, "Shevchenko", "Oleksandr", BORN);
        assertEquals(1, harness.join.extractOutputValues().size(), "matched at once against the kept versions");
        harness.watermark(hours(21));
        assertEquals(List.of("R2:late"), harness.flagIds(), "raised with the next watermark");
        assertEquals(0, harness.router.numKeyedStateEntries());

        harness.watermark(hours(10).plus(Duration.ofDays(4)));
        assertEquals(0, harness.join.numKeyedStateEntries(), "deleted alert erased from every blocking key");
        assertEquals(0, harness.join.numEventTimeTimers());
        assertEquals(0, harness.stateEntries(), "the flag's matches are forgotten after the allowed lateness too");
        crossing("too-late", CrossingKind.ENTRY, 6, GREEK_BCP, "Shevchenko", "Oleksandr", BORN);
        assertEquals(List.of("R2:late"), harness.flagIds());
    }

    @Test
    void matchesOfTwoAlertsFoundAtDifferentKeysMakeOneFlag() throws Exception {
        // VONDARENKO shares only the given name's blocking key with the traveller, BONDARENKO both: the two matches
        // are found at different keys.
        double definition = new JaroWinklerSimilarity().apply("BONDARENKO TARAS", "VONDARENKO TARAS");
        assertTrue(definition >= 0.92, "scenario must be a match, JW=" + definition);
        DoubleMetaphone metaphone = new DoubleMetaphone();
        assertNotEquals(metaphone.doubleMetaphone("BONDARENKO"), metaphone.doubleMetaphone("VONDARENKO"));
        assertTrue(
                metaphone.doubleMetaphone("BONDARENKO").compareTo(metaphone.doubleMetaphone("TARAS")) < 0,
                "BONDARENKO's key is the smallest the traveller shares with SIS-A");
        harness.alert(personAlert(
                "SIS-A",
                1,
                AlertChangeType.CREATE,
                hours(1),
                AlertBasis.CHECK_1862_ART36,
                person("BONDARENKO", "TARAS", "1985-04-12")));
        harness.alert(personAlert(
                "SIS-B",
                1,
                AlertChangeType.CREATE,
                hours(1),
                AlertBasis.REFUSAL_1861_ART24,
                person("VONDARENKO", "TARAS", "1985-04-12")));
        crossing("c1", CrossingKind.ENTRY, 5, GREEK_BCP, "Bondarenko", "Taras", BORN);
        harness.watermark(hours(6));

        assertEquals(2, harness.join.extractOutputValues().size(), "two matches");
        assertEquals(List.of("R2:c1"), harness.flagIds(), "one flag per rule and trigger");
        RiskFlag flag = harness.flags().get(0);
        assertEquals(List.of("c1", "SIS-A@v1", "SIS-B@v1"), flag.getEvidenceIds());
        assertEquals(Severity.HIGH, flag.getSeverity(), "the refusal alert outranks the check");
        assertTrue(conditions(flag).containsKey("SIS-A.name_similarity_jaro_winkler"));
        assertTrue(conditions(flag).containsKey("SIS-B.name_similarity_jaro_winkler"));
    }
}
