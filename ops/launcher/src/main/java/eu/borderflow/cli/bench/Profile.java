package eu.borderflow.cli.bench;

import eu.borderflow.cli.UserError;
import java.nio.file.Path;
import one.profiler.AsyncProfiler;

/**
 * async-profiler's samples of one measured job, on every thread of the JVM that runs the MiniCluster: collapsed stacks
 * with the thread's name as their first frame ({@code ops/bench/profile-top.py}), and a flame graph. {@code cpu}: CPU
 * time every 2 ms. {@code alloc}: the heap allocations, each stack weighted by the bytes it allocated, its top frame
 * the type allocated. JFR recordings started and stopped per job were used before, and put frames on threads that
 * never run them (docs/PERFORMANCE.md, 2026-12-05 evening).
 */
final class Profile {

    /** What a profile samples: the CPU or the heap's allocations. */
    enum Event {
        CPU,
        ALLOC;

        static Event of(String name) {
            for (Event event : values()) {
                if (event.name().equalsIgnoreCase(name)) {
                    return event;
                }
            }
            throw new UserError("--profile samples cpu or alloc, not " + name);
        }
    }

    private static final String CPU_SAMPLING = ",interval=2ms,threads";

    private final AsyncProfiler profiler;
    private final Path base;
    private final Event event;

    private Profile(AsyncProfiler profiler, Path base, Event event) {
        this.profiler = profiler;
        this.base = base;
        this.event = event;
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
    static Profile start(Path base, Event event) throws Exception {
        AsyncProfiler profiler = load();
        if (event == Event.ALLOC) {
            // A sample about every 256 kB allocated, from the JVM's TLAB events: no cost on each allocation.
            profiler.execute("start,event=alloc,interval=256k,threads");
        } else {
            try {
                profiler.execute("start,event=cpu" + CPU_SAMPLING);
            } catch (IllegalStateException e) {
                // The kernel refuses perf events (perf_event_paranoid, containers): the interval timer samples CPU
                // time too.
                profiler.execute("start,event=itimer" + CPU_SAMPLING);
            }
        }
        return new Profile(profiler, base, event);
    }

    void stop() throws Exception {
        profiler.execute("stop");
        String weight = event == Event.ALLOC ? ",total" : "";
        profiler.execute("collapsed" + weight + ",file=" + base + ".collapsed");
        profiler.execute("flamegraph" + weight + ",title=" + base.getFileName() + ",file=" + base + ".html");
    }
}
