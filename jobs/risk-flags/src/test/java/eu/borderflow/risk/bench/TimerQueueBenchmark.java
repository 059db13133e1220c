package eu.borderflow.risk.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.apache.flink.runtime.state.KeyGroupRange;
import org.apache.flink.runtime.state.KeyGroupRangeAssignment;
import org.apache.flink.runtime.state.PriorityComparator;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.runtime.state.heap.HeapPriorityQueue;
import org.apache.flink.runtime.state.heap.HeapPriorityQueueSet;
import org.apache.flink.streaming.api.operators.TimerHeapInternalTimer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What one event-time timer costs on the heap state backend as a function of how many timers the operator holds: a
 * timer fires (poll) and the key registers its next one (add), the steady state of the rule operators' lateness and
 * expiry timers. The queue is the one {@code InternalTimerServiceImpl} uses ({@link HeapPriorityQueueSet}: a binary
 * heap plus a hash set per key group that keeps one timer per key and time); the baseline is the same binary heap of
 * the same timers without the set ({@link HeapPriorityQueue}). Keys are file-id-like strings of the key groups one
 * subtask of two owns (parallelism 2, 128 key groups), timestamps spread over 72 hours.
 * <p>
 * {@code ops/borderflow bench --only TimerQueueBenchmark}; the score is timers fired and re-registered per second.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgs = {"-Xmx3g", "-XX:+UseParallelGC"})
public class TimerQueueBenchmark {

    private static final int KEY_GROUPS = 128;
    private static final KeyGroupRange FIRST_SUBTASK_OF_TWO = KeyGroupRange.of(0, KEY_GROUPS / 2 - 1);
    private static final long HORIZON_MS = TimeUnit.HOURS.toMillis(72);
    private static final PriorityComparator<TimerHeapInternalTimer<String, VoidNamespace>> EARLIEST_FIRST =
            PriorityComparator.forPriorityComparableObjects();

    /** Timers an operator holds: a small world, the 100,000-traveller benchmark world, and a million travellers. */
    @State(Scope.Thread)
    public static class Timers {
        @Param({"10000", "100000", "1000000"})
        int size;

        String[] keys;
        long[] offsets;
        int next;
        HeapPriorityQueueSet<TimerHeapInternalTimer<String, VoidNamespace>> timerService;
        HeapPriorityQueue<TimerHeapInternalTimer<String, VoidNamespace>> heapAlone;

        @Setup
        public void fill() {
            SplittableRandom random = new SplittableRandom(7);
            keys = new String[2 * size];
            for (int k = 0; k < keys.length; ) {
                String key = String.format("F%016x", random.nextLong());
                if (FIRST_SUBTASK_OF_TWO.contains(KeyGroupRangeAssignment.assignToKeyGroup(key, KEY_GROUPS))) {
                    keys[k++] = key;
                }
            }
            offsets = random.longs(1 << 20, 1, HORIZON_MS).toArray();
            timerService = new HeapPriorityQueueSet<>(
                    EARLIEST_FIRST, TimerHeapInternalTimer::getKey, 128, FIRST_SUBTASK_OF_TWO, KEY_GROUPS);
            heapAlone = new HeapPriorityQueue<>(EARLIEST_FIRST, 128);
            for (int i = 0; i < size; i++) {
                long at = offsets[i & (offsets.length - 1)];
                timerService.add(new TimerHeapInternalTimer<>(at, keys[i], VoidNamespace.INSTANCE));
                heapAlone.add(new TimerHeapInternalTimer<>(at, keys[i], VoidNamespace.INSTANCE));
            }
            next = size;
        }

        TimerHeapInternalTimer<String, VoidNamespace> successor(TimerHeapInternalTimer<String, VoidNamespace> fired) {
            int i = next++;
            return new TimerHeapInternalTimer<>(
                    fired.getTimestamp() + offsets[i & (offsets.length - 1)],
                    keys[i % keys.length],
                    VoidNamespace.INSTANCE);
        }
    }

    @Benchmark
    public boolean baselineHeapAlone(Timers timers) {
        return timers.heapAlone.add(timers.successor(timers.heapAlone.poll()));
    }

    @Benchmark
    public boolean timerServiceQueue(Timers timers) {
        return timers.timerService.add(timers.successor(timers.timerService.poll()));
    }
}
