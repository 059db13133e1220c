package eu.borderflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code stay} through picocli, as a user runs it. Expected values are worked out by hand from the rule's text
 * (DOMAIN.md section 1): day-of-year in 2025: 31 Mar = 90, 29 Jun = 180, 30 Jun = 181, 10 Jul = 191, 27 Sep = 270;
 * the window of day d is [d-179, d].
 */
class StayCommandTest {

    private record Run(int exitCode, String out, String err) {}

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new StayCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private static JsonNode json(Run run) throws Exception {
        assertEquals(0, run.exitCode(), run.err());
        return new ObjectMapper().readTree(run.out());
    }

    @Test
    void regulationExampleEntering30JuneMayStayUntil27September() throws Exception {
        // 1 Jan..31 Mar = 90 days. On 30 Jun the window is 2 Jan..30 Jun: 89 days used; entering makes 90.
        // The stay may last until 27 Sep (window 1 Apr..27 Sep = 90 days of the new stay): 90 days.
        JsonNode result =
                json(run("--stays", "2025-01-01..2025-03-31", "--on", "2025-06-30", "--entry", "2025-06-30", "--json"));
        assertEquals(89, result.get("used_days").asInt());
        assertEquals(0, result.get("overstay_days").asInt());
        assertFalse(result.get("refused_on_entry").asBoolean());
        assertEquals("2025-09-27", result.get("latest_lawful_exit").asText());
        assertEquals(90, result.get("max_stay_days").asInt());
    }

    @Test
    void regulationExampleEntering29JuneIsRefused() throws Exception {
        // Window of 29 Jun is 1 Jan..29 Jun: 90 days used, entering would make 91.
        JsonNode result =
                json(run("--stays", "2025-01-01..2025-03-31", "--on", "2025-06-29", "--entry", "2025-06-29", "--json"));
        assertEquals(90, result.get("used_days").asInt());
        assertEquals(0, result.get("overstay_days").asInt());
        assertTrue(result.get("refused_on_entry").asBoolean());
        assertTrue(result.get("latest_lawful_exit").isNull());
        assertTrue(result.get("max_stay_days").isNull());
    }

    @Test
    void entryDefaultsToTheStartOfTheLastStay() throws Exception {
        // On 10 Jul the window is 12 Jan..10 Jul: 12 Jan..31 Mar = 79 days + 30 Jun..10 Jul = 11 days = 90.
        // The recorded exit on 10 Jul does not shorten the stay entered 30 Jun: still 27 Sep.
        JsonNode result =
                json(run("--stays", "2025-01-01..2025-03-31,2025-06-30..2025-07-10", "--on", "2025-07-10", "--json"));
        assertEquals(90, result.get("used_days").asInt());
        assertEquals("2025-06-30", result.get("entry").asText());
        assertEquals("2025-09-27", result.get("latest_lawful_exit").asText());
    }

    @Test
    void openStayIsPresentOnTheControlDate() throws Exception {
        // Entered 1 Jan, still present on 10 Apr: 1 Jan..10 Apr = 100 days, 10 over.
        JsonNode result = json(run("--stays", "2025-01-01..", "--on", "2025-04-10", "--json"));
        assertEquals(100, result.get("used_days").asInt());
        assertEquals(10, result.get("overstay_days").asInt());
        // A fresh stay from 1 Jan may last 90 days: until 31 Mar.
        assertEquals("2025-03-31", result.get("latest_lawful_exit").asText());
    }

    @Test
    void visaLimitsShortenTheStay() throws Exception {
        // 10 days authorised from 30 Jun inclusive: until 9 Jul.
        JsonNode byDuration = json(run(
                "--stays",
                "2025-01-01..2025-03-31",
                "--on",
                "2025-06-30",
                "--entry",
                "2025-06-30",
                "--visa-until",
                "2025-09-30",
                "--visa-days",
                "10",
                "--json"));
        assertEquals("2025-07-09", byDuration.get("latest_lawful_exit").asText());
        assertEquals(10, byDuration.get("max_stay_days").asInt());
        // Valid until 15 Jul: 30 Jun + 15 days of July = 16 days.
        JsonNode byValidity = json(run(
                "--stays",
                "2025-01-01..2025-03-31",
                "--on",
                "2025-06-30",
                "--entry",
                "2025-06-30",
                "--visa-until",
                "2025-07-15",
                "--json"));
        assertEquals("2025-07-15", byValidity.get("latest_lawful_exit").asText());
        assertEquals(16, byValidity.get("max_stay_days").asInt());
    }

    @Test
    void visaDurationIsATotalOverItsValidity() throws Exception {
        // 30 days over 1 Jun - 31 Aug, 20 already spent: entering 30 Jun leaves 10, until 9 Jul.
        JsonNode result = json(run(
                "--stays",
                ",",
                "--on",
                "2025-06-30",
                "--entry",
                "2025-06-30",
                "--visa-from",
                "2025-06-01",
                "--visa-until",
                "2025-08-31",
                "--visa-days",
                "30",
                "--visa-days-used",
                "20",
                "--json"));
        assertEquals("2025-07-09", result.get("latest_lawful_exit").asText());
        // Valid longer than six months: no total, 90/180 alone (30 Jun + 89 = 27 Sep).
        JsonNode longValid = json(run(
                "--stays",
                ",",
                "--on",
                "2025-06-30",
                "--entry",
                "2025-06-30",
                "--visa-from",
                "2025-01-01",
                "--visa-until",
                "2025-12-31",
                "--visa-days",
                "30",
                "--visa-days-used",
                "20",
                "--json"));
        assertEquals("2025-09-27", longValid.get("latest_lawful_exit").asText());
    }

    @Test
    void visaOptionsNeedTheLastValidDay() {
        assertUsageError(
                run("--stays", ",", "--on", "2025-06-30", "--entry", "2025-06-30", "--visa-days", "30"),
                "--visa-until");
    }

    @Test
    void plainAnswerIsOneOrTwoSentences() {
        Run run = run("--stays", "2025-01-01..2025-03-31,2025-06-30..2025-07-10", "--on", "2025-07-10");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(
                "Used 90 of 90 days in the 180 days ending 2025-07-10; no overstay. "
                        + "Entering on 2025-06-30 the stay may last until 2025-09-27 (90 days).",
                run.out().trim());
    }

    @Test
    void plainAnswerNamesARefusal() {
        Run run = run("--stays", "2025-01-01..2025-03-31", "--on", "2025-06-29", "--entry", "2025-06-29");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("refusal reason F"), run.out());
    }

    @Test
    void unparseableDateIsAUsageError() {
        assertUsageError(run("--stays", "2025-13-01..2025-03-31", "--on", "2025-07-10"), "2025-13-01");
        assertUsageError(run("--stays", "2025-01-01..2025-03-31", "--on", "10/07/2025"), "--on");
        assertUsageError(run("--stays", "2025-01-01", "--on", "2025-07-10"), "ENTRY..EXIT");
        assertUsageError(run("--stays", "+999999999-01-01..", "--on", "2025-07-10"), "years 0001-9999");
        assertUsageError(run("--stays", "2025-01-01..2025-03-31", "--on", "+999999999-12-31"), "years 0001-9999");
    }

    @Test
    void overlappingStaysAreAUsageError() {
        assertUsageError(
                run("--stays", "2025-01-01..2025-01-10,2025-01-05..2025-01-20", "--on", "2025-07-10"), "overlap");
    }

    @Test
    void exitBeforeEntryIsAUsageError() {
        assertUsageError(run("--stays", "2025-03-10..2025-03-09", "--on", "2025-07-10"), "before entry");
    }

    @Test
    void missingStaysIsAUsageError() {
        assertUsageError(run("--on", "2025-07-10"), "--stays");
        assertUsageError(run("--stays", ",", "--on", "2025-07-10"), "--stays");
    }

    @Test
    void plannedFirstEntryNeedsNoRecordedStay() throws Exception {
        // Nobody present before: a fresh stay from 30 Jun lasts 90 days, 30 Jun + 89 = 27 Sep.
        JsonNode result = json(run("--stays", ",", "--on", "2025-06-30", "--entry", "2025-06-30", "--json"));
        assertEquals(0, result.get("used_days").asInt());
        assertEquals("2025-09-27", result.get("latest_lawful_exit").asText());
    }

    @Test
    void visaDurationMustBePositive() {
        assertUsageError(
                run("--stays", "2025-01-01..2025-03-31", "--on", "2025-07-10", "--visa-days", "0"), "--visa-days");
    }

    private static void assertUsageError(Run run, String expectedInMessage) {
        assertEquals(ExitCodes.USAGE, run.exitCode(), run.err());
        String firstLine = run.err().lines().findFirst().orElse("");
        assertTrue(firstLine.contains(expectedInMessage), run.err());
        assertFalse(run.err().contains("Exception") || run.err().contains("\tat "), run.err());
        assertTrue(run.out().isEmpty(), run.out());
    }
}
