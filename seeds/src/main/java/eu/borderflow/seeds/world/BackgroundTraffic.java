package eu.borderflow.seeds.world;

import eu.borderflow.schema.BorderType;
import eu.borderflow.schema.CrossingKind;
import eu.borderflow.schema.RefusalReason;
import eu.borderflow.seeds.reference.Bcp;
import eu.borderflow.seeds.reference.Calibration;
import eu.borderflow.stay.AuthorisedStay;
import java.util.Arrays;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The background: every traveller's crossings, lawful under the rules' own definitions and often close to their
 * thresholds (reference/calibration.yaml): occasional and frequent travellers, commuters and long stayers at the 90/180
 * limit, visas used to their last day, entry and total, documents expiring at the authorised end, quick movements just
 * above R7's minimum time, long stays under residence permits, stays that began before the period or run past its end.
 * A deliberately close crossing carries {@link TruthLabels}, from which the ground truth lists it as a near-miss.
 *
 * <p>Crossings come out traveller by traveller, one time window at a time ({@link #crossingsBefore}): travellers are
 * visited in index order, so their {@link Itineraries} are read front to back, and all of a traveller's crossings of
 * the window are made while its values are in the CPU cache. Each traveller draws only from its own random stream,
 * so its crossings do not depend on the order in which travellers are visited; the caller puts a window's crossings
 * in event-time order.
 */
public final class BackgroundTraffic {

    /** The largest population {@code generate} accepts. */
    public static final int MAX_TRAVELLERS = 12_000_000;
    /** Room per traveller for what the writer keeps (about 140 bytes on average). */
    private static final int EXPECTED_BYTES_PER_TRAVELLER = 150;

    private static final long NONE = TripPlanner.NONE;

    private final Itineraries itineraries;
    /** Event time of each traveller's next crossing, NONE when it has no more: scanned in order, never searched. */
    private final long[] nextMillis;

    private final List<Bcp> bcps;
    private final long endMillis;
    private final CrossingFactory factory;
    private final Map<BorderType, Double> refusalPerEntry = new EnumMap<>(BorderType.class);
    private final RefusalReason[] reasonLetters;
    private final Weighted reasonChoice;
    private final double variantShare;
    private final float scoreMin;
    private final BackgroundCrossing crossing;
    private final PersonWatch watch;
    private final BitSet watched = new BitSet();
    /** Positioned on the stream of the traveller being visited: its position is kept in {@link #itineraries}. */
    private final RandomStream rng = new RandomStream(0);

    private final OccasionalPlans occasional;
    private final SameDayPlans sameDay;
    private final LongStayPlans longStays;

    /**
     * The traffic of {@code travellerCount} travellers of {@code population}. {@code keep} turns every traveller, right
     * after it is made (while its data is still in cache), into the bytes the writer needs of it, which each
     * {@link BackgroundCrossing} of the traveller then carries.
     */
    public BackgroundTraffic(
            Period period,
            List<Bcp> bcps,
            Calibration calibration,
            BcpClock clock,
            BcpChooser chooser,
            TravelTimes travelTimes,
            CrossingFactory factory,
            AuthorisedStay authorisedStay,
            PersonWatch watch,
            PopulationFactory population,
            int travellerCount,
            Function<Traveller, byte[]> keep) {
        this(
                period,
                bcps,
                calibration,
                clock,
                chooser,
                travelTimes,
                factory,
                authorisedStay,
                watch,
                population,
                0,
                travellerCount,
                keep);
    }

    /**
     * The traffic of the {@code travellerCount} travellers of {@code population} from index {@code firstIndex} on
     * (traveller {@code i} of this traffic is the population's {@code firstIndex + i}): exactly the crossings they make
     * in any traffic, since each draws from its own random stream.
     */
    public BackgroundTraffic(
            Period period,
            List<Bcp> bcps,
            Calibration calibration,
            BcpClock clock,
            BcpChooser chooser,
            TravelTimes travelTimes,
            CrossingFactory factory,
            AuthorisedStay authorisedStay,
            PersonWatch watch,
            PopulationFactory population,
            long firstIndex,
            int travellerCount,
            Function<Traveller, byte[]> keep) {
        if (travellerCount > MAX_TRAVELLERS) {
            throw new IllegalArgumentException("at most " + MAX_TRAVELLERS + " travellers");
        }
        this.bcps = bcps;
        this.endMillis = period.endMillis();
        this.factory = factory;
        this.watch = watch;
        this.crossing = new BackgroundCrossing();
        double entryShare = calibration.refusalShareOfCrossings() * 2;
        for (BorderType type : BorderType.values()) {
            refusalPerEntry.put(
                    type,
                    entryShare
                            * calibration.refusalSplit().get(type)
                            / calibration.borderTypeShare().get(type));
        }
        this.reasonLetters = calibration.refusalReasons().keySet().toArray(RefusalReason[]::new);
        this.reasonChoice = new Weighted(calibration.refusalReasons().values().stream()
                .mapToDouble(Double::doubleValue)
                .toArray());
        this.variantShare = calibration.number("/noise/name_variant_share");
        this.scoreMin = (float) calibration.number("/noise/verification_score_min");
        this.itineraries = new Itineraries(travellerCount, EXPECTED_BYTES_PER_TRAVELLER);
        this.nextMillis = new long[travellerCount];
        Arrays.fill(nextMillis, NONE);
        TripPlanner planner = new TripPlanner(
                period,
                bcps,
                calibration,
                clock,
                chooser,
                travelTimes,
                itineraries,
                nextMillis,
                rng,
                authorisedStay.rule().maxDaysInWindow());
        this.occasional = new OccasionalPlans(planner, calibration);
        this.sameDay = new SameDayPlans(
                planner,
                calibration,
                authorisedStay.rule().maxDaysInWindow(),
                authorisedStay.rule().windowDays());
        this.longStays = new LongStayPlans(planner, calibration, authorisedStay);
        for (int i = 0; i < travellerCount; i++) {
            Traveller t = population.create(Math.toIntExact(firstIndex + i));
            rng.moveTo(t.rng().position());
            itineraries.add(i, t, keep.apply(t));
            if (watch.watch(t)) {
                watched.set(i);
            }
            planFirst(i, t.plannedDay());
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

    private void planFirst(int t, long plannedDay) {
        switch (TravellerProfile.of(itineraries.profile[t])) {
            case OCCASIONAL -> occasional.first(t);
            case FREQUENT -> sameDay.firstFrequent(t);
            case COMMUTER -> sameDay.firstCommuter(t);
            case LONG_STAYER -> longStays.firstLongStay(t);
            case RARE -> longStays.rareTrip(t, plannedDay);
            case RESIDENT -> longStays.firstResident(t);
        }
    }

    /** After an exit ({@code present}) or a refusal, the traveller's next plan. */
    private void planNext(int t, boolean present) {
        switch (TravellerProfile.of(itineraries.profile[t])) {
            case OCCASIONAL -> occasional.next(t, present);
            case FREQUENT -> sameDay.nextFrequent(t);
            case COMMUTER -> sameDay.nextCommuter(t, present);
            case LONG_STAYER -> longStays.nextLongStay(t, present);
            case RESIDENT -> longStays.nextResident(t);
            case RARE -> nextMillis[t] = NONE;
        }
    }

    /** The traveller's next crossing; plans the one after it. */
    private BackgroundCrossing next(int t) {
        Itineraries it = itineraries;
        nextMillis[t] = NONE;
        float score = scoreMin + rng.nextFloat() * (1f - scoreMin);
        if (!it.inside[t]) {
            int day = it.entryDay[t];
            if (rng.nextDouble() < refusalPerEntry.get(bcps.get(it.entryBcp[t]).type())) {
                RefusalReason reason = reasonLetters[reasonChoice.pick(rng)];
                fill(t, CrossingKind.REFUSAL, it.entryMillis[t], day, it.entryBcp[t], score, reason, day, 0);
                it.exitDay[t] = day;
                planNext(t, false);
                return crossing;
            }
            it.entriesLeft[t] = it.entriesLeft[t] == Integer.MAX_VALUE ? Integer.MAX_VALUE : it.entriesLeft[t] - 1;
            it.inside[t] = true;
            fill(
                    t,
                    CrossingKind.ENTRY,
                    it.entryMillis[t],
                    day,
                    it.entryBcp[t],
                    score,
                    null,
                    it.exitDay[t],
                    it.entryLabels[t]);
            scheduleExit(t);
            return crossing;
        }
        it.inside[t] = false;
        fill(
                t,
                CrossingKind.EXIT,
                it.exitMillis[t],
                it.exitDay[t],
                it.exitBcp[t],
                score,
                null,
                it.exitDay[t],
                it.exitLabels[t]);
        it.countVisaDays(t, it.entryDay[t], it.exitDay[t]);
        planNext(t, true);
        return crossing;
    }

    /** Crossings after the period are never made: a stay may run past its end. */
    private void scheduleExit(int t) {
        long exit = itineraries.exitMillis[t];
        nextMillis[t] = exit < endMillis ? exit : NONE;
    }

    private BackgroundCrossing fill(
            int t,
            CrossingKind kind,
            long millis,
            long localDay,
            int bcp,
            float score,
            RefusalReason reason,
            long retentionBaseDay,
            int labels) {
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
        c.labels = watched.get(t) ? labels | watch.labels(t, millis, c.variantSpelling, kind) : labels;
        return c;
    }
}
