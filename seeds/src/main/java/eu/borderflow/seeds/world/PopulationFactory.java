package eu.borderflow.seeds.world;

import eu.borderflow.schema.DocumentType;
import eu.borderflow.schema.FingerprintStatus;
import eu.borderflow.schema.Sex;
import eu.borderflow.schema.StayBasis;
import eu.borderflow.schema.TravelDocument;
import eu.borderflow.schema.TravellerIdentity;
import eu.borderflow.schema.Visa;
import eu.borderflow.seeds.reference.Calibration;
import eu.borderflow.seeds.reference.Nationality;
import eu.borderflow.seeds.reference.ReferenceData;
import eu.borderflow.stay.AuthorisedStay;
import eu.borderflow.stay.StayHistory;
import eu.borderflow.stay.VisaTerms;
import java.time.LocalDate;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Builds person {@code i} of the world from the seed alone (its own random stream), so the population does not depend
 * on the order in which persons are made. Background travellers are persons 0 .. n-1; scenarios draw their planted
 * travellers from the indexes after them, from the same distributions.
 */
public final class PopulationFactory {

    private static final int ADULT_AGE = 12;
    private static final int DAYS_PER_YEAR = 365;

    private final long populationSeed;
    private final Period period;
    private final IdFactory ids;
    private final NamePicker names;
    private final BcpChooser bcps;
    private final BirthYears birthYears;
    private final VisaIssuer visas;
    private final AuthorisedStay authorisedStay;
    private final List<Nationality> visaRequired;
    private final List<Nationality> visaExempt;
    private final Weighted visaRequiredChoice;
    private final Weighted visaExemptChoice;
    private final Weighted profileChoice;
    /** Calibration values read once (each lookup parses a JSON pointer). */
    private final double visaRequiredShare;

    private final int validityDays;
    private final double idCardShare;
    private final int expiryAfterEndMax;
    private final double longStayVisaShare;
    private final int beforePeriodMax;

    public PopulationFactory(
            long seed,
            Period period,
            IdFactory ids,
            ReferenceData reference,
            BcpChooser bcps,
            AuthorisedStay authorisedStay) {
        this.populationSeed = SeedMix.derive(seed, "population");
        this.period = period;
        this.ids = ids;
        Calibration calibration = reference.calibration();
        this.names = new NamePicker(reference);
        this.bcps = bcps;
        this.birthYears = new BirthYears(calibration);
        this.visas = new VisaIssuer(
                period,
                ids,
                reference.bcps().stream().map(b -> b.country()).distinct().toList(),
                calibration);
        this.authorisedStay = authorisedStay;
        this.visaRequired = reference.nationalities().stream()
                .filter(Nationality::visaRequired)
                .toList();
        this.visaExempt = reference.nationalities().stream()
                .filter(n -> !n.visaRequired())
                .toList();
        this.visaRequiredChoice = Weighted.of(visaRequired, Nationality::weight);
        this.visaExemptChoice = Weighted.of(visaExempt, Nationality::weight);
        this.profileChoice = profiles(calibration);
        this.visaRequiredShare = calibration.visaRequiredShare();
        this.validityDays = calibration.integer("/documents/validity_years") * DAYS_PER_YEAR;
        this.idCardShare = calibration.number("/documents/id_card_share");
        this.expiryAfterEndMax = calibration.integer("/documents/expiry_after_end_max_days");
        this.longStayVisaShare = calibration.number("/residents/long_stay_visa_share");
        this.beforePeriodMax = calibration.integer("/long_stays/before_period_max_days");
    }

    /** Profile weights in {@link TravellerProfile} order; occasional travellers are the rest. */
    private static Weighted profiles(Calibration calibration) {
        double[] shares = new double[TravellerProfile.values().length];
        double others = 0;
        for (TravellerProfile p : TravellerProfile.values()) {
            if (p != TravellerProfile.OCCASIONAL) {
                shares[p.ordinal()] = calibration.number("/profiles/" + p.name().toLowerCase(java.util.Locale.ROOT));
                others += shares[p.ordinal()];
            }
        }
        shares[TravellerProfile.OCCASIONAL.ordinal()] = 1 - others;
        return new Weighted(shares);
    }

    public Traveller create(int index) {
        RandomStream rng = new RandomStream(SeedMix.derive(populationSeed, index));
        boolean needsVisa = rng.nextDouble() < visaRequiredShare;
        Nationality nationality =
                needsVisa ? visaRequired.get(visaRequiredChoice.pick(rng)) : visaExempt.get(visaExemptChoice.pick(rng));
        Sex sex = rng.nextBoolean() ? Sex.F : Sex.M;
        NamePicker.Names picked = names.pick(nationality, sex, rng);
        LocalDate dob = birthYears.draw(rng);
        TravellerIdentity identity = new TravellerIdentity(
                ids.fileId(index), picked.surname().name(), picked.given().name(), dob, nationality.code(), sex);
        TravellerIdentity variant = variantOf(identity, picked, rng);
        TravellerProfile profile = TravellerProfile.of(profileChoice.pick(rng));
        DocumentType type = rng.nextDouble() < idCardShare ? DocumentType.ID_CARD : DocumentType.PASSPORT;
        long expiry = period.startDay() + 1 + rng.nextInt(validityDays);
        StayBasis basis = StayBasis.SHORT_STAY;
        Visa visa = null;
        long plannedDay = Long.MIN_VALUE;
        switch (profile) {
            case RESIDENT -> {
                boolean longStayVisa = needsVisa && rng.nextDouble() < longStayVisaShare;
                basis = longStayVisa ? StayBasis.LONG_STAY_VISA : StayBasis.RESIDENCE_PERMIT;
                if (longStayVisa) {
                    visa = visas.longStay(index, period.startDay() - rng.nextInt(beforePeriodMax + 1), rng);
                }
            }
            case RARE -> {
                plannedDay = period.startDay() + rng.nextInt(period.days());
                if (needsVisa) {
                    visa = visas.around(index, plannedDay, rng);
                }
                expiry = authorisedEnd(plannedDay, visa) + rng.nextInt(expiryAfterEndMax + 1);
            }
            case OCCASIONAL -> visa = needsVisa ? visas.shortStay(index, rng) : null;
            default -> visa = needsVisa ? visas.multipleForYears(index, rng) : null;
        }
        TravelDocument document =
                new TravelDocument(type, ids.documentNumber(index), nationality.code(), LocalDate.ofEpochDay(expiry));
        boolean child = dob.plusYears(ADULT_AGE).isAfter(period.start());
        FingerprintStatus fingerprints = needsVisa
                ? FingerprintStatus.IN_VIS
                : child ? FingerprintStatus.NOT_APPLICABLE_UNDER_12 : FingerprintStatus.CAPTURED;
        String fingerprintId = fingerprints == FingerprintStatus.CAPTURED ? ids.fingerprintTemplateId(index) : null;
        int home = bcps.bcp(bcps.type(rng), rng);
        return new Traveller(
                index,
                identity,
                variant,
                picked,
                document,
                visa,
                basis,
                ids.facialTemplateId(index),
                fingerprintId,
                fingerprints,
                needsVisa,
                profile,
                home,
                plannedDay,
                rng);
    }

    /** The authorised end of a stay entered on {@code entryDay} by someone with no presence in the window before. */
    private long authorisedEnd(long entryDay, Visa visa) {
        VisaTerms terms = visa == null
                ? null
                : VisaTerms.of(visa.getValidFrom(), visa.getValidUntil(), visa.getDurationOfStayDays());
        return authorisedStay.endDay(StayHistory.empty(), (int) entryDay, terms, 0);
    }

    private static TravellerIdentity variantOf(
            TravellerIdentity identity, NamePicker.Names picked, RandomGenerator rng) {
        if (!picked.surname().hasVariants() && !picked.given().hasVariants()) {
            return null;
        }
        boolean surname = picked.surname().hasVariants() && (!picked.given().hasVariants() || rng.nextBoolean());
        List<String> v = surname ? picked.surname().variants() : picked.given().variants();
        String spelling = v.get(rng.nextInt(v.size()));
        return new TravellerIdentity(
                identity.getFileId(),
                surname ? spelling : identity.getSurname(),
                surname ? identity.getGivenNames() : spelling,
                identity.getDateOfBirth(),
                identity.getNationality(),
                identity.getSex());
    }
}
