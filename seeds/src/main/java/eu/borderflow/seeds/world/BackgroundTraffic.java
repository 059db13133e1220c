package eu.borderflow.seeds.world;

import eu.borderflow.schema.BorderType;
import eu.borderflow.schema.CrossingKind;
import eu.borderflow.schema.RefusalReason;
import eu.borderflow.seeds.reference.Bcp;
import eu.borderflow.seeds.reference.Calibration;
import eu.borderflow.seeds.reference.TripLengthBucket;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The lawful, clean background: every traveller alternates ENTRY and EXIT, trips are short with long gaps so no
 * 90/180 window is ever exceeded, and consecutive crossings are far enough apart for the distance.
 *
 * <p>Crossings come out traveller by traveller, one time window at a time ({@link #crossingsBefore}): travellers are
 * visited in index order, so their {@link Itineraries} are read front to back, and all of a traveller's crossings of
 * the window are made while its values are in the CPU cache. Each traveller draws only from its own random stream,
 * so its crossings do not depend on the order in which travellers are visited; the caller puts a window's crossings
 * in event-time order.
 *
 * <p>Planning is provably lawful without the 90/180 calculator: occasional trips last at most 28 days (so at most 30
 * local dates across time zones) with at least 32 days between them, frequent travellers make same-day trips at least
 * 2 days apart; any 180-day window then holds at most 90 dates of presence. When {@code eu.borderflow.stay} is merged,
 * {@link #planTrip} is the place to ask it for the latest lawful exit and allow longer, denser itineraries.
 */
public final class BackgroundTraffic {

    /** The largest population {@code generate} accepts (4,194,304 travellers). */
    public static final int MAX_TRAVELLERS = 1 << 22;
    /** Room per traveller for what the writer keeps (138 bytes on average, 178 at most, for 100,000 travellers). */
    private static final int EXPECTED_BYTES_PER_TRAVELLER = 192;
    private static final long NONE = Long.MAX_VALUE;
    private static final long MIN_STAY_MILLIS = 2 * Period.HOUR_MILLIS;
    private static final int SAME_DAY_FIRST_SECOND = 6 * 3600;
    private static final int SAME_DAY_SPAN_SECONDS = 8 * 3600;
    private static final long SAME_DAY_MAX_STAY_MILLIS = 8 * Period.HOUR_MILLIS;
    private static final double SAME_EXIT_BCP_SHARE = 0.6;
    /** Trips planned to the full speed limit would sit right at R7's threshold; plan with a wide margin instead. */
    private static final int TRAVEL_TIME_MARGIN = 2;
    private static final int SECONDS_PER_DAY = 86_400;

    private final Period period;
    private final List<Bcp> bcps;
    private final BcpClock clock;
    private final BcpChooser chooser;
    private final LocalTimes times;
    private final TravelTimes travelTimes;
    private final CrossingFactory factory;
    private final Itineraries itineraries;
    /** Event time of each traveller's next crossing, NONE when it has no more: scanned in order, never searched. */
    private final long[] nextMillis;
    private final Weighted tripLength;
    private final List<TripLengthBucket> buckets;
    private final Map<BorderType, Double> refusalPerEntry = new EnumMap<>(BorderType.class);
    private final RefusalReason[] reasonLetters;
    private final Weighted reasonChoice;
    private final int occasionalGapMin;
    private final int occasionalGapMax;
    private final int frequentGapMin;
    private final int frequentGapMax;
    private final double variantShare;
    private final float scoreMin;
    private final BackgroundCrossing crossing;
    /** Positioned on the stream of the traveller being visited: its position is kept in {@link #itineraries}. */
    private final RandomStream rng = new RandomStream(0);

    /**
     * The traffic of {@code travellerCount} travellers of {@code population}. {@code keep} turns every traveller, right
     * after it is made (while its data is still in cache), into the bytes the writer needs of it, which each
     * {@link BackgroundCrossing} of the traveller then carries.
     */
    public BackgroundTraffic(Period period, List<Bcp> bcps, Calibration calibration, BcpClock clock, BcpChooser chooser,
                             TravelTimes travelTimes, CrossingFactory factory,
                             PopulationFactory population, int travellerCount, Function<Traveller, byte[]> keep) {
        if (travellerCount > MAX_TRAVELLERS) {
            throw new IllegalArgumentException("at most " + MAX_TRAVELLERS + " travellers");
        }
        this.period = period;
        this.bcps = bcps;
        this.clock = clock;
        this.chooser = chooser;
        this.times = new LocalTimes(calibration);
        this.travelTimes = travelTimes;
        this.factory = factory;
        this.crossing = new BackgroundCrossing();
        this.buckets = calibration.tripLengths();
        this.tripLength = Weighted.of(buckets, TripLengthBucket::weight);
        double entryShare = calibration.refusalShareOfCrossings() * 2;
        for (BorderType type : BorderType.values()) {
            refusalPerEntry.put(type, entryShare * calibration.refusalSplit().get(type) / calibration.borderTypeShare().get(type));
        }
        this.reasonLetters = calibration.refusalReasons().keySet().toArray(RefusalReason[]::new);
        this.reasonChoice = new Weighted(calibration.refusalReasons().values().stream().mapToDouble(Double::doubleValue).toArray());
        this.occasionalGapMin = calibration.integer("/gaps/occasional_min_days");
        this.occasionalGapMax = calibration.integer("/gaps/occasional_max_days");
        this.frequentGapMin = calibration.integer("/gaps/frequent_min_days");
        this.frequentGapMax = calibration.integer("/gaps/frequent_max_days");
        this.variantShare = calibration.number("/noise/name_variant_share");
        this.scoreMin = (float) calibration.number("/noise/verification_score_min");
        this.itineraries = new Itineraries(travellerCount, EXPECTED_BYTES_PER_TRAVELLER);
        this.nextMillis = new long[travellerCount];
        Arrays.fill(nextMillis, NONE);
        for (int i = 0; i < travellerCount; i++) {
            Traveller t = population.create(i);
            rng.moveTo(t.rng().position());
            itineraries.add(t, keep.apply(t));
            planFirstTrip(i);
            itineraries.randomPositions[i] = rng.position();
        }
    }

    /** Event time (UTC millis) of the earliest crossing not made yet; Long.MAX_VALUE when there is none. */
    public long nextMillis() {
        long min = NONE;
        for (long m : nextMillis) {
            min = Math.min(min, m);
        }
        return min;
    }

    /** Number of travellers. */
    public int travellers() {
        return itineraries.size();
    }

    /**
     * Makes every crossing before {@code endMillis} not made yet, traveller by traveller (each traveller's in time
     * order) and hands each to {@code sink}. The crossing handed over is the same instance every time, filled anew.
     */
    public void crossingsBefore(long endMillis, Consumer<BackgroundCrossing> sink) {
        long[] positions = itineraries.randomPositions;
        for (int i = 0; i < nextMillis.length; i++) {
            if (nextMillis[i] < endMillis) {
                rng.moveTo(positions[i]);
                do {
                    sink.accept(next(i));
                } while (nextMillis[i] < endMillis);
                positions[i] = rng.position();
            }
        }
    }

    /** The traveller's next crossing; plans the one after it. */
    private BackgroundCrossing next(int t) {
        Itineraries it = itineraries;
        nextMillis[t] = NONE;
        float score = scoreMin + rng.nextFloat() * (1f - scoreMin);
        if (!it.inside[t]) {
            long day = clock.localDay(it.entryBcp[t], it.entryMillis[t]);
            if (rng.nextDouble() < refusalPerEntry.get(bcps.get(it.entryBcp[t]).type())) {
                RefusalReason reason = reasonLetters[reasonChoice.pick(rng)];
                fill(t, CrossingKind.REFUSAL, it.entryMillis[t], day, it.entryBcp[t], score, reason, day);
                it.exitDay[t] = day;
                planNextTrip(t);
                return crossing;
            }
            it.entriesLeft[t] = it.entriesLeft[t] == Integer.MAX_VALUE ? Integer.MAX_VALUE : it.entriesLeft[t] - 1;
            it.inside[t] = true;
            schedule(t, it.exitMillis[t]);
            return fill(t, CrossingKind.ENTRY, it.entryMillis[t], day, it.entryBcp[t], score, null, it.exitDay[t]);
        }
        it.inside[t] = false;
        fill(t, CrossingKind.EXIT, it.exitMillis[t], it.exitDay[t], it.exitBcp[t], score, null, it.exitDay[t]);
        planNextTrip(t);
        return crossing;
    }

    private BackgroundCrossing fill(int t, CrossingKind kind, long millis, long localDay,
                                    int bcp, float score, RefusalReason reason, long retentionBaseDay) {
        BackgroundCrossing c = crossing;
        c.kind = kind;
        c.eventMillis = millis;
        c.localDay = localDay;
        c.bcp = bcp;
        c.traveller = t;
        c.travellerBytes = itineraries.bytes();
        c.travellerBytesStart = itineraries.bytesStart(t);
        c.variantSpelling = itineraries.hasVariantSpelling[t] && rng.nextDouble() < variantShare;
        c.verificationScore = score;
        c.refusalReason = reason;
        c.retentionDay = factory.retentionDay(retentionBaseDay);
        return c;
    }

    private void planFirstTrip(int t) {
        if (itineraries.frequent[t]) {
            planSameDayTrip(t, period.startDay() + rng.nextInt(Math.min(period.days(), frequentGapMax)));
            return;
        }
        int length = tripLength();
        long entryDay = times.day(period.startDay(), period.lastDay() - length + 1, rng);
        if (entryDay >= 0) {
            planTrip(t, entryDay, length);
        }
    }

    private void planNextTrip(int t) {
        Itineraries it = itineraries;
        if (it.entriesLeft[t] <= 0) {
            return;
        }
        if (it.frequent[t]) {
            planSameDayTrip(t, it.exitDay[t] + rng.nextInt(frequentGapMin, frequentGapMax + 1));
            return;
        }
        int length = tripLength();
        planTrip(t, it.exitDay[t] + rng.nextInt(occasionalGapMin, occasionalGapMax + 1), length);
    }

    /** Same-day trip at the traveller's home BCP. */
    private void planSameDayTrip(int t, long day) {
        int home = itineraries.homeBcp[t];
        int entrySecond = SAME_DAY_FIRST_SECOND + rng.nextInt(SAME_DAY_SPAN_SECONDS);
        long entry = clock.toMillis(home, day, entrySecond, times.millis(rng));
        long exit = entry + MIN_STAY_MILLIS + rng.nextLong(SAME_DAY_MAX_STAY_MILLIS - MIN_STAY_MILLIS);
        setTrip(t, home, entry, home, exit);
    }

    /** A trip of {@code length} local dates entering on {@code entryDay}; nothing when it would not end in the period. */
    private void planTrip(int t, long entryDay, int length) {
        if (entryDay + length - 1 > period.lastDay()) {
            return;
        }
        if (length == 1) {
            int a = chooser.bcp(chooser.type(rng), rng);
            int entrySecond = SAME_DAY_FIRST_SECOND + rng.nextInt(SAME_DAY_SPAN_SECONDS);
            long entry = clock.toMillis(a, entryDay, entrySecond, times.millis(rng));
            long exit = entry + MIN_STAY_MILLIS + rng.nextLong(SAME_DAY_MAX_STAY_MILLIS - MIN_STAY_MILLIS);
            setTrip(t, a, entry, a, exit);
            return;
        }
        BorderType type = chooser.type(rng);
        int a = chooser.bcp(type, rng);
        long entry = clock.toMillis(a, entryDay, times.secondOfDay(type, true, rng), times.millis(rng));
        int b = rng.nextDouble() < SAME_EXIT_BCP_SHARE ? a : chooser.bcp(type, rng);
        long exitDay = entryDay + length - 1;
        long exit = clock.toMillis(b, exitDay, times.secondOfDay(type, false, rng), times.millis(rng));
        if (b != a && exit - entry < TRAVEL_TIME_MARGIN * travelTimes.minMillis(a, b)) {
            b = a;
            exit = clock.toMillis(b, exitDay, times.secondOfDay(type, false, rng), times.millis(rng));
        }
        if (exit - entry < MIN_STAY_MILLIS) {
            exit = clock.toMillis(b, exitDay, SECONDS_PER_DAY - 1, 0);
        }
        if (exit >= period.endMillis() || exit - entry < MIN_STAY_MILLIS) {
            return;
        }
        setTrip(t, a, entry, b, exit);
    }

    private void setTrip(int t, int entryBcp, long entry, int exitBcp, long exit) {
        if (entry < period.startMillis() || exit >= period.endMillis()) {
            return;
        }
        Itineraries it = itineraries;
        it.entryBcp[t] = entryBcp;
        it.entryMillis[t] = entry;
        it.exitBcp[t] = exitBcp;
        it.exitMillis[t] = exit;
        it.exitDay[t] = clock.localDay(exitBcp, exit);
        schedule(t, entry);
    }

    private void schedule(int t, long millis) {
        nextMillis[t] = millis;
    }

    private int tripLength() {
        TripLengthBucket b = buckets.get(tripLength.pick(rng));
        return b.min() + rng.nextInt(b.max() - b.min() + 1);
    }
}
