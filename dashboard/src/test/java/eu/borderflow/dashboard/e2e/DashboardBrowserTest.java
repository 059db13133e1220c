package eu.borderflow.dashboard.e2e;

import static eu.borderflow.dashboard.testing.TestDashboard.ANALYST;
import static eu.borderflow.dashboard.testing.TestDashboard.SUPERVISOR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import eu.borderflow.config.ConfigLoader;
import eu.borderflow.dashboard.Dashboard;
import eu.borderflow.dashboard.browser.Browser;
import eu.borderflow.dashboard.testing.DatasetPrefix;
import eu.borderflow.dashboard.testing.TestDashboard;
import eu.borderflow.dashboard.testing.TestTopics;
import eu.borderflow.dashboard.testing.Topics;
import eu.borderflow.dashboard.testing.Web;
import eu.borderflow.picture.SituationPictureJob;
import eu.borderflow.reference.SectionTable;
import eu.borderflow.risk.RiskFlagJob;
import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.FlagReview;
import eu.borderflow.schema.GroundTruthEntry;
import eu.borderflow.schema.GroundTruthKind;
import eu.borderflow.schema.ReviewDecision;
import eu.borderflow.schema.SectionImpactLevel;
import eu.borderflow.schema.SectionLevelChange;
import eu.borderflow.schema.serde.AvroFiles;
import eu.borderflow.seeds.generate.GenerateOptions;
import eu.borderflow.seeds.generate.Generator;
import eu.borderflow.seeds.generate.Progress;
import eu.borderflow.tools.evaluate.EvaluationInputs;
import eu.borderflow.tools.kafka.TestBroker;
import eu.borderflow.tools.replay.ReplayOptions;
import eu.borderflow.tools.replay.ReplayReport;
import eu.borderflow.tools.replay.Replayer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.apache.avro.file.DataFileStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The dashboard end to end in a real browser: a real Kafka broker, the risk-flag job and the situational-picture job
 * streaming on embedded MiniClusters, a generated world replayed into Kafka while an analyst watches in headless
 * Chromium. The world is replayed up to half a day after the R11 surge the generator planted, when every report of
 * it has arrived: the picture is then live at that moment. The analyst signs in, sees the sections coloured by level,
 * sees a flag the generator planted arrive in the live feed, the surge's section turn fresh and marked for review
 * with R11's flag in the feed, opens the planted flag, confirms it with a reason; the FlagReview is then read back
 * from Kafka. The health page shows both jobs running, the section's "why this level" the surge against the
 * thresholds. A supervisor then raises a section's level and sees the map follow. Screenshots go to
 * target/screenshots.
 */
class DashboardBrowserTest {

    /** Generous: the jobs and the browser share a loaded machine; every wait ends as soon as its condition holds. */
    private static final Duration WAIT = Duration.ofMinutes(5);
    /** The replay ends this long after the surge's window: every report of it is in (reported within 12 h). */
    private static final Duration AFTER_SURGE = Duration.ofHours(13);

    private static final String REASON = "Document checked against the alert: same issuing state and number";
    private static final Path SHOTS = Path.of("target", "screenshots");
    private static final Path CHECKPOINTS = Path.of("target", "e2e-checkpoints");
    /** The reference data's colours (app.css) as the browser computes them. */
    private static final String CRITICAL_RGB = "rgb(198, 40, 40)";

    private static final String LOW_RGB = "rgb(46, 125, 50)";
    /**
     * Notes the link of every flag the live feed shows as new, as it is shown. The feed keeps its latest 200 items:
     * at full replay speed on a fast machine a flag scrolls out again between two polls of the test.
     */
    private static final String WATCH_FEED = """
            window.feedArrivals = {};
            new MutationObserver(changes => changes.forEach(c => c.addedNodes.forEach(n => {
              if (n.classList.contains('new') && n.dataset.flagId) {
                window.feedArrivals[n.dataset.flagId] = n.querySelector('a').getAttribute('href');
              }
            }))).observe(document.getElementById('feed'), {childList: true});
            """;

    @TempDir
    static Path dir;

    private static TestBroker broker;
    private static TestTopics topics;
    private static EmbeddedJobs.Running risk;
    private static EmbeddedJobs.Running picture;
    private static Dashboard dashboard;
    private static Path world;
    /** What is replayed: the world up to {@link #AFTER_SURGE} after the surge. */
    private static Path live;

    private static GroundTruthEntry surge;
    private static GroundTruthEntry planted;

    @BeforeAll
    static void start() throws Exception {
        world = dir.resolve("world");
        // The demo's world (ops/demo.sh): R11's four weeks of history and planted surges after them.
        Generator.run(new GenerateOptions(7, 5000, 45, LocalDate.parse("2025-01-06"), world), Progress.NONE);
        List<GroundTruthEntry> truth = EvaluationInputs.groundTruth(world);
        surge = truth.stream()
                .filter(e -> e.getKind() == GroundTruthKind.EXPECTED_FLAG
                        && e.getRuleId().equals("R11"))
                .findFirst()
                .orElseThrow();
        Instant cut = windowEnd(surge).plus(AFTER_SURGE);
        live = dir.resolve("live");
        DatasetPrefix.write(world, live, cut);
        planted = plantedFlagIn(truth, live, cut.minus(Duration.ofDays(2)));

        broker = TestBroker.startOrShareExternal();
        topics = TestTopics.create(broker.bootstrap(), dir);
        sparseWorldPicture(topics.configDir());
        // Not in the temporary folder: a cancelled task's checkpoint thread may still write a file while JUnit
        // deletes that folder, which then fails the test.
        Path checkpoints = Files.createTempDirectory(Files.createDirectories(CHECKPOINTS), "run-");
        risk = EmbeddedJobs.risk(topics.config(), topics.environment(), checkpoints);
        picture = EmbeddedJobs.picture(topics.config(), topics.environment(), checkpoints);
        dashboard = TestDashboard.live(
                topics, broker.bootstrap(), Clock.systemUTC(), List.of(risk.restUrl(), picture.restUrl()));
    }

    @AfterAll
    static void stop() throws Exception {
        if (dashboard != null) {
            dashboard.close();
        }
        if (picture != null) {
            picture.close();
        }
        if (risk != null) {
            risk.close();
        }
        broker.close();
    }

    /**
     * config/picture.yaml as the demo runs it for its sparse world (a section is UNKNOWN after a day without a
     * record), and inputs idle after 5 s, so the picture's clock leaves a finished replay's sparse inputs behind
     * soon.
     */
    private static void sparseWorldPicture(Path configDir) throws Exception {
        ObjectNode settings = (ObjectNode) ConfigLoader.defaults().tree("picture");
        ((ObjectNode) settings.get("freshness")).put("unknown_after", "PT24H");
        ((ObjectNode) settings.get("time")).put("source_idleness", "PT5S");
        new ObjectMapper(new YAMLFactory())
                .writeValue(configDir.resolve("picture.yaml").toFile(), settings);
    }

    /** The end of the window in {@code <section_id>@<window_end>}, R11's trigger. */
    private static Instant windowEnd(GroundTruthEntry r11) {
        return Instant.parse(
                r11.getTriggerEventId().substring(r11.getTriggerEventId().indexOf('@') + 1));
    }

    private static String section(GroundTruthEntry r11) {
        return r11.getTriggerEventId().substring(0, r11.getTriggerEventId().indexOf('@'));
    }

    /** A planted R1 flag whose crossing is in the replayed part and well behind its end, so its flag is raised. */
    private static GroundTruthEntry plantedFlagIn(List<GroundTruthEntry> truth, Path replayed, Instant before)
            throws Exception {
        Map<String, Instant> crossings = new HashMap<>();
        try (DataFileStream<BorderCrossing> in =
                AvroFiles.open(BorderCrossing.class, replayed.resolve("crossings.avro"))) {
            in.forEach(c -> crossings.put(c.getEventId(), c.getEventTime()));
        }
        return truth.stream()
                .filter(e -> e.getKind() == GroundTruthKind.EXPECTED_FLAG
                        && e.getRuleId().equals("R1"))
                .filter(e -> crossings.containsKey(e.getTriggerEventId())
                        && crossings.get(e.getTriggerEventId()).isBefore(before))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no planted R1 flag in the replayed part"));
    }

    /** The link of the flag's item once the live feed has shown it as new. */
    private static String feedArrival(Browser browser, String flagId) {
        return browser.await(
                WAIT, d -> (String) browser.script("return window.feedArrivals[arguments[0]] || null", flagId));
    }

    private static void signOutAndIn(Browser browser, String user) {
        browser.find(By.id("logout")).click();
        browser.await(WAIT, ExpectedConditions.urlContains("/login.html"));
        browser.find(By.id("login-user")).sendKeys(user);
        browser.find(By.id("login-password")).sendKeys(TestDashboard.password(user));
        browser.find(By.id("login-submit")).click();
        browser.await(WAIT, ExpectedConditions.textToBePresentInElementLocated(By.id("who"), user + " ("));
    }

    @Test
    void anAnalystSeesThePictureAndAPlantedFlagArriveLiveReviewsItAndTheReviewIsOnKafka() throws Exception {
        String flagId = planted.getRuleId() + ":" + planted.getTriggerEventId();
        String surgeSection = section(surge);
        String surgeFlagId = surge.getRuleId() + ":" + surge.getTriggerEventId();
        By surgePath = By.cssSelector("path.section[data-section='" + surgeSection + "']");
        String base = dashboard.url();
        try (Browser browser = Browser.start()) {
            browser.open(base + "/");
            browser.await(WAIT, ExpectedConditions.urlContains("/login.html"));
            browser.find(By.id("login-user")).sendKeys(ANALYST);
            browser.find(By.id("login-password")).sendKeys(TestDashboard.password(ANALYST));
            browser.find(By.id("login-submit")).click();
            browser.await(WAIT, ExpectedConditions.textToBePresentInElementLocated(By.id("who"), "ana (analyst)"));
            browser.await(WAIT, ExpectedConditions.textToBePresentInElementLocated(By.id("conn"), "live"));
            // Before signing in the page's session check was refused (401, as it must be); only later errors count.
            browser.driver().manage().logs().get("browser");

            long drawn = SectionTable.load().rows().size();
            browser.await(
                    WAIT, d -> d.findElements(By.cssSelector("path.section")).size() == drawn);
            WebElement critical = browser.find(By.cssSelector("path.section[data-section='LAND-POL-BLR']"));
            assertTrue(critical.getAttribute("class").contains("level-CRITICAL"), critical.getAttribute("class"));
            assertEquals(CRITICAL_RGB, browser.script("return getComputedStyle(arguments[0]).stroke", critical));
            WebElement low = browser.find(By.cssSelector("path.section[data-section='LAND-ROU-SRB']"));
            assertEquals(LOW_RGB, browser.script("return getComputedStyle(arguments[0]).stroke", low));
            assertTrue(
                    browser.driver()
                            .findElements(By.cssSelector("#feed li[data-flag-id='" + flagId + "']"))
                            .isEmpty(),
                    "the flag is not there before the world is replayed");
            assertTrue(
                    browser.find(surgePath).getAttribute("class").contains("freshness-UNKNOWN"),
                    "no picture of the section yet: unknown, not quiet");

            browser.script(WATCH_FEED);
            StringWriter replayLog = new StringWriter();
            ReplayReport replayed = new Replayer(ReplayOptions.builder(live, broker.bootstrap(), topics.names())
                            .status(new PrintWriter(replayLog))
                            .build())
                    .run();
            assertEquals(0, replayed.failed(), replayLog.toString());

            // The feed keeps its latest items only: the flag may have scrolled out by the time the picture has caught
            // up, so the analyst opens it through the link it arrived with.
            String link = feedArrival(browser, flagId);
            assertTrue(link.contains("#flag/"), link);
            // The picture job's part: the surge's section fresh, under pressure, marked for review, R11's flag live.
            By reviewMark = By.cssSelector(".section-mark.review[data-section='" + surgeSection + "']");
            browser.await(WAIT, d -> {
                String classes = d.findElement(surgePath).getAttribute("class");
                return classes.contains("freshness-FRESH")
                        && classes.contains("pressure-3")
                        && classes.contains("suggested")
                        && !d.findElements(reviewMark).isEmpty();
            });
            feedArrival(browser, surgeFlagId);
            browser.screenshot(SHOTS.resolve("dashboard-map.png"));
            browser.script("location.href = arguments[0]", link);
            WebElement detail = browser.await(WAIT, ExpectedConditions.presenceOfElementLocated(By.id("flag-detail")));
            assertEquals(flagId, detail.getAttribute("data-flag-id"));
            assertFalse(browser.find(By.id("flag-explanation")).getText().isBlank());
            assertTrue(browser.find(By.id("flag-evidence")).getText().contains(planted.getTriggerEventId()));

            browser.find(By.id("review-reason")).sendKeys(REASON);
            browser.find(By.id("review-confirm")).click();
            browser.await(
                    WAIT,
                    ExpectedConditions.textToBePresentInElementLocated(By.id("review-result"), "Review recorded"));
            String reviewId = browser.find(By.id("review-result")).getAttribute("data-review-id");
            browser.screenshot(SHOTS.resolve("dashboard-flag-review.png"));

            try (Topics kafka = new Topics(broker.bootstrap())) {
                FlagReview review = kafka
                        .read(
                                topics.names().getReviews(),
                                FlagReview.class,
                                WAIT,
                                r -> r.getFlagId().equals(flagId))
                        .stream()
                        .filter(r -> r.getFlagId().equals(flagId))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("no review of " + flagId + " on Kafka"));
                assertEquals(reviewId, review.getReviewId());
                assertEquals(ReviewDecision.CONFIRMED, review.getDecision());
                assertEquals("analyst", review.getRole());
                assertEquals(REASON, review.getReason());
            }
            browser.open(base + "/#map");
            browser.await(
                    WAIT,
                    ExpectedConditions.presenceOfElementLocated(
                            By.cssSelector("#feed li.feed-review[data-flag-id='" + flagId + "']")));

            browser.open(base + "/#health");
            browser.await(
                    WAIT,
                    d -> d.findElements(By.cssSelector("tr.job[data-state='RUNNING']"))
                                    .size()
                            == 2);
            String jobs = browser.find(By.id("view-health")).getText();
            assertTrue(jobs.contains(RiskFlagJob.NAME) && jobs.contains(SituationPictureJob.NAME), jobs);
            assertTrue(
                    browser.driver()
                            .findElements(By.cssSelector(".job-not-running, .checkpoints-failing"))
                            .isEmpty(),
                    jobs);
            browser.screenshot(SHOTS.resolve("dashboard-health.png"));

            browser.open(base + "/#section/" + surgeSection);
            browser.await(WAIT, ExpectedConditions.presenceOfElementLocated(By.id("why")));
            assertTrue(
                    browser.find(By.cssSelector("#view-section p.ok")).getText().startsWith("Fresh: picture to"));
            long events = Long.parseLong(browser.find(By.id("why-events")).getText());
            assertTrue(events >= 30, "the 30 incidents of the surge within the 24 hours: " + events);
            String why = browser.find(By.id("why")).getText();
            assertTrue(why.contains("(R11 needs ≥ 20)") && why.contains("(R11 needs ≥ 3.0)"), why);
            double ratio = Double.parseDouble(browser.find(By.id("why-ratio")).getText());
            assertTrue(ratio >= 3.0, "the surge against a baseline of 2 a day: " + ratio);
            assertTrue(browser.find(By.id("why-suggested")).getText().startsWith("yes"));
            assertEquals(
                    events,
                    browser.driver()
                            .findElements(By.cssSelector("#why-contributing tbody tr"))
                            .size(),
                    "every incident behind the figure is listed");
            assertFalse(
                    browser.driver()
                            .findElements(By.cssSelector("#view-section tr[data-flag-id='" + surgeFlagId + "']"))
                            .isEmpty(),
                    "R11's flag among the section's flags");
            browser.screenshot(SHOTS.resolve("dashboard-section.png"));

            browser.open(base + "/#section/LAND-ROU-SRB");
            browser.await(WAIT, ExpectedConditions.presenceOfElementLocated(By.id("why")));
            assertTrue(browser.driver().findElements(By.id("level-form")).isEmpty(), "an analyst changes no level");
            signOutAndIn(browser, SUPERVISOR);
            browser.open(base + "/#section/LAND-ROU-SRB");
            browser.await(WAIT, ExpectedConditions.presenceOfElementLocated(By.id("level-form")));
            new Select(browser.find(By.id("level-select"))).selectByValue("HIGH");
            browser.find(By.id("level-reason")).sendKeys("Surge reported by the national coordination centre");
            browser.find(By.cssSelector("#level-form button")).click();
            browser.await(WAIT, ExpectedConditions.textToBePresentInElementLocated(By.id("level-result"), "Recorded"));
            browser.open(base + "/#map");
            browser.await(
                    WAIT,
                    d -> d.findElement(By.cssSelector("path.section[data-section='LAND-ROU-SRB']"))
                            .getAttribute("class")
                            .contains("level-HIGH"));

            @SuppressWarnings("unchecked")
            List<String> requested =
                    (List<String>) browser.script("return performance.getEntriesByType('resource').map(e => e.name)");
            assertFalse(requested.isEmpty());
            for (String url : requested) {
                assertTrue(url.startsWith(base + "/"), "every request stays on the page's origin: " + url);
            }
            List<LogEntry> errors = browser.driver().manage().logs().get("browser").getAll().stream()
                    .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                    .toList();
            assertEquals(List.of(), errors, "no errors in the browser console (CSP violations would show here)");
        }
        try (Topics kafka = new Topics(broker.bootstrap())) {
            SectionLevelChange change = kafka.read(
                            topics.names().getSectionLevels(),
                            SectionLevelChange.class,
                            WAIT,
                            c -> c.getSectionId().equals("LAND-ROU-SRB"))
                    .get(0);
            assertEquals(SectionImpactLevel.LOW, change.getPreviousLevel());
            assertEquals(SectionImpactLevel.HIGH, change.getLevel());
            assertEquals("supervisor", change.getRole());
        }
        String metrics = new Web(base).get("/metrics").body();
        assertFalse(
                metrics.matches("(?s).*borderflow_dashboard_csp_violations_total [1-9].*"),
                "no CSP violation reported");
        assertTrue(metrics.contains("borderflow_dashboard_reviews_total{decision=\"CONFIRMED\"} 1.0"), metrics);
    }
}
