package eu.borderflow.seeds.scenario;

import eu.borderflow.schema.TravelDocument;
import eu.borderflow.schema.Visa;
import eu.borderflow.seeds.world.IdFactory;
import eu.borderflow.stay.VisaTerms;
import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * Issues what planted travellers get new: visas (a renewal when the one held does not cover a planned stay),
 * documents and biometric templates, numbered after the background's so none is given twice.
 */
public final class Issuer {

    public static final int MULTIPLE_ENTRIES = 0;

    private final IdFactory ids;
    private final Places places;
    private final SplittableRandom rng;
    private final PlantedNumbers numbers;

    Issuer(IdFactory ids, Places places, SplittableRandom rng, PlantedNumbers numbers) {
        this.ids = ids;
        this.places = places;
        this.rng = rng;
        this.numbers = numbers;
    }

    /**
     * Before an entry of a traveller whose visa may be renewed: a new visa when the current one does not cover the
     * stay planned ({@code entryDay..plannedExitDay}: validity, entries, total), as its holder would have got one.
     */
    void renewIfNeeded(PlantedTraveller t, long entryDay, long plannedExitDay) {
        Visa v = t.visa;
        long validFrom = v.getValidFrom().toEpochDay();
        long validUntil = v.getValidUntil().toEpochDay();
        long days = Math.max(1, plannedExitDay - entryDay + 1);
        boolean total = VisaTerms.durationIsTotal((int) validFrom, (int) validUntil);
        boolean fits = entryDay >= validFrom
                && plannedExitDay <= validUntil
                && (v.getEntriesAuthorised() == MULTIPLE_ENTRIES || t.entriesUnderVisa < v.getEntriesAuthorised())
                && (!total || t.daysUnderVisa + days <= v.getDurationOfStayDays());
        if (!fits) {
            t.visa = renewed(v, entryDay, Math.max(entryDay, plannedExitDay));
            t.entriesUnderVisa = 0;
            t.daysUnderVisa = 0;
        }
        t.entriesUnderVisa++;
        t.daysUnderVisa += days;
    }

    /** A new visa like {@code v} (its kind, entries, duration, length of validity) covering days {@code from..to}. */
    private Visa renewed(Visa v, long from, long to) {
        long validity =
                Math.max(v.getValidUntil().toEpochDay() - v.getValidFrom().toEpochDay(), to - from);
        int duration = (int) Math.max(v.getDurationOfStayDays(), to - from + 1);
        long start = from - rng.nextLong(validity - (to - from) + 1);
        return new Visa(
                ids.stickerNumber(places.memberState(), numbers.next()),
                v.getVisaType(),
                v.getEntriesAuthorised(),
                duration,
                LocalDate.ofEpochDay(start),
                LocalDate.ofEpochDay(start + validity));
    }

    /** A new C visa (sticker unique in the dataset); {@code entries} 0 means multiple. */
    public Visa visa(int entries, int durationDays, long validFrom, long validUntil) {
        return new Visa(
                ids.stickerNumber(places.memberState(), numbers.next()),
                "C",
                entries,
                durationDays,
                LocalDate.ofEpochDay(validFrom),
                LocalDate.ofEpochDay(validUntil));
    }

    /** A second, new document for the traveller (same person, same biometrics). */
    public TravelDocument newDocument(PlantedTraveller t) {
        return new TravelDocument(
                t.document.getType(),
                ids.documentNumber(numbers.next()),
                t.document.getIssuingCountry(),
                t.document.getExpiryDate());
    }

    public String newFacialTemplateId() {
        return ids.facialTemplateId(numbers.next());
    }

    public String newFingerprintTemplateId() {
        return ids.fingerprintTemplateId(numbers.next());
    }
}
