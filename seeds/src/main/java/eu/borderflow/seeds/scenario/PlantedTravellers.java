package eu.borderflow.seeds.scenario;

import eu.borderflow.schema.StayBasis;
import eu.borderflow.schema.Visa;
import eu.borderflow.seeds.world.Period;
import eu.borderflow.seeds.world.PopulationFactory;
import eu.borderflow.seeds.world.TrafficPreview;
import eu.borderflow.seeds.world.Traveller;
import eu.borderflow.stay.VisaTerms;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Predicate;

/**
 * Draws the travellers scenarios plant: persons of the population outside the background's indexes, drawn in
 * proportion to the crossings they would make in the background, on a scenario day their own document and visa allow.
 */
public final class PlantedTravellers {

    /** Scenario days start this many days into the period and end this many days before its end. */
    private static final int LEAD_DAYS = 2;

    private static final int TAIL_DAYS = 5;
    /** Days of the period no scenario's days use: its first and last ones. */
    public static final int MARGIN_DAYS = LEAD_DAYS + TAIL_DAYS;

    private static final int MAX_DRAWS = 1000;
    private static final int CANDIDATE_BLOCK = 4096;
    private static final Set<String> VISA_RULES = Set.of("R3", "R4", "R5", "R6");
    private static final int MAX_SHORT_STAY = 90;

    private final Period period;
    private final SplittableRandom rng;
    private final PopulationFactory population;
    private final TrafficPreview preview;
    private final PlantedNumbers numbers;
    /** Candidates for planting: a block of population indexes and the crossings each makes in the background. */
    private long candidatesStart;

    private int[] candidateCrossings = new int[0];
    private int nextCandidate;
    private int crossingsCap;
    private String planting = "";

    PlantedTravellers(
            Period period,
            SplittableRandom rng,
            PopulationFactory population,
            TrafficPreview preview,
            PlantedNumbers numbers) {
        this.period = period;
        this.rng = rng;
        this.population = population;
        this.preview = preview;
        this.numbers = numbers;
    }

    /**
     * A planted traveller drawn like any background traveller, on a short stay, with a first scenario day
     * ({@link PlantedTraveller#day()}) such that days {@code day..day + span} lie in the period (with a margin at both
     * ends) and the traveller's own document and visa let stays on them happen as a scenario plans them: the document
     * valid beyond any stay entered by then; a visa (if any) valid on those days, allowing {@code entries} entries
     * and, when it has a total, room for the days. Persons are drawn until one fits {@code ok} and such a day exists,
     * which is drawn uniformly among those that fit. A scenario then changes only its rule's inputs, so what the
     * planted records show is what the population shows for such a stay.
     */
    public PlantedTraveller draw(int span, int entries, Predicate<Traveller> ok) {
        return draw(0, span, entries, ok);
    }

    /** {@link #draw(int, int, Predicate)} whose stays begin {@code before} days before its first day. */
    public PlantedTraveller draw(int before, int span, int entries, Predicate<Traveller> ok) {
        long first = period.startDay() + LEAD_DAYS;
        long last = period.lastDay() - TAIL_DAYS - span;
        for (int tries = 0; tries < MAX_DRAWS; tries++) {
            Traveller t = candidate();
            if (t.stayBasis() != StayBasis.SHORT_STAY || !ok.test(t) || t.visaRequired() && t.visa() == null) {
                continue;
            }
            long from = first;
            long to = Math.min(last, t.document().getExpiryDate().toEpochDay() - MAX_SHORT_STAY - span);
            Visa v = t.visa();
            boolean fits = v == null || visaFits(v, before, span, entries);
            boolean renews = !fits && !visaRulesPlanted();
            if (!fits && !renews) {
                continue;
            }
            if (from <= to) {
                PlantedTraveller planted = new PlantedTraveller(t);
                planted.renewsVisa = renews;
                planted.day = from + rng.nextLong(to - from + 1);
                if (v != null) {
                    // The visa as drawn, its validity moved (if need be) to cover the scenario's days: the visa mix
                    // stays the population's, as it would not if the visas that do not fit turned travellers away.
                    planted.visa = covering(v, planted.day - before, planted.day + span);
                }
                return planted;
            }
        }
        throw new IllegalStateException("no planted traveller fits a stay of " + span + " days in the period");
    }

    public PlantedTraveller draw(int span) {
        return draw(span, 1, t -> true);
    }

    /**
     * The next population traveller drawn in proportion to the crossings it makes in the background (accepted with
     * probability crossings / cap, the cap being the most any traveller of the first block makes), so the persons,
     * documents and visas of planted crossings are distributed as the background's crossings' are.
     */
    private Traveller candidate() {
        while (true) {
            if (nextCandidate == candidateCrossings.length) {
                candidatesStart = numbers.block(CANDIDATE_BLOCK);
                candidateCrossings = preview.crossings(candidatesStart, CANDIDATE_BLOCK);
                nextCandidate = 0;
                if (crossingsCap == 0) {
                    crossingsCap =
                            Math.max(1, Arrays.stream(candidateCrossings).max().orElse(1));
                }
            }
            int i = nextCandidate++;
            int n = candidateCrossings[i];
            if (n > 0 && (n >= crossingsCap || rng.nextInt(crossingsCap) < n)) {
                return population.create(Math.toIntExact(candidatesStart + i));
            }
        }
    }

    /** The visa allows {@code entries} entries, and stays on {@code before + span + 1} days within its validity. */
    private static boolean visaFits(Visa v, int before, int span, int entries) {
        long validFrom = v.getValidFrom().toEpochDay();
        long validUntil = v.getValidUntil().toEpochDay();
        boolean entriesOk = v.getEntriesAuthorised() == Issuer.MULTIPLE_ENTRIES || v.getEntriesAuthorised() >= entries;
        boolean totalOk =
                !VisaTerms.durationIsTotal((int) validFrom, (int) validUntil) || v.getDurationOfStayDays() >= span + 1;
        return entriesOk && totalOk && validUntil - validFrom >= before + span;
    }

    /** The rule whose scenarios are being planted ({@link ScenarioCatalog}). */
    void planting(String ruleId) {
        this.planting = ruleId;
    }

    /** Scenarios of the rules that read visas keep the visa drawn: their truth is worked out from it. */
    private boolean visaRulesPlanted() {
        return VISA_RULES.contains(planting);
    }

    /** {@code v} with its validity (same length) moved the least that makes it cover days {@code from..to}. */
    private static Visa covering(Visa v, long from, long to) {
        long validFrom = v.getValidFrom().toEpochDay();
        long validUntil = v.getValidUntil().toEpochDay();
        long shift = from < validFrom ? from - validFrom : Math.max(0, to - validUntil);
        if (shift == 0) {
            return v;
        }
        return new Visa(
                v.getStickerNumber(),
                v.getVisaType(),
                v.getEntriesAuthorised(),
                v.getDurationOfStayDays(),
                LocalDate.ofEpochDay(validFrom + shift),
                LocalDate.ofEpochDay(validUntil + shift));
    }

    /** A traveller whose visa, if any, has no total duration: only 90/180 and the validity limit its stays. */
    public static boolean noVisaTotal(Traveller t) {
        return t.visa() == null
                || !VisaTerms.durationIsTotal((int) t.visa().getValidFrom().toEpochDay(), (int)
                        t.visa().getValidUntil().toEpochDay());
    }

    public PlantedTraveller visaHolder(int span, int entries) {
        return draw(span, entries, t -> t.visa() != null);
    }

    public PlantedTraveller visaExempt(int span) {
        return draw(span, 1, t -> !t.visaRequired());
    }
}
