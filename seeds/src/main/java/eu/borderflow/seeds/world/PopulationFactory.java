package eu.borderflow.seeds.world;

import eu.borderflow.schema.DocumentType;
import eu.borderflow.schema.FingerprintStatus;
import eu.borderflow.schema.Sex;
import eu.borderflow.schema.TravelDocument;
import eu.borderflow.schema.TravellerIdentity;
import eu.borderflow.schema.Visa;
import eu.borderflow.seeds.reference.Calibration;
import eu.borderflow.seeds.reference.Nationality;
import eu.borderflow.seeds.reference.ReferenceData;

import java.time.LocalDate;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Builds background traveller {@code i} from the seed alone (its own random stream), so the population does not
 * depend on the order in which travellers are made.
 */
public final class PopulationFactory {

    /** Background travellers are born in these years; planted and alert persons use other years (see BirthYears). */
    private static final int ADULT_AGE = 12;
    private static final int MULTIPLE_ENTRIES = 0;
    private static final int SHORT_VISA_DAYS = 30;
    private static final int FULL_VISA_DAYS = 90;
    private static final double SINGLE_ENTRY_SHARE = 0.3;
    private static final double DOUBLE_ENTRY_SHARE = 0.2;
    private static final int MAX_VISA_ISSUED_BEFORE_DAYS = 90;
    private static final int MIN_VISA_VALID_AFTER_DAYS = 30;
    private static final int MAX_VISA_VALID_AFTER_DAYS = 365;

    private final long populationSeed;
    private final Period period;
    private final IdFactory ids;
    private final NamePicker names;
    private final BcpChooser bcps;
    private final List<Nationality> visaRequired;
    private final List<Nationality> visaExempt;
    private final Weighted visaRequiredChoice;
    private final Weighted visaExemptChoice;
    private final List<String> memberStates;
    /** Calibration values read once (each lookup parses a JSON pointer), in the order create() used to read them. */
    private final double visaRequiredShare;
    private final int minValidityDays;
    private final int maxValidityDays;
    private final double idCardShare;
    private final double frequentShare;

    public PopulationFactory(long seed, Period period, IdFactory ids, ReferenceData reference, BcpChooser bcps) {
        this.populationSeed = SeedMix.derive(seed, "population");
        this.period = period;
        this.ids = ids;
        Calibration calibration = reference.calibration();
        this.names = new NamePicker(reference);
        this.bcps = bcps;
        this.visaRequired = reference.nationalities().stream().filter(Nationality::visaRequired).toList();
        this.visaExempt = reference.nationalities().stream().filter(n -> !n.visaRequired()).toList();
        this.visaRequiredChoice = Weighted.of(visaRequired, Nationality::weight);
        this.visaExemptChoice = Weighted.of(visaExempt, Nationality::weight);
        this.memberStates = reference.bcps().stream().map(b -> b.country()).distinct().toList();
        this.visaRequiredShare = calibration.visaRequiredShare();
        this.minValidityDays = calibration.integer("/documents/min_validity_after_period_days");
        this.maxValidityDays = calibration.integer("/documents/max_validity_after_period_days");
        this.idCardShare = calibration.number("/documents/id_card_share");
        this.frequentShare = calibration.number("/crossings/frequent_traveller_share");
    }

    public Traveller create(int index) {
        RandomStream rng = new RandomStream(SeedMix.derive(populationSeed, index));
        boolean needsVisa = rng.nextDouble() < visaRequiredShare;
        Nationality nationality = needsVisa ? visaRequired.get(visaRequiredChoice.pick(rng))
                : visaExempt.get(visaExemptChoice.pick(rng));
        Sex sex = rng.nextBoolean() ? Sex.F : Sex.M;
        NamePicker.Names picked = names.pick(nationality, sex, rng);
        LocalDate dob = BirthYears.background(rng);
        TravellerIdentity identity = new TravellerIdentity(ids.fileId(index), picked.surname().name(),
                picked.given().name(), dob, nationality.code(), sex);
        TravellerIdentity variant = variantOf(identity, picked, rng);
        LocalDate expiry = period.end().plusDays(rng.nextInt(minValidityDays, maxValidityDays));
        DocumentType type = rng.nextDouble() < idCardShare
                ? DocumentType.ID_CARD : DocumentType.PASSPORT;
        TravelDocument document = new TravelDocument(type, ids.documentNumber(index), nationality.code(), expiry);
        boolean frequent = rng.nextDouble() < frequentShare;
        Visa visa = needsVisa ? visa(index, frequent, rng) : null;
        boolean child = dob.plusYears(ADULT_AGE).isAfter(period.start());
        FingerprintStatus fingerprints = needsVisa ? FingerprintStatus.IN_VIS
                : child ? FingerprintStatus.NOT_APPLICABLE_UNDER_12 : FingerprintStatus.CAPTURED;
        String fingerprintId = fingerprints == FingerprintStatus.CAPTURED ? ids.fingerprintTemplateId(index) : null;
        int home = bcps.bcp(bcps.type(rng), rng);
        return new Traveller(index, identity, variant, document, visa, ids.facialTemplateId(index), fingerprintId,
                fingerprints, frequent, home, rng);
    }

    private Visa visa(int index, boolean frequent, RandomGenerator rng) {
        double r = rng.nextDouble();
        int entries = frequent || r >= SINGLE_ENTRY_SHARE + DOUBLE_ENTRY_SHARE ? MULTIPLE_ENTRIES
                : r < SINGLE_ENTRY_SHARE ? 1 : 2;
        String issuer = memberStates.get(rng.nextInt(memberStates.size()));
        LocalDate from = period.start().minusDays(rng.nextInt(MAX_VISA_ISSUED_BEFORE_DAYS));
        LocalDate until = period.end().plusDays(rng.nextInt(MIN_VISA_VALID_AFTER_DAYS, MAX_VISA_VALID_AFTER_DAYS));
        return new Visa(ids.stickerNumber(issuer, index), "C", entries,
                entries == MULTIPLE_ENTRIES ? FULL_VISA_DAYS : SHORT_VISA_DAYS, from, until);
    }

    private static TravellerIdentity variantOf(TravellerIdentity identity, NamePicker.Names picked, RandomGenerator rng) {
        if (!picked.surname().hasVariants() && !picked.given().hasVariants()) {
            return null;
        }
        boolean surname = picked.surname().hasVariants() && (!picked.given().hasVariants() || rng.nextBoolean());
        List<String> v = surname ? picked.surname().variants() : picked.given().variants();
        String spelling = v.get(rng.nextInt(v.size()));
        return new TravellerIdentity(identity.getFileId(), surname ? spelling : identity.getSurname(),
                surname ? identity.getGivenNames() : spelling, identity.getDateOfBirth(), identity.getNationality(),
                identity.getSex());
    }
}
