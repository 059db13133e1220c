package eu.borderflow.cli;

import eu.borderflow.job.config.IngestSettings;
import eu.borderflow.seeds.generate.GenerateOptions;
import eu.borderflow.seeds.generate.Generator;
import eu.borderflow.seeds.world.BackgroundTraffic;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code borderflow generate}: the synthetic world for a seed, with its ground truth. */
@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        description = {
            "Generates a reproducible synthetic dataset and the ground truth of its planted scenarios.",
            "Files: EES crossings, SIS alert changes, Eurosur incidents, and the ground truth (one planted scenario per",
            "rule R1-R11; R11 needs --days >= 35). The same arguments always give byte-identical files."
        })
public final class GenerateCommand implements Callable<Integer> {

    private static final int BAR_WIDTH = 40;
    private static final int PERCENT = 100;

    @Spec
    private CommandSpec spec;

    @Option(
            names = "--seed",
            defaultValue = "" + GenerateOptions.DEFAULT_SEED,
            description = "Random seed (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(
            names = "--travellers",
            defaultValue = "" + GenerateOptions.DEFAULT_TRAVELLERS,
            description = "Background travellers (default: ${DEFAULT-VALUE}).")
    private int travellers;

    @Option(
            names = "--days",
            defaultValue = "" + GenerateOptions.DEFAULT_DAYS,
            description = "Days of traffic (default: ${DEFAULT-VALUE}).")
    private int days;

    @Option(
            names = "--start",
            defaultValue = GenerateOptions.DEFAULT_START,
            converter = IsoDateConverter.class,
            description = "First day, YYYY-MM-DD, within the jobs' ingest window (rules.yaml ingest; default:"
                    + " ${DEFAULT-VALUE}).")
    private LocalDate start;

    @Mixin
    private ConfigDir configDir;

    @Option(names = "--out", required = true, description = "Output directory (created if missing).")
    private Path out;

    @Option(names = "--quiet", description = "No progress bar.")
    private boolean quiet;

    @Override
    public Integer call() throws IOException {
        GenerateOptions options = new GenerateOptions(seed, checkTravellers(), checkDays(), checkStart(), checkOut());
        PrintWriter err = spec.commandLine().getErr();
        Map<String, Long> records = Generator.run(options, quiet ? (p, f) -> {} : new Bar(err));
        if (!quiet) {
            err.println();
        }
        PrintWriter o = spec.commandLine().getOut();
        records.forEach((file, n) -> o.println(file + ": " + n + " records"));
        o.println("dataset written to " + out.toAbsolutePath());
        o.flush();
        return ExitCodes.OK;
    }

    private int checkTravellers() {
        if (travellers < 1 || travellers > BackgroundTraffic.MAX_TRAVELLERS) {
            throw new UserError("--travellers must be between 1 and " + BackgroundTraffic.MAX_TRAVELLERS);
        }
        return travellers;
    }

    private int checkDays() {
        if (days < 1 || days > GenerateOptions.MAX_DAYS) {
            throw new UserError("--days must be between 1 and " + GenerateOptions.MAX_DAYS);
        }
        return days;
    }

    /** A world the jobs would refuse record by record (VALIDATION_INGEST_TIME) is refused here, before it is made. */
    private LocalDate checkStart() {
        IngestSettings ingest = configDir.loader().bind("rules", "/ingest", IngestSettings.class);
        Instant first = start.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant last =
                start.plusDays(days).atStartOfDay(ZoneOffset.UTC).toInstant().plus(ingest.getMaxUploadDelay());
        if (first.isBefore(ingest.getEarliestIngestTime()) || last.isAfter(ingest.getLatestIngestTime())) {
            throw new UserError("--start " + start + " with --days " + days + " makes a world outside the jobs' ingest"
                    + " window (rules.yaml ingest: " + ingest.getEarliestIngestTime() + " to "
                    + ingest.getLatestIngestTime() + ", less max_upload_delay " + ingest.getMaxUploadDelay()
                    + " at the end); they would refuse every record");
        }
        return start;
    }

    private Path checkOut() {
        return OutputFolder.prepare("--out", out);
    }

    /** A one-line progress bar on stderr, redrawn only when the percentage changes. */
    private static final class Bar implements eu.borderflow.seeds.generate.Progress {
        private final PrintWriter err;
        private String lastPhase = "";
        private int lastPercent = -1;

        Bar(PrintWriter err) {
            this.err = err;
        }

        @Override
        public void update(String phase, double fraction) {
            int percent = (int) Math.round(fraction * PERCENT);
            if (percent == lastPercent && phase.equals(lastPhase)) {
                return;
            }
            lastPercent = percent;
            lastPhase = phase;
            int filled = percent * BAR_WIDTH / PERCENT;
            err.print("\r" + String.format("%-11s", phase) + " [" + "#".repeat(filled) + " ".repeat(BAR_WIDTH - filled)
                    + "] " + percent + "%");
            err.flush();
        }
    }
}
