package eu.borderflow.cli.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleSupplier;
import org.apache.flink.api.common.JobID;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.runtime.checkpoint.AbstractCheckpointStats;
import org.apache.flink.runtime.checkpoint.CheckpointStatsStatus;
import org.apache.flink.runtime.executiongraph.ArchivedExecutionGraph;
import org.apache.flink.runtime.jobmaster.JobResult;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;

/**
 * One MiniCluster for every job of a benchmark run (its start-up is not measured), and the measurement of one job:
 * wall time, CPU of this JVM and of the broker, allocation and GC, checkpoints.
 */
final class JobRunner implements AutoCloseable {

    private final MiniCluster cluster;
    private final HeapMeter heap = new HeapMeter();

    JobRunner(int slots, MemorySize managedMemory, MemorySize networkMemory) throws Exception {
        Configuration configuration = new Configuration();
        configuration.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, managedMemory);
        configuration.set(TaskManagerOptions.NETWORK_MEMORY_MIN, networkMemory);
        configuration.set(TaskManagerOptions.NETWORK_MEMORY_MAX, networkMemory);
        configuration.set(RestOptions.BIND_PORT, "0");
        cluster = new MiniCluster(new MiniClusterConfiguration.Builder()
                .setConfiguration(configuration)
                .setNumTaskManagers(1)
                .setNumSlotsPerTaskManager(slots)
                .build());
        cluster.start();
    }

    /**
     * Submits the job built on {@code env} and starts measuring; {@link Running#await} ends the measurement. With a
     * {@code profile} path, the run is profiled for {@code event}.
     */
    Running submit(StreamExecutionEnvironment env, DoubleSupplier brokerCpu, Path profile, Profile.Event event)
            throws Exception {
        StreamGraph graph = env.getStreamGraph();
        return new Running(graph, brokerCpu, profile == null ? null : Profile.start(profile, event));
    }

    JobID start(StreamExecutionEnvironment env) throws Exception {
        return cluster.submitJob(env.getStreamGraph()).get().getJobID();
    }

    void cancel(JobID job) throws Exception {
        cluster.cancelJob(job).get();
    }

    @Override
    public void close() throws Exception {
        cluster.close();
    }

    /** A submitted job under measurement. */
    final class Running {
        private final JobID job;
        private final DoubleSupplier brokerCpu;
        private final double cpuStart;
        private final double brokerStart;
        private final long nanoStart;
        private final Profile profile;

        private Running(StreamGraph graph, DoubleSupplier brokerCpu, Profile profile) throws Exception {
            this.brokerCpu = brokerCpu;
            this.profile = profile;
            heap.start();
            brokerStart = brokerCpu.getAsDouble();
            cpuStart = ProcessCpu.self();
            nanoStart = System.nanoTime();
            job = cluster.submitJob(graph).get().getJobID();
        }

        /** Waits for the job to finish and returns what it cost. */
        Figures await(String name, long crossings) throws Exception {
            JobResult result = cluster.requestJobResult(job).get();
            double wall = (System.nanoTime() - nanoStart) / 1e9;
            double cpu = ProcessCpu.self() - cpuStart;
            double broker = brokerCpu.getAsDouble() - brokerStart;
            long[] gc = heap.stop();
            if (profile != null) {
                profile.stop();
            }
            if (!result.isSuccess()) {
                throw new IllegalStateException(name + " failed: "
                        + result.getSerializedThrowable()
                                .map(t -> t.getOriginalErrorClassName() + ": " + t.getMessage())
                                .orElse("?"));
            }
            ArchivedExecutionGraph graph =
                    cluster.getArchivedExecutionGraph(job).get();
            List<AbstractCheckpointStats> done = new ArrayList<>();
            for (AbstractCheckpointStats c :
                    graph.getCheckpointStatsSnapshot().getHistory().getCheckpoints()) {
                if (c.getStatus() == CheckpointStatsStatus.COMPLETED) {
                    done.add(c);
                }
            }
            long[] durations = done.stream()
                    .mapToLong(AbstractCheckpointStats::getEndToEndDuration)
                    .sorted()
                    .toArray();
            return new Figures(
                    name,
                    crossings,
                    wall,
                    cpu,
                    broker,
                    gc[0],
                    gc[1],
                    gc[2],
                    done.size(),
                    durations.length == 0 ? 0 : durations[durations.length / 2],
                    durations.length == 0 ? 0 : durations[durations.length - 1],
                    done.stream()
                            .mapToLong(AbstractCheckpointStats::getStateSize)
                            .max()
                            .orElse(0),
                    done.stream()
                            .mapToLong(AbstractCheckpointStats::getCheckpointedSize)
                            .max()
                            .orElse(0));
        }
    }

    /** What one job run cost. CPU in seconds; allocation in bytes; checkpoint durations in ms, sizes in bytes. */
    record Figures(
            String name,
            long crossings,
            double wallSeconds,
            double jvmCpuSeconds,
            double brokerCpuSeconds,
            long allocatedBytes,
            long gcMillis,
            long gcCount,
            int checkpoints,
            long checkpointMillisP50,
            long checkpointMillisMax,
            long checkpointStateBytesMax,
            long checkpointedBytesMax) {

        double cpuSeconds() {
            return jvmCpuSeconds + brokerCpuSeconds;
        }

        double perSecond() {
            return crossings / wallSeconds;
        }

        double perCpuSecond() {
            return crossings / cpuSeconds();
        }
    }
}
