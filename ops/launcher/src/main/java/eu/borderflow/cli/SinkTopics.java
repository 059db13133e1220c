package eu.borderflow.cli;

import eu.borderflow.job.environment.KafkaSettings;
import eu.borderflow.tools.kafka.KafkaCalls;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.flink.runtime.jobmanager.scheduler.NoResourceAvailableException;
import org.apache.flink.util.ExceptionUtils;
import org.apache.kafka.clients.admin.Admin;

/**
 * The topics a streaming run writes to. A job that writes to a topic that does not exist does not fail cleanly: its
 * Kafka producer waits for the topic (max.block.ms), the aborted transaction times out while the sink closes, Flink
 * takes that as a fatal error of the TaskManager, and the embedded MiniCluster, left without one, ends the job after
 * its restarts with only "Could not acquire the minimum required resources". So the run asks for its topics before the
 * job starts, and says why the job stopped when it stops.
 */
final class SinkTopics {

    private final KafkaSettings kafka;
    private final List<String> topics;
    private final String command;

    /** {@code command}: how the user starts this run again, e.g. {@code run risk}. */
    SinkTopics(KafkaSettings kafka, List<String> topics, String command) {
        this.kafka = kafka;
        this.topics = List.copyOf(topics);
        this.command = command;
    }

    /** @throws UserError naming the topics the job would write to that do not exist */
    void checkExist() {
        Set<String> missing = missing();
        if (!missing.isEmpty()) {
            throw new UserError(describe(missing) + ": `ops/borderflow topics` creates "
                    + (missing.size() == 1 ? "it" : "them") + " (a job writing to a missing topic loses its"
                    + " TaskManager)");
        }
    }

    /**
     * Why a streaming job stopped, said in one line where the cause is one the user can act on: a topic it writes to
     * was deleted while it ran, or the embedded TaskManager failed; else {@code failure} itself.
     */
    Exception explain(Exception failure) {
        boolean noTaskManager = ExceptionUtils.findThrowable(failure, NoResourceAvailableException.class)
                .isPresent();
        Set<String> missing = noTaskManager ? missingOrNone() : Set.of();
        String again = "; `" + command + "` again resumes from its latest checkpoint";
        if (!missing.isEmpty()) {
            return new JobStoppedException(
                    "the job stopped: " + describe(missing) + " any more (deleted while the job ran?): `ops/borderflow"
                            + " topics` creates " + (missing.size() == 1 ? "it" : "them") + again,
                    failure);
        }
        if (noTaskManager) {
            return new JobStoppedException(
                    "the job stopped: the embedded TaskManager failed (its error is logged above) and the job's"
                            + " restarts found no other" + again,
                    failure);
        }
        return failure;
    }

    private Set<String> missingOrNone() {
        try {
            return missing();
        } catch (RuntimeException unreachable) {
            return Set.of();
        }
    }

    private Set<String> missing() {
        String bootstrap = kafka.getBootstrapServers();
        try (Admin admin = KafkaCalls.admin(bootstrap, kafka.getProperties())) {
            Set<String> missing = new TreeSet<>(topics);
            missing.removeAll(KafkaCalls.await(admin.listTopics().names(), bootstrap, "list its topics"));
            return missing;
        }
    }

    private String describe(Set<String> missing) {
        return (missing.size() == 1 ? "the topic " : "the topics ") + String.join(", ", missing)
                + " the job writes to " + (missing.size() == 1 ? "does" : "do") + " not exist on "
                + kafka.getBootstrapServers();
    }

    /** A streaming job stopped for a cause the message names; {@link UserErrorHandler} says it in one line, exit 1. */
    static final class JobStoppedException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        JobStoppedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
