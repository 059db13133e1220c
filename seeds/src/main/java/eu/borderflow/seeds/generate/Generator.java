package eu.borderflow.seeds.generate;

import eu.borderflow.config.ConfigLoader;
import eu.borderflow.config.RuleDefinitions;
import eu.borderflow.dataset.DatasetManifest;
import eu.borderflow.person.PersonMatchRule;
import eu.borderflow.privacy.Pseudonymiser;
import eu.borderflow.privacy.PseudonymiserFactory;
import eu.borderflow.schema.AlertChange;
import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.GroundTruthEntry;
import eu.borderflow.schema.Incident;
import eu.borderflow.schema.serde.AvroFiles;
import eu.borderflow.seeds.reference.ReferenceData;
import eu.borderflow.seeds.scenario.PersonAlertIndex;
import eu.borderflow.seeds.scenario.ScenarioCatalog;
import eu.borderflow.seeds.scenario.ScenarioContext;
import eu.borderflow.seeds.world.BackgroundAlerts;
import eu.borderflow.seeds.world.BackgroundIncidents;
import eu.borderflow.seeds.world.BackgroundTraffic;
import eu.borderflow.seeds.world.BcpChooser;
import eu.borderflow.seeds.world.BcpClock;
import eu.borderflow.seeds.world.CrossingFactory;
import eu.borderflow.seeds.world.IdFactory;
import eu.borderflow.seeds.world.Period;
import eu.borderflow.seeds.world.PersonWatch;
import eu.borderflow.seeds.world.PopulationFactory;
import eu.borderflow.seeds.world.TravelTimes;
import eu.borderflow.seeds.world.Traveller;
import eu.borderflow.seeds.world.UploadNoise;
import eu.borderflow.stay.AuthorisedStay;
import eu.borderflow.travel.MinimumTravelTime;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.avro.file.DataFileWriter;

/**
 * {@code generate}: the synthetic world for a seed, written as the dataset files of docs/CONTRACTS.md. The same
 * options give byte-identical files: every random stream is derived from the seed, lists keep a fixed order, no
 * wall clock is read, and container files get a sync marker derived from the seed and the file name. The ground
 * truth comes from the plan and the rules' shared definitions in the domain library, never from running the job.
 */
public final class Generator {

    public static final String CROSSINGS = "crossings.avro";
    public static final String ALERTS = "alerts.avro";
    public static final String INCIDENTS = "incidents.avro";
    public static final String GROUND_TRUTH = "ground-truth.avro";
    public static final String GROUND_TRUTH_CSV = "ground-truth.csv";
    /** Stays and alerts of the world reach this far before the start (stays of up to 90 days in a 180-day window). */
    private static final int HISTORY_DAYS = 400;
    /** Stays may run this far past the period's end (their exits are not in the data, their retention is). */
    private static final int FUTURE_DAYS = 400;

    private static final byte[] NO_BYTES = new byte[0];

    private Generator() {}

    /** What every part of a world is made with: reference data, rule definitions, calendar, clocks, population. */
    private static final class Wiring {
        final ReferenceData reference = ReferenceData.load();
        final ConfigLoader config;
        final Pseudonymiser tokens;
        final AuthorisedStay authorisedStay;
        final PersonMatchRule personRule;
        final Duration grace;
        final Period period;
        final long seed;
        final BcpClock clock;
        final IdFactory ids;
        final BcpChooser chooser = new BcpChooser(reference.bcps(), reference.calibration());
        final TravelTimes travelTimes;
        final CrossingFactory factory;
        final PopulationFactory population;

        /** {@code config}'s pseudonymisation key makes the ground truth's tokens (see {@link #run}). */
        Wiring(GenerateOptions options, ConfigLoader config) {
            this.config = config;
            tokens = PseudonymiserFactory.fromConfig(config);
            authorisedStay = AuthorisedStay.fromConfig(config);
            personRule = RuleDefinitions.personMatch(config);
            grace = Duration.parse(config.tree("rules").at("/rules/R4/grace").asText());
            travelTimes = new TravelTimes(reference.bcps(), MinimumTravelTime.fromConfig(config));
            period = new Period(options.start(), options.days());
            seed = options.seed();
            clock = new BcpClock(reference.bcps(), period.startDay() - HISTORY_DAYS, period.lastDay() + FUTURE_DAYS);
            ids = new IdFactory(seed);
            factory = new CrossingFactory(
                    reference.bcps(), period.startDay() - HISTORY_DAYS, period.lastDay() + FUTURE_DAYS);
            population = new PopulationFactory(seed, period, ids, reference, chooser, authorisedStay);
        }

        /** The background traffic of {@code count} travellers from population index {@code first} on. */
        BackgroundTraffic traffic(PersonWatch watch, long first, int count, Function<Traveller, byte[]> keep) {
            return new BackgroundTraffic(
                    period,
                    reference.bcps(),
                    reference.calibration(),
                    clock,
                    chooser,
                    travelTimes,
                    factory,
                    authorisedStay,
                    watch,
                    population,
                    first,
                    count,
                    keep);
        }
    }

    /** The scenarios planted and the alerts (theirs and the background's), as {@link #run} makes them. */
    record Planned(
            ScenarioContext scenarios,
            ScenarioCatalog.Planted planted,
            List<AlertChange> alerts,
            BackgroundAlerts.Made made) {}

    /** Plants the scenarios and makes the alerts of the world {@code options} describes, writing nothing. */
    static Planned plan(GenerateOptions options) {
        return plan(new Wiring(options, ConfigLoader.defaults()), options);
    }

    private static Planned plan(Wiring w, GenerateOptions options) {
        ScenarioContext scenarios = new ScenarioContext(
                w.seed,
                w.period,
                w.reference,
                w.clock,
                w.chooser,
                w.factory,
                w.ids,
                w.travelTimes,
                w.authorisedStay,
                w.grace,
                w.personRule,
                RuleDefinitions.reviewDates(w.config),
                w.tokens,
                w.population,
                (first, count) -> {
                    int[] n = new int[count];
                    w.traffic(PersonWatch.NONE, first, count, t -> NO_BYTES)
                            .crossingsBefore(Long.MAX_VALUE, c -> n[c.travellerIndex()]++);
                    return n;
                },
                options.travellers());
        ScenarioCatalog.Planted planted =
                ScenarioCatalog.plantAll(scenarios, options.travellers(), w.reference.calibration());
        List<AlertChange> alerts = new ArrayList<>(scenarios.alerts().all());
        BackgroundAlerts.Made made = BackgroundAlerts.generate(
                w.seed, w.period, options.travellers(), w.reference, w.ids, w.population, w.personRule, alerts);
        scenarios.truth().settleAlerts(scenarios.crossings().all(), alerts);
        alerts.sort(Comparator.comparing(AlertChange::getEventTime).thenComparing(AlertChange::getChangeId));
        return new Planned(scenarios, planted, alerts, made);
    }

    /** Writes the dataset into {@code options.out()} (created if missing) and returns the manifest's content. */
    public static Map<String, Long> run(GenerateOptions options, Progress progress) throws IOException {
        return run(options, progress, ConfigLoader.defaults());
    }

    /**
     * The same with {@code config}: its pseudonymisation key (unless {@code BORDERFLOW_TOKEN_KEY} is set) makes the
     * ground truth's tokens, so they match those of a job run with the same configuration.
     */
    public static Map<String, Long> run(GenerateOptions options, Progress progress, ConfigLoader config)
            throws IOException {
        Path out = options.out();
        Files.createDirectories(out);
        // Written last: a generation that stops half way (a full disk) leaves no manifest describing other files.
        Files.deleteIfExists(out.resolve(DatasetManifest.FILE));
        Wiring w = new Wiring(options, config);
        ReferenceData reference = w.reference;
        Period period = w.period;
        long seed = w.seed;
        IdFactory ids = w.ids;

        Manifest manifest = new Manifest(options);
        progress.update("scenarios", 0);
        Planned plan = plan(w, options);
        ScenarioContext scenarios = plan.scenarios();
        List<AlertChange> alerts = plan.alerts();
        write(AlertChange.class, alerts, manifest, out, ALERTS, seed);

        List<Incident> incidents = new ArrayList<>(scenarios.incidents().all());
        BackgroundIncidents.generate(
                seed,
                period,
                reference.sections().values(),
                scenarios.incidents().reservedSections(),
                reference.calibration(),
                scenarios.incidents().factory(),
                incidents);
        incidents.sort(Comparator.comparing(Incident::getReportedTime).thenComparing(Incident::getIncidentId));
        write(Incident.class, incidents, manifest, out, INCIDENTS, seed);

        progress.update("population", 0);
        BackgroundEncoder encoder = new BackgroundEncoder(reference.bcps(), ids);
        BackgroundTraffic background = w.traffic(
                new PersonAlertIndex(
                        alerts, w.personRule, reference, plan.made().nearTargets()),
                0,
                options.travellers(),
                encoder::prepare);
        List<GroundTruthEntry> scriptedTruth = new ArrayList<>(scenarios.truth().entries());
        scriptedTruth.sort(GroundTruthFiles.ORDER);
        BackgroundTruth backgroundTruth = new BackgroundTruth(ids, w.tokens, reference.bcps(), w.factory, w.grace);
        CrossingStream.Counts counts;
        try (EncodedRecordFile writer = EncodedRecordFile.create(
                BorderCrossing.class, manifest.output(out, CROSSINGS), syncSeed(seed, CROSSINGS))) {
            counts = CrossingStream.write(
                    background,
                    scenarios.crossings().all(),
                    scenarios.crossings().resent(),
                    new UploadNoise(seed, "upload-noise", reference.calibration()),
                    new UploadNoise(seed, "scripted-upload-noise", reference.calibration()),
                    backgroundTruth,
                    period,
                    writer,
                    encoder,
                    ids,
                    progress);
        }

        GroundTruthFiles.write(
                backgroundTruth.withScripted(scriptedTruth),
                manifest.output(out, GROUND_TRUTH),
                manifest.output(out, GROUND_TRUTH_CSV),
                syncSeed(seed, GROUND_TRUTH),
                manifest::countTruth);

        Map<String, Long> records = new LinkedHashMap<>();
        records.put(CROSSINGS, counts.records());
        records.put(ALERTS, (long) alerts.size());
        records.put(INCIDENTS, (long) incidents.size());
        records.put(GROUND_TRUTH, manifest.truthEntries());
        manifest.period(
                period.start().toString(),
                LocalDate.ofEpochDay(period.lastDay()).toString(),
                day(counts.firstEventMillis()),
                day(counts.lastEventMillis()));
        manifest.counts(records);
        manifest.root()
                .putObject("crossings")
                .put("background", counts.background())
                .put("scripted", counts.scripted())
                .put("duplicates", counts.duplicates())
                .put("fallback_uploads", counts.fallback());
        manifest.groundTruth(plan.planted().instances(), plan.planted().skipped());
        manifest.checksums(List.of(CROSSINGS, ALERTS, INCIDENTS, GROUND_TRUTH, GROUND_TRUTH_CSV));
        manifest.write(out);
        progress.update("done", 1);
        return records;
    }

    /** The sync-marker seed of one file: the same seed and file name always give the same marker. */
    static String syncSeed(long seed, String file) {
        return "borderflow-seeds/" + seed + "/" + file;
    }

    private static <T extends org.apache.avro.specific.SpecificRecord> void write(
            Class<T> type, List<T> records, Manifest manifest, Path out, String file, long seed) throws IOException {
        try (DataFileWriter<T> w = AvroFiles.create(type, manifest.output(out, file), syncSeed(seed, file))) {
            for (T r : records) {
                w.append(r);
            }
        }
    }

    private static String day(long millis) {
        return millis == Long.MAX_VALUE || millis == Long.MIN_VALUE
                ? null
                : LocalDate.ofEpochDay(Math.floorDiv(millis, Period.DAY_MILLIS)).toString();
    }
}
