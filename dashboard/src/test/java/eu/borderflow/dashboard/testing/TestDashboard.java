package eu.borderflow.dashboard.testing;

import eu.borderflow.config.ConfigLoader;
import eu.borderflow.dashboard.Dashboard;
import eu.borderflow.dashboard.DashboardSettings;
import eu.borderflow.dashboard.auth.PasswordHash;
import eu.borderflow.dashboard.auth.Role;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** A live dashboard for tests: the shipped settings with three users, a free port and the test's topics. */
public final class TestDashboard {

    public static final String VIEWER = "vic";
    public static final String ANALYST = "ana";
    public static final String SUPERVISOR = "sup";
    /** Few iterations: tests sign in often; the shipped hashes use PasswordHash.DEFAULT_ITERATIONS. */
    private static final int ITERATIONS = 1_000;

    private TestDashboard() {}

    public static String password(String user) {
        return "pw-" + user + "-2026";
    }

    public static DashboardSettings settings(String environment, List<String> flinkUrls, int feedEvents) {
        DashboardSettings shipped = DashboardSettings.load(ConfigLoader.defaults());
        DashboardSettings.View v = shipped.view();
        return new DashboardSettings(
                environment,
                new DashboardSettings.Server("127.0.0.1", 0, false, 8),
                shipped.sessions(),
                shipped.signIn(),
                new DashboardSettings.Kafka(environment + "-dashboard", Duration.ofSeconds(20)),
                new DashboardSettings.View(
                        v.maxFlags(),
                        v.maxIncidents(),
                        v.incidentsPerSection(),
                        v.trendHours(),
                        feedEvents,
                        v.staleAfter(),
                        v.maxReasonLength()),
                new DashboardSettings.Health(flinkUrls, Duration.ofSeconds(1), Duration.ofSeconds(2)),
                shipped.audit(),
                List.of(user(VIEWER, Role.VIEWER), user(ANALYST, Role.ANALYST), user(SUPERVISOR, Role.SUPERVISOR)));
    }

    public static Dashboard live(TestTopics topics, String bootstrap, Clock clock, List<String> flinkUrls) {
        return Dashboard.live(topics.config(), settings(topics.environment(), flinkUrls, 20_000), bootstrap, clock)
                .start(0);
    }

    private static DashboardSettings.User user(String name, Role role) {
        return new DashboardSettings.User(
                name, role, PasswordHash.hash(password(name).toCharArray(), ITERATIONS));
    }
}
