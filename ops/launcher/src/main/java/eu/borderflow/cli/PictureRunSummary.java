package eu.borderflow.cli;

import eu.borderflow.job.environment.DatasetFiles;
import eu.borderflow.schema.DeadLetter;
import eu.borderflow.schema.FlagStatus;
import eu.borderflow.schema.Freshness;
import eu.borderflow.schema.PictureUpdate;
import eu.borderflow.schema.PictureView;
import eu.borderflow.schema.RiskFlag;
import eu.borderflow.schema.serde.AvroFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.avro.file.DataFileStream;
import org.apache.avro.specific.SpecificRecord;

/** What a bounded picture run wrote: windows per view, sections, freshness, suggestions, R11 flags, dead letters. */
final class PictureRunSummary {

    private final Map<PictureView, Integer> windows = new TreeMap<>();
    private final Set<String> sections = new HashSet<>();
    private int unknownHours;
    private int suggestedDays;
    private long overdueReports;
    private Instant first;
    private Instant last;
    private final Map<String, RiskFlag> flags = new HashMap<>();
    private final Map<String, Integer> deadLetters = new TreeMap<>();
    private final DamagedInputs damagedInputs = new DamagedInputs();

    static PictureRunSummary of(Path out) throws IOException {
        PictureRunSummary s = new PictureRunSummary();
        read(PictureUpdate.class, out.resolve(DatasetFiles.PICTURE), s::add);
        read(
                RiskFlag.class,
                out.resolve(DatasetFiles.FLAGS),
                f -> s.flags.merge(f.getFlagId(), f, (a, b) -> b.getRevision() > a.getRevision() ? b : a));
        read(DeadLetter.class, out.resolve(DatasetFiles.DEAD_LETTERS), d -> {
            s.deadLetters.merge(d.getReasonCode(), 1, Integer::sum);
            s.damagedInputs.see(d);
        });
        return s;
    }

    private void add(PictureUpdate p) {
        windows.merge(p.getView(), 1, Integer::sum);
        sections.add(p.getSectionId());
        if (p.getView() == PictureView.HOUR) {
            unknownHours += p.getFreshness() == Freshness.UNKNOWN ? 1 : 0;
            overdueReports += p.getOverdueReports();
            first = first == null || p.getWindowStart().isBefore(first) ? p.getWindowStart() : first;
            last = last == null || p.getWindowEnd().isAfter(last) ? p.getWindowEnd() : last;
        } else if (p.getReviewSuggested()) {
            suggestedDays++;
        }
    }

    void print(PrintWriter console, Path out) {
        int hours = windows.getOrDefault(PictureView.HOUR, 0);
        console.println("picture: "
                + windows.values().stream().mapToInt(Integer::intValue).sum() + " windows " + windows + " of "
                + sections.size() + " sections" + (first == null ? "" : ", " + first + " to " + last));
        console.println("freshness: " + unknownHours + " of " + hours + " hours UNKNOWN (no record for longer than "
                + "picture.yaml freshness.unknown_after)");
        console.println("overdue reports received: " + overdueReports);
        long withdrawn = flags.values().stream()
                .filter(f -> f.getStatus() == FlagStatus.WITHDRAWN)
                .count();
        console.println("R11: " + (flags.size() - withdrawn) + " flags suggesting a review (" + withdrawn
                + " withdrawn); review suggested in " + suggestedDays + " 24-hour windows");
        int letters = deadLetters.values().stream().mapToInt(Integer::intValue).sum();
        console.println("dead letters: " + letters + (letters == 0 ? "" : " " + deadLetters));
        damagedInputs.print(console);
        console.println("written: " + out.resolve(DatasetFiles.PICTURE) + ", " + out.resolve(DatasetFiles.FLAGS) + ", "
                + out.resolve(DatasetFiles.DEAD_LETTERS));
        console.flush();
    }

    private static <T extends SpecificRecord> void read(Class<T> type, Path file, Consumer<T> each) throws IOException {
        try (DataFileStream<T> in = AvroFiles.open(type, file)) {
            in.forEach(each);
        }
    }
}
