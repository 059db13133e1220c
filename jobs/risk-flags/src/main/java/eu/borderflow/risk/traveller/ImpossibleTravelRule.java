package eu.borderflow.risk.traveller;

import eu.borderflow.privacy.Pseudonymiser;
import eu.borderflow.risk.RiskSettings;
import eu.borderflow.risk.flag.Flags;
import eu.borderflow.risk.rules.ConfiguredRule;
import eu.borderflow.risk.rules.RuleDescriptor;
import eu.borderflow.schema.Condition;
import eu.borderflow.schema.CrossingKind;
import eu.borderflow.schema.FindingKind;
import eu.borderflow.schema.RiskFlag;
import eu.borderflow.schema.Severity;
import eu.borderflow.travel.MinimumTravelTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * R7, impossible travel or broken sequence for one document, judged on consecutive crossings in event-time order:
 * two entries or two exits in a row, or two crossings at different BCPs closer in time than the minimum transfer time
 * plus the great-circle distance at the fastest plausible speed of the slower border type ({@link MinimumTravelTime},
 * the domain's one definition). A fast but possible trip is fine. A data-quality finding first: a wrong BCP code, clock or document read explains most such pairs.
 */
public final class ImpossibleTravelRule extends ConfiguredRule<TravelSettings> {

    private static final long serialVersionUID = 1L;

    public static final RuleDescriptor DESCRIPTOR = new RuleDescriptor(
            "R7",
            "1.0.0",
            FindingKind.DATA_QUALITY,
            Set.of(
                    "event_id",
                    "kind",
                    "event_time",
                    "bcp_code",
                    "section_id",
                    "document.number",
                    "document.issuing_country",
                    "traveller.file_id",
                    "retention_until"));

    static final String ACTION = "First suspect a data-quality cause (BCP code, clock, document read) and correct the "
            + "records; only then consider misuse of the document";

    /** Built from the settings on first use after deserialisation. */
    private transient MinimumTravelTime travelTime;

    /** The allowed lateness: how long a movement uploaded late (EES fall-back) may still come between two. */
    private final long fallBackWindowMs;

    public ImpossibleTravelRule(RiskSettings config) {
        super(TravelSettings.load(config), DESCRIPTOR);
        this.fallBackWindowMs = config.time().getAllowedLateness().toMillis();
    }

    /**
     * The finding on {@code later}, the crossing that follows the last one in {@code trail}. Before the fall-back
     * window (the allowed lateness) has closed ({@code movementsComplete} false, an early judgement), a repeated entry
     * or exit raises nothing: a movement uploaded late may still come between, as R4 waits for it too. So a flag on
     * a repeated movement is raised, in event time, when that window closes ({@code raised_event_time}).
     */
    public Optional<RiskFlag> check(
            DocumentTrail trail,
            DocumentCrossing later,
            BcpLocations bcps,
            Pseudonymiser tokens,
            boolean movementsComplete) {
        if (trail.getLastEventId() == null) {
            return Optional.empty();
        }
        boolean movement = later.getKind() != CrossingKind.REFUSAL;
        boolean repeated = movement && later.getKind() == trail.getLastMovement();
        if (repeated && !movementsComplete) {
            return Optional.empty();
        }
        Trip trip = later.getBcpCode().equals(trail.getLastBcpCode()) ? null : trip(trail, later, bcps);
        if (!repeated && (trip == null || !trip.tooFast())) {
            // Most crossings: nothing to flag, so nothing is written out.
            return Optional.empty();
        }
        List<Condition> conditions = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        List<String> evidence = new ArrayList<>();
        if (movement && trail.getLastMovement() != null) {
            conditions.add(Flags.condition(
                    "kind of the previous entry/exit", trail.getLastMovement(), "=", later.getKind(), repeated));
            if (repeated) {
                reasons.add("two " + later.getKind() + " records in a row");
                evidence.add(trail.movementEventId());
            }
        }
        if (trip != null) {
            conditions.add(condition(trip));
            if (trip.tooFast()) {
                reasons.add("crossings at " + trail.getLastBcpCode() + " and " + later.getBcpCode() + " only "
                        + Duration.ofMillis(trip.gap()).toMinutes() + " minutes apart, faster than possible");
                evidence.add(trail.getLastEventId());
            }
        }
        evidence.add(later.getEventId());
        String explanation = "Possible data-quality problem first: for this document, " + String.join(" and ", reasons)
                + ". Check the records before suspecting misuse of the document.";
        Flags.Builder flag = Flags.raiseOn(descriptor, later, tokens)
                .assess(Severity.LOW, ACTION)
                .explain(explanation, conditions, evidence.stream().distinct().toList());
        if (repeated) {
            flag.raisedAt(Instant.ofEpochMilli(later.getEventTime() + fallBackWindowMs));
        }
        return Optional.of(flag.build());
    }

    /**
     * Two crossings at different BCPs: the gap between them against the minimum time ({@code from} and {@code to}
     * null when the reference data does not know one of the BCPs: the transfer time alone).
     */
    private record Trip(long gap, BcpLocation from, BcpLocation to, double km, long minimum, boolean tooFast) {}

    private Condition condition(Trip trip) {
        Duration between = Duration.ofMillis(trip.gap());
        if (trip.from() == null) {
            return Flags.condition(
                    "time between crossings at different BCPs",
                    between,
                    "<",
                    settings.getMinTransfer(),
                    trip.tooFast());
        }
        String name = String.format(
                Locale.ROOT,
                "time between crossings at different BCPs vs %s transfer + %.0f km at %d km/h",
                settings.getMinTransfer(),
                trip.km(),
                travelTime().speedKmh(trip.from().type(), trip.to().type()));
        return Flags.condition(name, between, "<", Duration.ofMillis(trip.minimum()), trip.tooFast());
    }

    private Trip trip(DocumentTrail trail, DocumentCrossing later, BcpLocations bcps) {
        long gap = Math.abs(later.getEventTime() - trail.getLastTime());
        BcpLocation from = bcps.find(trail.getLastBcpCode());
        BcpLocation to = bcps.find(later.getBcpCode());
        if (from == null || to == null) {
            // A BCP the reference data does not know: only the transfer time is sure.
            long minimum = travelTime().minTransferMillis();
            return new Trip(gap, null, null, 0, minimum, MinimumTravelTime.tooFast(gap, minimum));
        }
        double km = MinimumTravelTime.distanceKm(from.latitude(), from.longitude(), to.latitude(), to.longitude());
        long minimum = travelTime().minimumMillis(km, from.type(), to.type());
        return new Trip(gap, from, to, km, minimum, MinimumTravelTime.tooFast(gap, minimum));
    }

    /** R7's minimum time, the domain's one definition, from this rule's settings. */
    private MinimumTravelTime travelTime() {
        if (travelTime == null) {
            travelTime = new MinimumTravelTime(settings.getMaxSpeedKmh(), settings.getMinTransfer());
        }
        return travelTime;
    }

    /** Remembers {@code crossing} as the last one of its document. */
    public static void remember(DocumentTrail trail, DocumentCrossing crossing) {
        if (crossing.getKind() != CrossingKind.REFUSAL) {
            trail.setLastMovement(crossing.getKind());
            trail.setLastMovementEventId(null);
        } else if (trail.getLastMovement() != null) {
            trail.setLastMovementEventId(trail.movementEventId());
        }
        trail.setLastEventId(crossing.getEventId());
        trail.setLastTime(crossing.getEventTime());
        trail.setLastBcpCode(crossing.getBcpCode());
    }
}
