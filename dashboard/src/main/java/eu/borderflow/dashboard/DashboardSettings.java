package eu.borderflow.dashboard;

import eu.borderflow.config.ConfigException;
import eu.borderflow.config.ConfigLoader;
import eu.borderflow.dashboard.auth.Role;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The dashboard's configuration: {@code config/dashboard.yaml}, bound once at start. */
public record DashboardSettings(
        String environment,
        Server server,
        Sessions sessions,
        SignIn signIn,
        Kafka kafka,
        View view,
        Health health,
        Audit audit,
        List<User> users) {

    public static final String FILE = "dashboard";

    /** Where the web server listens. */
    public record Server(String host, int port, boolean secureCookies, int maxStreams) {}

    /** How long a sign-in lasts: idle, and at most. */
    public record Sessions(Duration idleTimeout, Duration maxLifetime) {}

    /**
     * How long a user name waits after wrong passwords in a row: {@code freeFailures} are free, then {@code delay},
     * doubling up to {@code maxDelay}; the count is forgotten after {@code resetAfter} without a failure.
     */
    public record SignIn(int freeFailures, Duration delay, Duration maxDelay, Duration resetAfter) {}

    /** How the dashboard writes its decisions. */
    public record Kafka(String transactionalId, Duration writeTimeout) {}

    /** Bounds of the in-memory view. */
    public record View(
            int maxFlags,
            int maxIncidents,
            int incidentsPerSection,
            int trendHours,
            int feedEvents,
            Duration staleAfter,
            int maxReasonLength) {}

    /** The pipeline health page's sources. */
    public record Health(List<String> flinkRestUrls, Duration pollInterval, Duration timeout) {}

    /** What every audit record names as its purpose. */
    public record Audit(String purpose) {}

    /** One person who may sign in; {@code password} is a {@link eu.borderflow.dashboard.auth.PasswordHash}. */
    public record User(String name, Role role, String password) {}

    /**
     * Reads and checks {@code dashboard.yaml}. A file written before {@code sign_in} existed (every deployment keeps
     * its own, for its users) gets the shipped policy.
     */
    public static DashboardSettings load(ConfigLoader config) {
        DashboardSettings read = config.bind(FILE, "", DashboardSettings.class);
        if (read.signIn == null) {
            read = read.withSignIn(ConfigLoader.defaults().bind(FILE, "/sign_in", SignIn.class));
        }
        return read.checked();
    }

    private DashboardSettings withSignIn(SignIn policy) {
        return new DashboardSettings(environment, server, sessions, policy, kafka, view, health, audit, users);
    }

    /** The same settings with another port. */
    public DashboardSettings withPort(int port) {
        return new DashboardSettings(
                environment,
                new Server(server.host, port, server.secureCookies, server.maxStreams),
                sessions,
                signIn,
                kafka,
                view,
                health,
                audit,
                users);
    }

    /** The same settings with other Flink REST endpoints. */
    public DashboardSettings withFlinkRestUrls(List<String> urls) {
        return new DashboardSettings(
                environment,
                server,
                sessions,
                signIn,
                kafka,
                view,
                new Health(List.copyOf(urls), health.pollInterval, health.timeout),
                audit,
                users);
    }

    /** The same settings with another environment (broker and topic names). */
    public DashboardSettings withEnvironment(String name) {
        return new DashboardSettings(name, server, sessions, signIn, kafka, view, health, audit, users);
    }

    private DashboardSettings checked() {
        require(environment != null && !environment.isBlank(), "environment is missing");
        require(server != null && server.host != null, "server.host is missing");
        require(server.port >= 0 && server.port <= 65535, "server.port must be between 0 and 65535");
        require(server.maxStreams >= 1, "server.max_streams must be at least 1");
        require(
                sessions != null && positive(sessions.idleTimeout) && positive(sessions.maxLifetime),
                "sessions.idle_timeout and sessions.max_lifetime must be positive durations");
        require(
                signIn != null
                        && signIn.freeFailures >= 1
                        && positive(signIn.delay)
                        && positive(signIn.maxDelay)
                        && signIn.maxDelay.compareTo(signIn.delay) >= 0
                        && positive(signIn.resetAfter),
                "sign_in needs free_failures (at least 1) and positive delay, max_delay (at least delay) and "
                        + "reset_after");
        require(
                kafka != null
                        && kafka.transactionalId != null
                        && !kafka.transactionalId.isBlank()
                        && positive(kafka.writeTimeout),
                "kafka.transactional_id and kafka.write_timeout are needed");
        require(
                view != null
                        && view.maxFlags > 0
                        && view.maxIncidents > 0
                        && view.incidentsPerSection > 0
                        && view.trendHours > 0
                        && view.feedEvents > 0
                        && positive(view.staleAfter)
                        && view.maxReasonLength > 0,
                "every view bound must be positive");
        require(
                health != null
                        && health.flinkRestUrls != null
                        && positive(health.pollInterval)
                        && positive(health.timeout),
                "health needs flink_rest_urls, poll_interval and timeout");
        for (String url : health.flinkRestUrls) {
            require(
                    url.startsWith("http://") || url.startsWith("https://"),
                    "health.flink_rest_urls: " + url + " is not an http(s) URL");
            URI.create(url);
        }
        require(audit != null && audit.purpose != null && !audit.purpose.isBlank(), "audit.purpose is missing");
        require(users != null, "users is missing (an empty list is allowed)");
        Set<String> names = new HashSet<>();
        for (User user : users) {
            require(
                    user.name != null && user.name.matches("[A-Za-z0-9._-]{1,64}"),
                    "users: a name is 1-64 letters, digits, '.', '_' or '-'");
            require(names.add(user.name), "users: " + user.name + " appears twice");
            require(user.role != null, "users: " + user.name + " has no role (viewer, analyst or supervisor)");
            require(
                    user.password != null && eu.borderflow.dashboard.auth.PasswordHash.isWellFormed(user.password),
                    "users: the password of " + user.name + " is not a hash from `ops/borderflow dashboard "
                            + "--hash-password`");
        }
        return this;
    }

    private static boolean positive(Duration d) {
        return d != null && !d.isNegative() && !d.isZero();
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new ConfigException(FILE + ".yaml: " + message);
        }
    }
}
