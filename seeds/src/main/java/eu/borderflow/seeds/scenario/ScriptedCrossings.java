package eu.borderflow.seeds.scenario;

import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.CrossingKind;
import eu.borderflow.schema.RefusalReason;
import eu.borderflow.schema.TravellerIdentity;
import eu.borderflow.seeds.reference.Bcp;
import eu.borderflow.seeds.reference.Calibration;
import eu.borderflow.seeds.reference.TripLengthBucket;
import eu.borderflow.seeds.world.CrossingFactory;
import eu.borderflow.seeds.world.IdFactory;
import eu.borderflow.seeds.world.TravelTimes;
import eu.borderflow.seeds.world.Weighted;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The crossings scenarios script for planted travellers: stays and trips at times drawn like the background's, never
 * faster than the traveller could travel, each crossing carrying the traveller's inputs as they are then.
 */
public final class ScriptedCrossings {

    private final Places places;
    private final CrossingTimes times;
    private final Issuer issuer;
    private final TravelTimes travelTimes;
    private final CrossingFactory factory;
    private final IdFactory ids;
    private final SplittableRandom rng;
    private final double variantShare;
    private final float scoreMin;
    private final List<TripLengthBucket> tripBuckets;
    private final Weighted tripLength;

    private final List<BorderCrossing> made = new ArrayList<>();
    private final Set<String> resent = new HashSet<>();

    ScriptedCrossings(
            Places places,
            CrossingTimes times,
            Issuer issuer,
            TravelTimes travelTimes,
            CrossingFactory factory,
            IdFactory ids,
            Calibration calibration,
            SplittableRandom rng) {
        this.places = places;
        this.times = times;
        this.issuer = issuer;
        this.travelTimes = travelTimes;
        this.factory = factory;
        this.ids = ids;
        this.rng = rng;
        this.variantShare = calibration.number("/noise/name_variant_share");
        this.scoreMin = (float) calibration.number("/noise/verification_score_min");
        this.tripBuckets = calibration.tripLengths();
        this.tripLength = Weighted.of(tripBuckets, TripLengthBucket::weight);
    }

    /**
     * A stay entered at {@code in} on local {@code entryDay} and left at {@code out} on {@code exitDay}, at times
     * drawn like the background's; left at {@code in} instead when {@code out} is too far for the time between.
     */
    public Stay stay(PlantedTraveller t, Bcp in, long entryDay, Bcp out, long exitDay) {
        long entry = entryDay == exitDay ? times.daytime(in, entryDay) : times.entryTime(in, entryDay);
        if (t.lastBcp != null
                && t.lastBcp.index() != in.index()
                && entry - t.lastMillis < 2 * travelTimes.minMillis(t.lastBcp.index(), in.index())) {
            // Not faster than possible since the traveller's last crossing (R7): back where it left.
            in = t.lastBcp;
            entry = entryDay == exitDay ? times.daytime(in, entryDay) : times.entryTime(in, entryDay);
        }
        Bcp exitBcp = entryDay == exitDay ? in : out;
        long exit = entryDay == exitDay ? times.sameDayExit(entry) : times.exitTime(exitBcp, exitDay, entry);
        if (exitBcp.index() != in.index() && exit - entry < 2 * travelTimes.minMillis(in.index(), exitBcp.index())) {
            exitBcp = in;
            exit = times.exitTime(in, exitDay, entry);
        }
        return new Stay(entry(t, in, entry, exitDay), exit(t, exitBcp, exit));
    }

    /**
     * A trip entered on {@code firstDay} whose length the scenario leaves free (it ends by {@code lastDay}): as long
     * as the traveller's own trips are, a same-day trip for a frequent traveller or a commuter, the calibrated trip
     * lengths otherwise, so planted crossings fall at the times of day the background's do.
     */
    public Stay trip(PlantedTraveller t, long firstDay, long lastDay) {
        Bcp b = places.bcp();
        return trip(t, b, firstDay, lastDay);
    }

    /** {@link #trip(PlantedTraveller, long, long)} in and out at {@code bcp}. */
    public Stay trip(PlantedTraveller t, Bcp bcp, long firstDay, long lastDay) {
        int length = switch (t.drawn.profile()) {
            case FREQUENT, COMMUTER -> 1;
            default -> {
                TripLengthBucket bucket = tripBuckets.get(tripLength.pick(rng));
                yield bucket.min() + rng.nextInt(bucket.max() - bucket.min() + 1);
            }
        };
        return stay(t, bcp, firstDay, bcp, Math.min(lastDay, firstDay + length - 1));
    }

    /** A stay at one BCP drawn like the background's. */
    public Stay stay(PlantedTraveller t, long entryDay, long exitDay) {
        Bcp b = places.bcp();
        return stay(t, b, entryDay, b, exitDay);
    }

    public BorderCrossing entry(PlantedTraveller t, Bcp bcp, long millis, long plannedExitDay) {
        return crossing(t, CrossingKind.ENTRY, bcp, millis, List.of(), plannedExitDay);
    }

    public BorderCrossing exit(PlantedTraveller t, Bcp bcp, long millis) {
        return crossing(t, CrossingKind.EXIT, bcp, millis, List.of(), times.localDay(bcp, millis));
    }

    public BorderCrossing refusal(PlantedTraveller t, Bcp bcp, long millis, RefusalReason reason) {
        return crossing(t, CrossingKind.REFUSAL, bcp, millis, List.of(reason), times.localDay(bcp, millis));
    }

    private BorderCrossing crossing(
            PlantedTraveller t,
            CrossingKind kind,
            Bcp bcp,
            long millis,
            List<RefusalReason> reasons,
            long retentionDay) {
        if (kind == CrossingKind.ENTRY && t.renewsVisa && t.visa != null) {
            issuer.renewIfNeeded(t, times.localDay(bcp, millis), retentionDay);
        }
        TravellerIdentity spelling = t.presented != null
                ? t.presented
                : t.variantIdentity() != null && rng.nextDouble() < variantShare ? t.variantIdentity() : t.identity;
        float score = scoreMin + (float) rng.nextDouble() * (1f - scoreMin);
        BorderCrossing c = factory.crossing(
                ids.nextScriptedEventId(),
                kind,
                millis,
                times.localDay(bcp, millis),
                bcp.index(),
                spelling,
                t.document,
                t.visa,
                t.stayBasis,
                t.facialTemplateId,
                t.fingerprintTemplateId,
                t.fingerprintStatus,
                score,
                reasons,
                retentionDay);
        made.add(c);
        if (millis >= t.lastMillis) {
            t.lastBcp = bcp;
            t.lastMillis = millis;
        }
        return c;
    }

    /** Sends {@code c} again a little later, with the same event id (a re-sent record). */
    public void resend(BorderCrossing c) {
        resent.add(c.getEventId());
    }

    /** The event ids of crossings a scenario re-sends. */
    public Set<String> resent() {
        return resent;
    }

    /** Marks a crossing as a fall-back upload arriving {@code delayMillis} after it happened. */
    public void uploadLate(BorderCrossing c, long delayMillis) {
        c.setIngestTime(Instant.ofEpochMilli(c.getEventTime().toEpochMilli() + delayMillis));
        c.setFallbackUpload(true);
    }

    /** Every crossing scripted so far, in the order made. */
    public List<BorderCrossing> all() {
        return made;
    }
}
