package eu.borderflow.seeds.testkit;

import eu.borderflow.config.ConfigLoader;
import eu.borderflow.privacy.Pseudonymiser;
import eu.borderflow.privacy.PseudonymiserFactory;
import eu.borderflow.schema.AlertChange;
import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.GroundTruthEntry;
import eu.borderflow.schema.Incident;
import eu.borderflow.schema.serde.AvroFiles;
import eu.borderflow.seeds.generate.GenerateOptions;
import eu.borderflow.seeds.generate.Generator;
import eu.borderflow.seeds.generate.Progress;
import eu.borderflow.seeds.world.IdFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.file.DataFileStream;
import org.apache.avro.specific.SpecificRecord;

/** A generated dataset read back from its files; generated once per JVM and argument set. */
public final class Dataset {

    private static final Map<String, Dataset> CACHE = new HashMap<>();

    public final Path dir;
    public final List<BorderCrossing> crossings;
    public final List<AlertChange> alerts;
    public final List<Incident> incidents;
    public final List<GroundTruthEntry> truth;
    public final Pseudonymiser tokens = PseudonymiserFactory.fromConfig(ConfigLoader.defaults());
    /** File ids of planted travellers: those outside the background population's indexes. */
    public final Set<String> plantedFileIds = new HashSet<>();

    private Dataset(Path dir, long seed, int travellers) {
        this.dir = dir;
        this.crossings = read(BorderCrossing.class, dir.resolve(Generator.CROSSINGS));
        this.alerts = read(AlertChange.class, dir.resolve(Generator.ALERTS));
        this.incidents = read(Incident.class, dir.resolve(Generator.INCIDENTS));
        this.truth = read(GroundTruthEntry.class, dir.resolve(Generator.GROUND_TRUTH));
        Set<String> background = new HashSet<>();
        IdFactory ids = new IdFactory(seed);
        for (int i = 0; i < travellers; i++) {
            background.add(ids.fileId(i));
        }
        for (BorderCrossing c : crossings) {
            String id = c.getTraveller().getFileId();
            if (!background.contains(id)) {
                plantedFileIds.add(id);
            }
        }
    }

    /** The demo's default world (ops/demo.sh): seed 7, 5,000 travellers, 45 days. */
    public static Dataset demo() {
        return generate(7, 5000, 45);
    }

    public static synchronized Dataset generate(long seed, int travellers, int days) {
        String key = seed + "/" + travellers + "/" + days;
        return CACHE.computeIfAbsent(key, k -> {
            try {
                Path dir = Files.createTempDirectory("seeds-" + seed + "-" + travellers + "-" + days + "-");
                Generator.run(
                        new GenerateOptions(
                                seed, travellers, days, LocalDate.parse(GenerateOptions.DEFAULT_START), dir),
                        Progress.NONE);
                return new Dataset(dir, seed, travellers);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Background crossings with re-sent duplicates removed (first arrival kept). */
    public List<BorderCrossing> backgroundUnique() {
        Set<String> seen = new HashSet<>();
        List<BorderCrossing> out = new ArrayList<>();
        for (BorderCrossing c : crossings) {
            if (!plantedFileIds.contains(c.getTraveller().getFileId()) && seen.add(c.getEventId())) {
                out.add(c);
            }
        }
        return out;
    }

    public static <T extends SpecificRecord> List<T> read(Class<T> type, Path file) {
        List<T> out = new ArrayList<>();
        try (DataFileStream<T> in = AvroFiles.open(type, file)) {
            while (in.hasNext()) {
                out.add(in.next());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
