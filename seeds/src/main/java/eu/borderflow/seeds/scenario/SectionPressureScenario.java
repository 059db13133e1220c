package eu.borderflow.seeds.scenario;

import eu.borderflow.config.ConfigLoader;
import eu.borderflow.rules.SectionPressureRule;
import eu.borderflow.schema.BorderType;
import eu.borderflow.schema.GroundTruthKind;
import eu.borderflow.seeds.reference.BorderSection;
import eu.borderflow.seeds.world.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * R11: on sections reserved from background incidents (so their counts are exactly as planned), a surge of 30
 * incidents within one hour over a steady 2 a day (flag at the first window end that holds them all), a small bump of
 * 12 over 2 a day (near-miss: under 20 events), and a bump of 14 over a steady 8 a day (near-miss: 22 events, ratio
 * 2.75 &lt; 3). Needs 28 days of history, so the bumps fall after day 29.
 *
 * <p>The expected trigger is not assumed: R11's one definition ({@link SectionPressureRule}, shared with the
 * situational-picture job) is applied to each section's planned incidents, and must find exactly one episode, at the
 * first window end after the surge, and none on the near-miss sections; otherwise the plan is wrong and generation
 * fails. Trigger id: {@code <section_id>@<window end>}, the window being the 24 hours before that full UTC hour.
 */
public final class SectionPressureScenario implements Scenario {

    public static final int MIN_DAYS = 35;
    private static final int HISTORY_DAYS = 29;
    private static final int SURGE = 30;
    private static final int SMALL_BUMP = 12;
    private static final int BUSY_BUMP = 14;
    private static final int QUIET_PER_DAY = 2;
    private static final int BUSY_PER_DAY = 8;
    private static final int FIRST_HOUR = 8;
    private static final int HOUR_SPREAD = 10;
    private static final long BURST_OFFSET = 5 * Period.MINUTE_MILLIS;
    private static final long BURST_SPAN = 50 * Period.MINUTE_MILLIS;
    private static final int SECTIONS_PER_INSTANCE = 3;
    private static final long STEADY_OFFSET = 17 * Period.MINUTE_MILLIS;

    private static final Family FAMILY = new Family("R11", "surge");

    private final SectionPressureRule rule;

    /** R11 as the shipped {@code rules.yaml} defines it, like the generator's other rule figures. */
    public SectionPressureScenario() {
        this(SectionPressureRule.fromConfig(ConfigLoader.defaults()));
    }

    SectionPressureScenario(SectionPressureRule rule) {
        this.rule = rule;
    }

    @Override
    public String ruleId() {
        return "R11";
    }

    @Override
    public List<Family> families() {
        return List.of(FAMILY);
    }

    @Override
    public int minDays() {
        return MIN_DAYS;
    }

    /** How many instances the reference data's land and sea sections allow. */
    public static int maxInstances(ScenarioContext ctx) {
        return candidates(ctx).size() / SECTIONS_PER_INSTANCE;
    }

    @Override
    public void plant(ScenarioContext ctx, int instance) {
        ScriptedTruth truth = ctx.truth();
        String id = "R11-section-pressure-" + instance;
        List<BorderSection> sections = candidates(ctx);
        // Spread instances over the list deterministically, without reusing a section.
        BorderSection surge = sections.get(instance * SECTIONS_PER_INSTANCE);
        BorderSection small = sections.get(instance * SECTIONS_PER_INSTANCE + 1);
        BorderSection busy = sections.get(instance * SECTIONS_PER_INSTANCE + 2);

        Bump surgePlan = plantBump(ctx, surge, QUIET_PER_DAY, SURGE);
        List<Long> episodes = episodes(ctx, surgePlan);
        if (!episodes.equals(List.of(surgePlan.windowEnd()))) {
            throw new IllegalStateException(id + ": R11 finds episodes " + episodes + " on " + surge.id()
                    + ", the plan one at " + surgePlan.windowEnd());
        }
        truth.add(
                FAMILY,
                id + "-surge",
                GroundTruthKind.EXPECTED_FLAG,
                surge.id(),
                SectionPressureRule.trigger(surge.id(), episodes.get(0)),
                "30 incidents in one hour against a baseline of 2 a day");
        Bump smallPlan = plantBump(ctx, small, QUIET_PER_DAY, SMALL_BUMP);
        requireNoEpisode(ctx, id, small, smallPlan);
        truth.add(
                FAMILY,
                id + "-small-bump",
                GroundTruthKind.NEAR_MISS,
                small.id(),
                SectionPressureRule.trigger(small.id(), smallPlan.windowEnd()),
                "14 incidents in 24 hours: fewer than 20");
        Bump busyPlan = plantBump(ctx, busy, BUSY_PER_DAY, BUSY_BUMP);
        requireNoEpisode(ctx, id, busy, busyPlan);
        truth.add(
                FAMILY,
                id + "-busy-section",
                GroundTruthKind.NEAR_MISS,
                busy.id(),
                SectionPressureRule.trigger(busy.id(), busyPlan.windowEnd()),
                "22 incidents in 24 hours against a steady 8: ratio below 3");
    }

    /** The incidents planted on one section (detection times, ascending) and the first window end after the bump. */
    private record Bump(long[] times, long windowEnd) {}

    /** R11 over the whole period of a planted section; its first incident stands for its first data. */
    private List<Long> episodes(ScenarioContext ctx, Bump bump) {
        Period p = ctx.period();
        return rule.episodeStarts(bump.times(), bump.times()[0], p.startMillis() + Period.HOUR_MILLIS, p.endMillis());
    }

    private void requireNoEpisode(ScenarioContext ctx, String id, BorderSection section, Bump bump) {
        List<Long> episodes = episodes(ctx, bump);
        if (!episodes.isEmpty()) {
            throw new IllegalStateException(id + ": the near-miss on " + section.id() + " meets R11 at " + episodes);
        }
    }

    private static List<BorderSection> candidates(ScenarioContext ctx) {
        List<BorderSection> out = new ArrayList<>();
        for (BorderSection s : ctx.reference().sections().values()) {
            if (s.type() != BorderType.AIR) {
                out.add(s);
            }
        }
        return out;
    }

    /** A steady schedule over the whole period plus a burst in one hour. */
    private static Bump plantBump(ScenarioContext ctx, BorderSection section, int perDay, int burst) {
        ScriptedIncidents incidents = ctx.incidents();
        incidents.reserveSection(section.id());
        Period p = ctx.period();
        long step = Period.DAY_MILLIS / perDay;
        List<Long> times = new ArrayList<>();
        // Off the full hour, so no incident sits on a window boundary.
        for (long t = p.startMillis() + step / 2 + STEADY_OFFSET; t < p.endMillis(); t += step) {
            incidents.add(incidents.factory().incident(section, t, false, ctx.rng()));
            times.add(t);
        }
        long day = p.startDay() + HISTORY_DAYS + ctx.rng().nextInt(Math.max(1, p.days() - MIN_DAYS + 1));
        long hourStart = day * Period.DAY_MILLIS + (FIRST_HOUR + ctx.rng().nextInt(HOUR_SPREAD)) * Period.HOUR_MILLIS;
        for (int i = 0; i < burst; i++) {
            long t = hourStart + BURST_OFFSET + ctx.rng().nextLong(BURST_SPAN);
            incidents.add(incidents.factory().incident(section, t, false, ctx.rng()));
            times.add(t);
        }
        long[] sorted = times.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        return new Bump(sorted, hourStart + Period.HOUR_MILLIS);
    }
}
