package eu.borderflow.stay.bench;

import eu.borderflow.stay.StayHistory;
import eu.borderflow.stay.StayRule;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
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
 * What the risk-flag job pays per crossing for the 90/180 rule, against the rule taken literally (a set of days,
 * the window counted day by day, the stay extended day by day) as the same-run baseline.
 * Histories: a traveller with a few long stays, and a commuter crossing every few days.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgs = "-Xmx256m")
public class StayRuleBenchmark {

    private static final StayRule RULE = StayRule.SCHENGEN;
    private static final LocalDate FIRST_DAY = LocalDate.of(2025, 1, 1);

    /** Days between two entries, and days of each stay: "45:15" a visitor, "3:1" a commuter. */
    @Param({"45:15", "3:1"})
    public String pattern;

    private StayHistory history;
    private Set<LocalDate> presentDays;
    private LocalDate entry;
    private int entryDay;

    @Setup
    public void setUp() {
        int every = Integer.parseInt(pattern.split(":")[0]);
        int length = Integer.parseInt(pattern.split(":")[1]);
        history = StayHistory.empty();
        presentDays = new HashSet<>();
        LocalDate start = FIRST_DAY;
        while (start.isBefore(FIRST_DAY.plusDays(RULE.windowDays()))) {
            LocalDate exit = start.plusDays(length - 1L);
            history = history.add(start, exit);
            for (LocalDate d = start; !d.isAfter(exit); d = d.plusDays(1)) {
                presentDays.add(d);
            }
            start = start.plusDays(every);
        }
        entry = start;
        entryDay = (int) entry.toEpochDay();
    }

    @Benchmark
    public int usedDays() {
        return RULE.usedDays(history, entryDay);
    }

    @Benchmark
    public int latestLawfulExit() {
        return RULE.latestLawfulExitDay(history, entryDay, Integer.MAX_VALUE);
    }

    @Benchmark
    public StayHistory addStayAndPrune() {
        return history.add(entryDay, entryDay).retainFrom(RULE.windowStart(entryDay));
    }

    @Benchmark
    public LocalDate literalLatestLawfulExit() {
        Set<LocalDate> present = new HashSet<>(presentDays);
        LocalDate lastLawful = null;
        for (LocalDate d = entry; ; d = d.plusDays(1)) {
            present.add(d);
            int used = 0;
            for (LocalDate w = d.minusDays(RULE.windowDays() - 1L); !w.isAfter(d); w = w.plusDays(1)) {
                used += present.contains(w) ? 1 : 0;
            }
            if (used > RULE.maxDaysInWindow()) {
                return lastLawful;
            }
            lastLawful = d;
        }
    }
}
