package eu.borderflow.dashboard.health;

import eu.borderflow.config.JobNames;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pipeline health page's data, refreshed in the background every poll interval (a page view never waits on Flink
 * or Kafka): the Flink clusters' jobs and the broker's consumer groups and dead letters.
 */
public final class PipelineHealth implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PipelineHealth.class);

    private final List<String> flinkUrls;
    private final FlinkRest flink;
    private final KafkaHealth kafka;
    private final Clock clock;
    private final ScheduledExecutorService poller;
    private volatile Map<String, Object> latest;

    /** {@code kafka} is null for a dashboard over files. */
    public PipelineHealth(List<String> flinkUrls, Duration timeout, KafkaHealth kafka, Clock clock, Duration interval) {
        this.flinkUrls = List.copyOf(flinkUrls);
        this.flink = new FlinkRest(timeout);
        this.kafka = kafka;
        this.clock = clock;
        Map<String, Object> first = new LinkedHashMap<>();
        first.put("checked_at", null);
        this.latest = first;
        this.poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "dashboard-health");
            t.setDaemon(true);
            return t;
        });
        poller.scheduleWithFixedDelay(this::refresh, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    public Map<String, Object> latest() {
        return latest;
    }

    /** Checks now (also run on the schedule). */
    public void refresh() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("checked_at", clock.millis());
        try {
            List<Object> clusters = new ArrayList<>();
            flinkUrls.forEach(url -> clusters.add(flink.cluster(url)));
            out.put("flink", clusters);
            if (!clusters.isEmpty()) {
                out.put("jobs_not_running", notRunning(clusters));
            }
            out.put("kafka", kafka == null ? null : kafka.snapshot(clock.instant()));
        } catch (RuntimeException e) {
            // A surprise in an answer must not stop the schedule: show it, try again next time.
            LOG.warn("pipeline health check failed", e);
            out.put("error", e.toString());
        }
        latest = out;
    }

    /**
     * The jobs of the pipeline that run on none of the clusters watched: after a JobManager restart a session cluster
     * answers, healthy, with no jobs at all, and an empty table is easy to read as "nothing wrong".
     */
    static List<String> notRunning(List<Object> clusters) {
        List<String> missing = new ArrayList<>(JobNames.ALL);
        for (Object cluster : clusters) {
            if (cluster instanceof Map<?, ?> c && c.get("jobs") instanceof List<?> jobs) {
                for (Object job : jobs) {
                    if (job instanceof Map<?, ?> j && "RUNNING".equals(j.get("state"))) {
                        missing.remove(j.get("name"));
                    }
                }
            }
        }
        return missing;
    }

    @Override
    public void close() {
        poller.shutdownNow();
        try {
            poller.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (kafka != null) {
            kafka.close();
        }
    }
}
