package eu.borderflow.cli.bench;

import eu.borderflow.config.ConfigLoader;
import eu.borderflow.flag.FlagTime;
import eu.borderflow.job.environment.JobEnvironment;
import eu.borderflow.job.environment.KafkaEndpoints;
import eu.borderflow.job.environment.KafkaSettings;
import eu.borderflow.job.environment.RuntimeSettings;
import eu.borderflow.risk.RiskFlagJob;
import eu.borderflow.risk.RiskSettings;
import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.RiskFlag;
import eu.borderflow.schema.serde.SingleObjectSerde;
import eu.borderflow.tools.replay.Pacing;
import eu.borderflow.tools.replay.ReplayOptions;
import eu.borderflow.tools.replay.Replayer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.flink.api.common.JobID;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Event-to-flag latency of the streaming risk job: the world is replayed at a fixed rate while the job runs, and a
 * read_committed consumer of the flag topic notes when each flag first becomes visible (its revision 0; later
 * revisions, which wait for later records, are counted only). A flag's latency runs from the broker's append of its
 * triggering crossing (the crossing topic stores the append time, {@code LogAppendTime}, on the benchmark's own
 * broker) to that moment. Flags whose trigger is no crossing (R10 review dates) are counted apart.
 * <p>
 * Flags raised at a moment in event time after their trigger ({@code raised_event_time} after {@code event_time}: R4
 * at its exit deadline, R7 on a repeated entry or exit when the 72 h fall-back window closes) include the wall time
 * the replay takes to move event time on that far, a property of the pace and not of the job: they are reported
 * per rule and as their own group, not in the overall percentiles.
 */
final class LatencyRun {

    private static final Duration SETTLE = Duration.ofSeconds(5);

    private LatencyRun() {}

    /** The crossing topic timestamps records with their append time on the benchmark's broker. */
    static void useAppendTime(String bootstrap, JobEnvironment environment) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            ConfigResource topic = new ConfigResource(
                    ConfigResource.Type.TOPIC, environment.getTopics().getCrossings());
            admin.incrementalAlterConfigs(Map.of(
                            topic,
                            List.of(new AlterConfigOp(
                                    new ConfigEntry("message.timestamp.type", "LogAppendTime"),
                                    AlterConfigOp.OpType.SET))))
                    .all()
                    .get();
        }
    }

    static Map<String, Object> measure(
            JobRunner runner,
            ConfigLoader config,
            BenchWorld world,
            BenchBroker broker,
            double rate,
            int parallelism,
            RuntimeSettings.StateBackend state,
            Path out,
            PrintWriter console)
            throws Exception {
        Map<String, Object> modes = new LinkedHashMap<>();
        for (boolean exactlyOnce : new boolean[] {false, true}) {
            String mode = exactlyOnce ? "exactly-once" : "at-least-once";
            console.printf(
                    "latency, %s: the streaming risk job, the world replayed at %,.0f events/s ...%n", mode, rate);
            console.flush();
            modes.put(mode, once(runner, config, world, broker, rate, parallelism, state, exactlyOnce));
        }
        return modes;
    }

    private static Map<String, Object> once(
            JobRunner runner,
            ConfigLoader config,
            BenchWorld world,
            BenchBroker broker,
            double rate,
            int parallelism,
            RuntimeSettings.StateBackend state,
            boolean exactlyOnce)
            throws Exception {
        String run = (exactlyOnce ? "latency-eo-" : "latency-alo-") + System.nanoTime();
        JobEnvironment environment = JobEnvironment.load(config, JobEnvironment.LOCAL);
        RuntimeSettings job = environment.getJob();
        job.setParallelism(parallelism);
        job.setStateBackend(state);
        job.setCheckpointStorage("var/bench/checkpoints/" + run);
        KafkaSettings kafka = environment.getKafka();
        kafka.setBootstrapServers(broker.bootstrap());
        kafka.setGroupId(run);
        kafka.setTransactionalIdPrefix(run);
        kafka.setStartingOffsets(KafkaSettings.StartingOffsets.LATEST);
        String crossingTopic = environment.getTopics().getCrossings();
        String flagTopic = environment.getTopics().getFlags();
        Map<TopicPartition, Long> crossingStart = endOffsets(broker.bootstrap(), crossingTopic);
        Map<TopicPartition, Long> flagStart = endOffsets(broker.bootstrap(), flagTopic);

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        RiskFlagJob.configure(env, environment, JobEnvironment.home());
        KafkaEndpoints endpoints = KafkaEndpoints.streaming(environment);
        if (!exactlyOnce) {
            endpoints = endpoints.atLeastOnce();
        }
        RiskFlagJob.builder(RiskSettings.bind(config, environment))
                .rules(RiskFlagJob.defaultRules())
                .crossings(endpoints.crossings(), crossingTopic)
                .alerts(endpoints.alerts(), environment.getTopics().getAlerts())
                .flags(endpoints.flags())
                .deadLetters(endpoints.deadLetters())
                .audit(endpoints.audit())
                .build()
                .addTo(env);
        JobID id = runner.start(env);
        FlagWatcher watcher = new FlagWatcher(broker.bootstrap(), flagStart);
        Thread watching = new Thread(watcher, "bench-flag-watcher");
        watching.start();
        Map<String, Object> result = new LinkedHashMap<>();
        try {
            // The sources resolve "latest" when their splits are assigned: give them that time before sending.
            Thread.sleep(SETTLE.toMillis() * 2);
            long started = System.nanoTime();
            new Replayer(ReplayOptions.builder(world.dir(), broker.bootstrap(), environment.getTopics())
                            .pacing(Pacing.rate(rate))
                            .build())
                    .run();
            double replaySeconds = (System.nanoTime() - started) / 1e9;
            Thread.sleep(job.getCheckpointInterval().toMillis() + SETTLE.toMillis());
            double eventSecondsPerWallSecond = world.days() * 86_400.0 / replaySeconds;
            result.put("rateEventsPerSecond", rate);
            result.put("replaySeconds", replaySeconds);
            result.put("eventTimeSecondsPerWallSecond", eventSecondsPerWallSecond);
            result.put("wallMillisOf72hLatenessBuffer", 72 * 3600 * 1000.0 / eventSecondsPerWallSecond);
            result.put("checkpointIntervalMillis", job.getCheckpointInterval().toMillis());
        } finally {
            watcher.stop();
            watching.join();
            runner.cancel(id);
        }
        Map<String, Long> sent = appendTimes(broker.bootstrap(), crossingStart, watcher.triggers());
        List<Long> all = new ArrayList<>();
        List<Long> raisedLater = new ArrayList<>();
        Map<String, List<Long>> perRule = new TreeMap<>();
        int unmatched = 0;
        for (FlagWatcher.Seen seen : watcher.seen()) {
            Long at = sent.get(seen.trigger());
            if (at == null) {
                unmatched++;
                continue;
            }
            long latency = seen.visibleAt() - at;
            (seen.raisedLater() ? raisedLater : all).add(latency);
            perRule.computeIfAbsent(seen.rule(), r -> new ArrayList<>()).add(latency);
        }
        result.putAll(percentiles(all));
        Map<String, Object> rules = new TreeMap<>();
        perRule.forEach((rule, values) -> rules.put(rule, percentiles(values)));
        result.put("perRule", rules);
        result.put("raisedAfterTheirTrigger", percentiles(raisedLater));
        result.put("laterRevisions", watcher.laterRevisions());
        result.put("flagsWithoutTriggeringCrossing", unmatched);
        result.put(
                "note",
                "first revisions of the flags raised on their trigger; apart: "
                        + raisedLater.size()
                        + " raised later in event time (R4 at its deadline, R7 on a repeated movement when the 72 h"
                        + " fall-back window closes, "
                        + BenchJobCommand.format("%.0f", (Double) result.get("wallMillisOf72hLatenessBuffer"))
                        + " ms at this pace)");
        return result;
    }

    private static Map<String, Object> percentiles(List<Long> values) {
        Map<String, Object> p = new LinkedHashMap<>();
        long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
        p.put("flagsMeasured", sorted.length);
        if (sorted.length > 0) {
            p.put("p50Millis", sorted[(int) Math.min(sorted.length - 1, Math.floor(sorted.length * 0.50))]);
            p.put("p99Millis", sorted[(int) Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))]);
            p.put("maxMillis", sorted[sorted.length - 1]);
        }
        return p;
    }

    private static Map<TopicPartition, Long> endOffsets(String bootstrap, String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrap)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            return new HashMap<>(consumer.endOffsets(partitions));
        }
    }

    /** Append time of each crossing sent since {@code start} whose event id is in {@code wanted}. */
    private static Map<String, Long> appendTimes(String bootstrap, Map<TopicPartition, Long> start, Set<String> wanted)
            throws Exception {
        SingleObjectSerde<BorderCrossing> serde = SingleObjectSerde.of(BorderCrossing.class);
        Map<String, Long> times = new HashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrap)) {
            consumer.assign(start.keySet());
            start.forEach(consumer::seek);
            Map<TopicPartition, Long> end = consumer.endOffsets(start.keySet());
            BorderCrossing reuse = null;
            while (!reached(consumer, end)) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    reuse = serde.decode(record.value(), reuse);
                    if (wanted.contains(reuse.getEventId())) {
                        times.putIfAbsent(reuse.getEventId(), record.timestamp());
                    }
                }
            }
        }
        return times;
    }

    private static boolean reached(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    static KafkaConsumer<byte[], byte[]> consumer(String bootstrap) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        return new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** Polls the flag topic (read_committed) and notes when each flag first becomes visible. */
    private static final class FlagWatcher implements Runnable {

        /** {@code raisedLater}: raised at a moment in event time after its trigger's. */
        record Seen(String rule, String trigger, long visibleAt, boolean raisedLater) {}

        private final String bootstrap;
        private final Map<TopicPartition, Long> start;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Map<String, Seen> seen = new HashMap<>();
        private int laterRevisions;

        FlagWatcher(String bootstrap, Map<TopicPartition, Long> start) {
            this.bootstrap = bootstrap;
            this.start = start;
        }

        @Override
        public void run() {
            SingleObjectSerde<RiskFlag> serde = SingleObjectSerde.of(RiskFlag.class);
            try (KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrap)) {
                consumer.assign(start.keySet());
                start.forEach(consumer::seek);
                while (running.get()) {
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(5))) {
                        long now = System.currentTimeMillis();
                        RiskFlag flag = serde.decode(record.value());
                        synchronized (this) {
                            if (flag.getRevision() > 0) {
                                laterRevisions++;
                            } else {
                                seen.putIfAbsent(
                                        flag.getFlagId(),
                                        new Seen(
                                                flag.getRuleId(),
                                                flag.getTriggerEventId(),
                                                now,
                                                FlagTime.raisedAt(flag).isAfter(flag.getEventTime())));
                            }
                        }
                    }
                }
            } catch (Exception e) {
                throw new IllegalStateException("the flag watcher failed", e);
            }
        }

        void stop() {
            running.set(false);
        }

        synchronized int laterRevisions() {
            return laterRevisions;
        }

        synchronized Collection<Seen> seen() {
            return List.copyOf(seen.values());
        }

        synchronized Set<String> triggers() {
            Set<String> triggers = new java.util.HashSet<>();
            seen.values().forEach(s -> triggers.add(s.trigger()));
            return triggers;
        }
    }
}
