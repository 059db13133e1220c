package eu.borderflow.cli.bench;

import eu.borderflow.cli.UserError;
import java.nio.file.Path;
import one.profiler.AsyncProfiler;

/**
 * async-profiler's CPU samples of one measured job, every 2 ms, on every thread of the JVM that runs the MiniCluster:
 * collapsed stacks with the thread's name as their first frame ({@code ops/bench/profile-top.py}), and a flame graph.
 * JFR recordings started and stopped per job were used before, and put frames on threads that never run them
 * (README, Performance, 2026-12-05 evening).
 */
final class Profile {

    private static final String SAMPLING = ",interval=2ms,threads";

    private final AsyncProfiler profiler;
    private final Path base;

    private Profile(AsyncProfiler profiler, Path base) {
        this.profiler = profiler;
        this.base = base;
    }

    /** Loads the profiler's native library, so that a machine it does not run on is told before anything runs. */
    static AsyncProfiler load() {
        try {
            return AsyncProfiler.getInstance();
        } catch (RuntimeException | LinkageError e) {
            throw new UserError("--profile: async-profiler does not load on this machine (" + e.getMessage() + ")", e);
        }
    }

    /** Starts sampling; {@code base} plus ".collapsed" and ".html" are written by {@link #stop}. */
    static Profile start(Path base) throws Exception {
        AsyncProfiler profiler = load();
        try {
            profiler.execute("start,event=cpu" + SAMPLING);
        } catch (IllegalStateException e) {
            // The kernel refuses perf events (perf_event_paranoid, containers): the interval timer samples CPU time
            // too.
            profiler.execute("start,event=itimer" + SAMPLING);
        }
        return new Profile(profiler, base);
    }

    void stop() throws Exception {
        profiler.execute("stop");
        profiler.execute("collapsed,file=" + base + ".collapsed");
        profiler.execute("flamegraph,title=" + base.getFileName() + ",file=" + base + ".html");
    }
}
