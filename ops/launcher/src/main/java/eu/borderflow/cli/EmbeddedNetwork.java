package eu.borderflow.cli;

import java.lang.management.ManagementFactory;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.runtime.jobgraph.DistributionPattern;
import org.apache.flink.runtime.jobgraph.JobEdge;
import org.apache.flink.runtime.jobgraph.JobGraph;
import org.apache.flink.runtime.jobgraph.JobVertex;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The network buffers an embedded MiniCluster needs for a job. Flink gives a local run 64 MB of them, and a keyed
 * exchange needs about three buffers per pair of subtasks: the jobs' exchanges fit up to parallelism 8, and at 12 a
 * task failed to start with an internal error. Each job is given what its exchanges need, and a parallelism this JVM
 * cannot give it is refused before the job starts.
 */
public final class EmbeddedNetwork {

    /** What Flink gives a local run's network when nothing is configured. */
    static final MemorySize FLINK_LOCAL_DEFAULT = MemorySize.parse("64m");

    /** The buffers' size, {@code taskmanager.memory.segment-size}, Flink's default. */
    private static final long BUFFER_BYTES = MemorySize.parse("32kb").getBytes();

    /** Exclusive buffers per input channel, {@code taskmanager.network.memory.buffers-per-channel}, Flink's default. */
    private static final int BUFFERS_PER_CHANNEL = 2;

    /** Direct memory left for what else a run holds there (Kafka clients, Netty of the REST API). */
    private static final long OTHER_DIRECT_BYTES = MemorySize.parse("128m").getBytes();

    private EmbeddedNetwork() {}

    /** Sets the network memory of the MiniCluster that will run the job built on {@code env}: {@link #memoryFor}. */
    static void fit(StreamExecutionEnvironment env) {
        Configuration network = new Configuration();
        MemorySize bytes = memoryFor(env);
        network.set(TaskManagerOptions.NETWORK_MEMORY_MIN, bytes);
        network.set(TaskManagerOptions.NETWORK_MEMORY_MAX, bytes);
        env.configure(network);
    }

    /**
     * The network memory the job built on {@code env} needs on a MiniCluster, at least Flink's default.
     *
     * @throws UserError when the job at its parallelism needs more than this JVM's direct memory holds
     */
    public static MemorySize memoryFor(StreamExecutionEnvironment env) {
        JobGraph graph = env.getStreamGraph(false).getJobGraph();
        long bytes =
                Math.max(FLINK_LOCAL_DEFAULT.getBytes(), buffersNeeded(graph, env.getParallelism()) * BUFFER_BYTES);
        long available = maxDirectMemory() - OTHER_DIRECT_BYTES;
        if (bytes > available) {
            throw new UserError("parallelism " + env.getParallelism() + " needs " + (bytes >> 20)
                    + " MB of network buffers on the embedded MiniCluster (it grows with the square of the "
                    + "parallelism), more than this JVM's " + (available >> 20) + " MB of direct memory: lower "
                    + "--parallelism, raise BORDERFLOW_HEAP (direct memory is as large as the heap), or deploy the "
                    + "job to a cluster (`cluster up`, `deploy`)");
        }
        return new MemorySize(bytes);
    }

    /**
     * The buffers {@code graph}'s exchanges could require to start: per producing subtask one per subpartition and one
     * more, per consuming subtask {@value #BUFFERS_PER_CHANNEL} per channel and one more. More than Flink takes (the
     * risk job ran at parallelism 8 on 59 % of it, not at 12 on 30 %), and the margin is what makes it safe.
     */
    static long buffersNeeded(JobGraph graph, int defaultParallelism) {
        long buffers = 0;
        for (JobVertex consumer : graph.getVertices()) {
            for (JobEdge edge : consumer.getInputs()) {
                int senders = parallelism(edge.getSource().getProducer(), defaultParallelism);
                int receivers = parallelism(consumer, defaultParallelism);
                boolean allToAll = edge.getDistributionPattern() == DistributionPattern.ALL_TO_ALL;
                long subpartitions = allToAll ? receivers : ceilDiv(receivers, senders);
                long channels = allToAll ? senders : ceilDiv(senders, receivers);
                buffers += senders * (subpartitions + 1) + receivers * (channels * BUFFERS_PER_CHANNEL + 1);
            }
        }
        return buffers;
    }

    private static int parallelism(JobVertex vertex, int defaultParallelism) {
        return vertex.getParallelism() > 0 ? vertex.getParallelism() : defaultParallelism;
    }

    private static long ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    /** {@code -XX:MaxDirectMemorySize}, which is the heap's maximum unless set. */
    private static long maxDirectMemory() {
        String set = ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class)
                .getVMOption("MaxDirectMemorySize")
                .getValue();
        long bytes = Long.parseLong(set);
        return bytes > 0 ? bytes : Runtime.getRuntime().maxMemory();
    }
}
