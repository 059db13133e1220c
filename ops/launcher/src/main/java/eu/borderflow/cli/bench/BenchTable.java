package eu.borderflow.cli.bench;

import static eu.borderflow.cli.bench.BenchJobCommand.format;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The figures of {@code bench job} as a table and as the summary of its JSON report. */
final class BenchTable {

    private BenchTable() {}

    static String line(JobRunner.Figures f) {
        return format(
                "%-14s %,10d crossings in %6.1f s wall: %,9.0f /s; CPU %6.1f s (JVM %.1f + broker %.1f): "
                        + "%,9.0f per CPU-s; allocated %,6.0f MB/s, GC %,d ms in %d; checkpoints %d (p50 %d ms, max %d"
                        + " ms, state max %,d B)",
                f.name(),
                f.crossings(),
                f.wallSeconds(),
                f.perSecond(),
                f.cpuSeconds(),
                f.jvmCpuSeconds(),
                f.brokerCpuSeconds(),
                f.perCpuSecond(),
                f.allocatedBytes() / 1e6 / f.wallSeconds(),
                f.gcMillis(),
                f.gcCount(),
                f.checkpoints(),
                f.checkpointMillisP50(),
                f.checkpointMillisMax(),
                f.checkpointStateBytesMax());
    }

    /** The measured round's figures: the last of each job. */
    static Map<String, Object> summary(List<JobRunner.Figures> measured, BenchWorld world) {
        JobRunner.Figures pass = last(measured, "passthrough");
        JobRunner.Figures risk = last(measured, "risk");
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("passthroughCrossingsPerSecond", pass.perSecond());
        s.put("passthroughCrossingsPerCpuSecond", pass.perCpuSecond());
        s.put("riskCrossingsPerSecond", risk.perSecond());
        s.put("riskCrossingsPerCpuSecond", risk.perCpuSecond());
        s.put("ratioRiskToPassthroughPerCpuSecond", risk.perCpuSecond() / pass.perCpuSecond());
        s.put("ratioRiskToPassthroughPerSecond", risk.perSecond() / pass.perSecond());
        s.put("riskAllocatedBytesPerCrossing", (double) risk.allocatedBytes() / risk.crossings());
        s.put("passthroughAllocatedBytesPerCrossing", (double) pass.allocatedBytes() / pass.crossings());
        s.put("riskGcShareOfWall", risk.gcMillis() / 1000.0 / risk.wallSeconds());
        s.put(
                "riskCheckpointStateBytesPerActiveTraveller",
                (double) risk.checkpointStateBytesMax() / world.activeTravellers());
        s.put(
                "passthroughCheckpointStateBytesPerActiveTraveller",
                (double) pass.checkpointStateBytesMax() / world.activeTravellers());
        return s;
    }

    private static JobRunner.Figures last(List<JobRunner.Figures> runs, String job) {
        JobRunner.Figures found = null;
        for (JobRunner.Figures f : runs) {
            if (f.name().startsWith(job + "-")) {
                found = f;
            }
        }
        return found;
    }

    @SuppressWarnings("unchecked")
    static void print(Map<String, Object> report, PrintWriter out) {
        Map<String, Object> setup = (Map<String, Object>) report.get("setup");
        Map<String, Object> s = (Map<String, Object>) report.get("summary");
        out.println();
        out.println(format(
                "bench job: %s source, %s state, parallelism %s, %,d crossings of %,d travellers over %s "
                        + "days; load average at the end: %s",
                setup.get("source"),
                setup.get("state"),
                setup.get("parallelism"),
                setup.get("crossings"),
                setup.get("travellers"),
                setup.get("days"),
                setup.get("loadAverageAtEnd")));
        out.println(
                "| job | crossings/s | crossings per CPU-second | allocated B per crossing | checkpoint state B per "
                        + "active traveller |");
        out.println("|---|---|---|---|---|");
        out.println(format(
                "| passthrough | %,.0f | %,.0f | %,.0f | %,.0f |",
                s.get("passthroughCrossingsPerSecond"),
                s.get("passthroughCrossingsPerCpuSecond"),
                s.get("passthroughAllocatedBytesPerCrossing"),
                s.get("passthroughCheckpointStateBytesPerActiveTraveller")));
        out.println(format(
                "| risk | %,.0f | %,.0f | %,.0f | %,.0f |",
                s.get("riskCrossingsPerSecond"),
                s.get("riskCrossingsPerCpuSecond"),
                s.get("riskAllocatedBytesPerCrossing"),
                s.get("riskCheckpointStateBytesPerActiveTraveller")));
        out.println(format(
                "| risk / passthrough | %.2f | %.2f | | |",
                s.get("ratioRiskToPassthroughPerSecond"), s.get("ratioRiskToPassthroughPerCpuSecond")));
        Object latency = report.get("latency");
        if (latency instanceof Map<?, ?> modes) {
            out.println();
            out.println("event-to-flag latency (broker append of the triggering crossing -> flag polled by a "
                    + "read_committed consumer), replay at half the measured capacity:");
            for (Map.Entry<?, ?> mode : modes.entrySet()) {
                if (mode.getValue() instanceof Map<?, ?> m && m.containsKey("p50Millis")) {
                    out.println(format(
                            "  %-14s p50 %s ms, p99 %s ms, max %s ms over %s flags (%s)",
                            mode.getKey(),
                            m.get("p50Millis"),
                            m.get("p99Millis"),
                            m.get("maxMillis"),
                            m.get("flagsMeasured"),
                            m.get("note")));
                }
            }
        }
        out.flush();
    }
}
