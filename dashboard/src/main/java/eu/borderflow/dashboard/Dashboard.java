package eu.borderflow.dashboard;

import eu.borderflow.config.ConfigException;
import eu.borderflow.config.ConfigLoader;
import eu.borderflow.config.TopicNames;
import eu.borderflow.dashboard.auth.SessionStore;
import eu.borderflow.dashboard.auth.SignInThrottle;
import eu.borderflow.dashboard.auth.UserDirectory;
import eu.borderflow.dashboard.feed.FeedLog;
import eu.borderflow.dashboard.health.KafkaHealth;
import eu.borderflow.dashboard.health.PipelineHealth;
import eu.borderflow.dashboard.http.DashboardServer;
import eu.borderflow.dashboard.input.DashboardInput;
import eu.borderflow.dashboard.input.FileInput;
import eu.borderflow.dashboard.input.KafkaInput;
import eu.borderflow.dashboard.metrics.DashboardMetrics;
import eu.borderflow.dashboard.view.SituationView;
import eu.borderflow.dashboard.write.DecisionLog;
import eu.borderflow.dashboard.write.Decisions;
import eu.borderflow.dashboard.write.FileAuditLog;
import eu.borderflow.dashboard.write.KafkaDecisionLog;
import eu.borderflow.privacy.Pseudonymiser;
import eu.borderflow.privacy.PseudonymiserFactory;
import eu.borderflow.reference.SectionTable;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The operators' dashboard, wired: an input (Kafka live, or a bounded run's files) feeding the in-memory view, the
 * decision log (Kafka, or an audit file for the read-only view of files), pipeline health, metrics and the web server.
 * {@link #close()} stops all of it.
 */
public final class Dashboard implements AutoCloseable {

    private final SituationView view;
    private final SessionStore sessions;
    private final DashboardInput input;
    private final DecisionLog decisions;
    private final PipelineHealth health;
    private final DashboardMetrics metrics;
    private final DashboardServer server;
    private final String host;

    private Dashboard(Parts parts, DashboardSettings settings, ConfigLoader config, Clock clock) {
        this.view = parts.view;
        this.input = parts.input;
        this.decisions = parts.decisions;
        this.health = parts.health;
        this.metrics = parts.metrics;
        this.host = settings.server().host();
        this.sessions = new SessionStore(
                clock,
                settings.sessions().idleTimeout(),
                settings.sessions().maxLifetime(),
                officers(config, settings.environment()));
        metrics.gauge("sessions", "Signed-in sessions", sessions::size);
        metrics.gauge("flags.held", "Flags held in the view", () -> view.sizes().flags());
        metrics.gauge(
                "flags.pending", "Flags waiting for review", () -> view.sizes().pending());
        metrics.gauge(
                "incidents.held",
                "Incidents held in the view",
                () -> view.sizes().incidents());
        Decisions actions = new Decisions(
                decisions,
                view,
                metrics,
                clock,
                settings.audit().purpose(),
                settings.view().maxReasonLength());
        SignInThrottle throttle = new SignInThrottle(clock, settings.signIn());
        metrics.gauge("sign.in.names.counted", "User names whose wrong passwords in a row are counted", throttle::size);
        this.server = new DashboardServer(
                settings,
                view,
                new UserDirectory(settings.users(), throttle),
                sessions,
                actions,
                health,
                input,
                metrics);
    }

    /** What differs between a live dashboard and one over files. */
    private record Parts(
            SituationView view,
            DashboardInput input,
            DecisionLog decisions,
            PipelineHealth health,
            DashboardMetrics metrics) {}

    /** The live dashboard over Kafka; {@code bootstrap} null means the environment's broker. */
    public static Dashboard live(ConfigLoader config, DashboardSettings settings, String bootstrap, Clock clock) {
        TopicNames topics = TopicNames.load(config, settings.environment());
        String broker = bootstrap != null ? bootstrap : environmentBroker(config, settings.environment());
        DashboardMetrics metrics = new DashboardMetrics();
        SituationView view = view(settings);
        KafkaInput input = new KafkaInput(broker, topics, view, metrics);
        DecisionLog log = new KafkaDecisionLog(
                broker,
                settings.kafka().transactionalId(),
                topics,
                settings.kafka().writeTimeout());
        PipelineHealth health = new PipelineHealth(
                settings.health().flinkRestUrls(),
                settings.health().timeout(),
                new KafkaHealth(
                        broker, topics.getDeadLetters(), settings.health().timeout()),
                clock,
                settings.health().pollInterval());
        Dashboard dashboard = new Dashboard(new Parts(view, input, log, health, metrics), settings, config, clock);
        input.start();
        return dashboard;
    }

    /**
     * The same app over a bounded run's files (read-only: views are audited into the first folder's
     * {@code dashboard-audit.avro}); the files are read before this returns.
     */
    public static Dashboard overFiles(
            ConfigLoader config, DashboardSettings settings, List<Path> folders, Clock clock) {
        if (folders.isEmpty() || FileInput.filesIn(folders).isEmpty()) {
            throw new ConfigException("no " + FileInput.INCIDENTS + ", " + FileInput.FLAGS + " or " + FileInput.PICTURE
                    + " in " + folders);
        }
        DashboardMetrics metrics = new DashboardMetrics();
        SituationView view = view(settings);
        FileInput input = new FileInput(folders, view, metrics);
        input.start();
        PipelineHealth health = new PipelineHealth(
                settings.health().flinkRestUrls(),
                settings.health().timeout(),
                null,
                clock,
                settings.health().pollInterval());
        return new Dashboard(
                new Parts(view, input, new FileAuditLog(folders.get(0)), health, metrics), settings, config, clock);
    }

    /** Starts the web server; port 0 takes a free one. */
    public Dashboard start(int port) {
        server.start(host, port);
        return this;
    }

    public int port() {
        return server.port();
    }

    public String url() {
        return "http://" + host + ":" + port();
    }

    public SituationView view() {
        return view;
    }

    public SessionStore sessions() {
        return sessions;
    }

    private static SituationView view(DashboardSettings settings) {
        return new SituationView(
                SectionTable.load(),
                settings.view(),
                new FeedLog(settings.view().feedEvents()));
    }

    /**
     * The pseudonymiser of officers: the key the jobs use (BORDERFLOW_TOKEN_KEY, else privacy.yaml's), and like a job,
     * the public demo key only where the environment allows it.
     */
    private static Pseudonymiser officers(ConfigLoader config, String environment) {
        boolean demoKeyAllowed = config.tree("environments/" + environment)
                .path("allow_demo_key")
                .asBoolean(false);
        return PseudonymiserFactory.forJob(config, System.getenv(PseudonymiserFactory.KEY_ENV), demoKeyAllowed);
    }

    private static String environmentBroker(ConfigLoader config, String environment) {
        String broker = config.tree("environments/" + environment)
                .at("/kafka/bootstrap_servers")
                .asText("");
        if (broker.isBlank()) {
            throw new ConfigException("environments/" + environment + ".yaml has no kafka.bootstrap_servers");
        }
        return broker;
    }

    @Override
    public void close() {
        List<RuntimeException> failures = new ArrayList<>();
        for (AutoCloseable part :
                List.<AutoCloseable>of(view.feed()::close, server, input, health, decisions, metrics)) {
            try {
                part.close();
            } catch (Exception e) {
                failures.add(e instanceof RuntimeException r ? r : new IllegalStateException(e));
            }
        }
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
    }
}
