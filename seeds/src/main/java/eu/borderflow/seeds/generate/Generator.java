package eu.borderflow.seeds.generate;

import eu.borderflow.config.ConfigLoader;
import eu.borderflow.privacy.Pseudonymiser;
import eu.borderflow.privacy.PseudonymiserFactory;
import eu.borderflow.schema.AlertChange;
import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.GroundTruthEntry;
import eu.borderflow.schema.Incident;
import eu.borderflow.schema.serde.AvroFiles;
import eu.borderflow.seeds.reference.ReferenceData;
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
import eu.borderflow.seeds.world.PopulationFactory;
import eu.borderflow.seeds.world.TravelTimes;
import eu.borderflow.seeds.world.UploadNoise;
import org.apache.avro.file.DataFileWriter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code generate}: the synthetic world for a seed, written as the dataset files of docs/CONTRACTS.md. The same
 * options give byte-identical files: every random stream is derived from the seed, lists keep a fixed order, no
 * wall clock is read, and container files get a sync marker derived from the seed and the file name.
 */
public final class Generator {

    public static final String CROSSINGS = "crossings.avro";
    public static final String ALERTS = "alerts.avro";
    public static final String INCIDENTS = "incidents.avro";
    public static final String GROUND_TRUTH = "ground-truth.avro";
    public static final String GROUND_TRUTH_CSV = "ground-truth.csv";
    /** Scenario history (90-day stays, alerts created before their R10 notice) reaches this far before the start. */
    private static final int HISTORY_DAYS = 400;
    private static final int FUTURE_DAYS = 10;

    private Generator() {
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
        ReferenceData reference = ReferenceData.load();
        Pseudonymiser tokens = PseudonymiserFactory.fromConfig(config);
        Period period = new Period(options.start(), options.days());
        long seed = options.seed();
        BcpClock clock = new BcpClock(reference.bcps(), period.startDay() - HISTORY_DAYS, period.lastDay() + FUTURE_DAYS);
        IdFactory ids = new IdFactory(seed);
        BcpChooser chooser = new BcpChooser(reference.bcps(), reference.calibration());
        TravelTimes travelTimes = new TravelTimes(reference.bcps(), config);
        CrossingFactory factory = new CrossingFactory(reference.bcps(), period.startDay() - HISTORY_DAYS,
                period.lastDay() + FUTURE_DAYS);

        progress.update("scenarios", 0);
        ScenarioContext scenarios = new ScenarioContext(seed, period, reference, clock, factory, ids, travelTimes,
                tokens, options.travellers());
        ScenarioCatalog.Planted planted = ScenarioCatalog.plantAll(scenarios, options.travellers(), reference.calibration());

        List<AlertChange> alerts = new ArrayList<>(scenarios.alerts());
        BackgroundAlerts.generate(seed, period, options.travellers(), reference, ids, alerts);
        alerts.sort(Comparator.comparing(AlertChange::getEventTime).thenComparing(AlertChange::getChangeId));
        write(AlertChange.class, alerts, out, ALERTS, seed);

        List<Incident> incidents = new ArrayList<>(scenarios.incidents());
        BackgroundIncidents.generate(seed, period, reference.sections().values(), scenarios.reservedSections(),
                reference.calibration(), scenarios.incidentFactory(), incidents);
        incidents.sort(Comparator.comparing(Incident::getReportedTime).thenComparing(Incident::getIncidentId));
        write(Incident.class, incidents, out, INCIDENTS, seed);

        progress.update("population", 0);
        PopulationFactory population = new PopulationFactory(seed, period, ids, reference, chooser);
        BackgroundEncoder encoder = new BackgroundEncoder(reference.bcps(), ids);
        BackgroundTraffic background = new BackgroundTraffic(period, reference.bcps(), reference.calibration(), clock,
                chooser, travelTimes, factory, population, options.travellers(), encoder::prepare);
        CrossingStream.Counts counts;
        try (DataFileWriter<BorderCrossing> writer = AvroFiles.create(BorderCrossing.class, out.resolve(CROSSINGS),
                syncSeed(seed, CROSSINGS))) {
            counts = CrossingStream.write(background, scenarios.crossings(),
                    new UploadNoise(seed, reference.calibration()), period, writer, encoder, ids, progress);
        }

        List<GroundTruthEntry> truth = new ArrayList<>(scenarios.truth());
        truth.sort(GroundTruthFiles.ORDER);
        GroundTruthFiles.write(truth, out.resolve(GROUND_TRUTH), out.resolve(GROUND_TRUTH_CSV),
                syncSeed(seed, GROUND_TRUTH));

        Map<String, Long> records = new LinkedHashMap<>();
        records.put(CROSSINGS, counts.records());
        records.put(ALERTS, (long) alerts.size());
        records.put(INCIDENTS, (long) incidents.size());
        records.put(GROUND_TRUTH, (long) truth.size());
        Manifest manifest = new Manifest(options);
        manifest.period(period.start().toString(), LocalDate.ofEpochDay(period.lastDay()).toString(),
                day(counts.firstEventMillis()), day(counts.lastEventMillis()));
        manifest.counts(records);
        manifest.root().putObject("crossings")
                .put("background", counts.background())
                .put("scripted", counts.scripted())
                .put("duplicates", counts.duplicates())
                .put("fallback_uploads", counts.fallback());
        manifest.groundTruth(truth, planted.instances(), planted.skipped());
        manifest.checksums(out, List.of(CROSSINGS, ALERTS, INCIDENTS, GROUND_TRUTH, GROUND_TRUTH_CSV));
        manifest.write(out);
        progress.update("done", 1);
        return records;
    }

    /** The sync-marker seed of one file: the same seed and file name always give the same marker. */
    static String syncSeed(long seed, String file) {
        return "borderflow-seeds/" + seed + "/" + file;
    }

    private static <T extends org.apache.avro.specific.SpecificRecord> void write(Class<T> type, List<T> records,
                                                                                  Path out, String file, long seed)
            throws IOException {
        try (DataFileWriter<T> w = AvroFiles.create(type, out.resolve(file), syncSeed(seed, file))) {
            for (T r : records) {
                w.append(r);
            }
        }
    }

    private static String day(long millis) {
        return millis == Long.MAX_VALUE || millis == Long.MIN_VALUE ? null
                : LocalDate.ofEpochDay(Math.floorDiv(millis, Period.DAY_MILLIS)).toString();
    }
}
