package eu.borderflow.dashboard.testing;

import eu.borderflow.config.TopicNames;
import eu.borderflow.dashboard.Dashboard;
import eu.borderflow.tools.kafka.TestBroker;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A live dashboard on a real broker for one test class: the broker (ops/test.sh's, or one in this JVM), topics of the
 * test's own, a clock the test moves, the dashboard on a free port, and a writer of the topics. Its health page points
 * at a Flink URL that does not answer.
 */
public final class LiveDashboard implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private final TestBroker broker;
    private final TestTopics topics;
    private final MutableClock clock;
    private final Dashboard dashboard;
    private final Topics kafka;

    private LiveDashboard(TestBroker broker, TestTopics topics, MutableClock clock, Dashboard dashboard) {
        this.broker = broker;
        this.topics = topics;
        this.clock = clock;
        this.dashboard = dashboard;
        this.kafka = new Topics(broker.bootstrap());
    }

    public static LiveDashboard start(Path dir) throws Exception {
        TestBroker broker = TestBroker.startOrShareExternal();
        TestTopics topics = TestTopics.create(broker.bootstrap(), dir);
        MutableClock clock = new MutableClock(Instant.now());
        return new LiveDashboard(
                broker,
                topics,
                clock,
                TestDashboard.live(topics, broker.bootstrap(), clock, List.of("http://127.0.0.1:1")));
    }

    public String url() {
        return dashboard.url();
    }

    public TopicNames names() {
        return topics.names();
    }

    public MutableClock clock() {
        return clock;
    }

    public Topics kafka() {
        return kafka;
    }

    public String bootstrap() {
        return broker.bootstrap();
    }

    /** Waits until the dashboard holds {@code n} flags waiting for review, as {@code web} sees them. */
    public void awaitQueue(Web web, int n) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (web.getJson("/api/queue").path("total").asInt() < n && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        int held = web.getJson("/api/queue").path("total").asInt();
        if (held != n) {
            throw new AssertionError("the dashboard holds " + held + " flags waiting for review, not " + n);
        }
    }

    @Override
    public void close() throws Exception {
        kafka.close();
        dashboard.close();
        broker.close();
    }
}
