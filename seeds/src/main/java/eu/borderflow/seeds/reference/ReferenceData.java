package eu.borderflow.seeds.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import eu.borderflow.reference.BcpRecord;
import eu.borderflow.reference.BcpTable;
import eu.borderflow.schema.BorderType;
import eu.borderflow.schema.SectionImpactLevel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The versioned reference data under {@code reference/}: BCPs, border sections, nationalities, name lists and the
 * calibration. Lists keep the file order, so everything drawn from them is deterministic.
 */
public final class ReferenceData {

    /** Jackson mappers are costly to build and safe to share once configured; the generator reads many files. */
    private static final ObjectReader CSV_ROWS = new CsvMapper()
            .readerForMapOf(String.class)
            .with(CsvSchema.emptySchema().withHeader());

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static final String ROOT = "/reference/";
    private static final List<String> LANGUAGES =
            List.of("en", "es", "el", "ru", "uk", "sr", "tr", "zh", "hi", "ar", "pt", "ro");

    private final List<Bcp> bcps;
    private final Map<String, Bcp> bcpByCode;
    private final Map<String, BorderSection> sections;
    private final List<Nationality> nationalities;
    private final Map<String, NameBook> nameBooks;
    private final Calibration calibration;

    private ReferenceData(
            List<Bcp> bcps,
            Map<String, BorderSection> sections,
            List<Nationality> nationalities,
            Map<String, NameBook> nameBooks,
            Calibration calibration) {
        this.bcps = List.copyOf(bcps);
        this.bcpByCode = new LinkedHashMap<>();
        bcps.forEach(b -> bcpByCode.put(b.code(), b));
        this.sections = Collections.unmodifiableMap(sections);
        this.nationalities = List.copyOf(nationalities);
        this.nameBooks = Collections.unmodifiableMap(nameBooks);
        this.calibration = calibration;
    }

    /** Loads the reference data shipped in the jar. */
    public static ReferenceData load() {
        List<Bcp> bcps = new ArrayList<>();
        for (BcpRecord row : BcpTable.load().rows()) {
            bcps.add(new Bcp(
                    bcps.size(),
                    row.code(),
                    row.name(),
                    row.country(),
                    row.type(),
                    new GeoPoint(row.latitude(), row.longitude()),
                    row.zone(),
                    row.sectionId(),
                    row.weight()));
        }
        Map<String, BorderSection> sections = new LinkedHashMap<>();
        for (JsonNode s : yaml("sections.yaml").path("sections")) {
            List<GeoPoint> points = new ArrayList<>();
            for (JsonNode p : s.path("geometry")) {
                points.add(new GeoPoint(p.get(0).asDouble(), p.get(1).asDouble()));
            }
            sections.put(
                    s.path("id").asText(),
                    new BorderSection(
                            s.path("id").asText(),
                            s.path("name").asText(),
                            BorderType.valueOf(s.path("type").asText()),
                            SectionImpactLevel.valueOf(s.path("impact_level").asText()),
                            List.copyOf(points)));
        }
        List<Nationality> nationalities = new ArrayList<>();
        for (Map<String, String> row : csv("nationalities.csv")) {
            List<String> languages = new ArrayList<>();
            List<Double> weights = new ArrayList<>();
            for (String part : row.get("languages").split("\\|")) {
                String[] lw = part.split(":");
                languages.add(lw[0]);
                weights.add(Double.parseDouble(lw[1]));
            }
            nationalities.add(new Nationality(
                    row.get("code"),
                    Double.parseDouble(row.get("weight")),
                    Boolean.parseBoolean(row.get("visa_required")),
                    List.copyOf(languages),
                    List.copyOf(weights)));
        }
        Map<String, NameBook> books = new LinkedHashMap<>();
        int[] spellings = new int[2];
        for (String language : LANGUAGES) {
            books.put(language, loadNameBook(language, spellings));
        }
        return new ReferenceData(bcps, sections, nationalities, books, new Calibration(yaml("calibration.yaml")));
    }

    public List<Bcp> bcps() {
        return bcps;
    }

    public Bcp bcp(String code) {
        Bcp bcp = bcpByCode.get(code);
        if (bcp == null) {
            throw new IllegalArgumentException("no BCP " + code + " in the reference data");
        }
        return bcp;
    }

    public Map<String, BorderSection> sections() {
        return sections;
    }

    public BorderSection section(String id) {
        return sections.get(id);
    }

    public List<Nationality> nationalities() {
        return nationalities;
    }

    public Map<String, NameBook> nameBooks() {
        return nameBooks;
    }

    /** How many spellings the surnames (0) and the given names (1) of all name lists have. */
    public int[] spellingCounts() {
        int[] counts = new int[2];
        for (NameBook book : nameBooks.values()) {
            for (NameEntry e : book.surnames()) {
                counts[0] = Math.max(counts[0], e.firstSpelling() + e.spellings());
            }
            for (List<NameEntry> given : List.of(book.male(), book.female())) {
                for (NameEntry e : given) {
                    counts[1] = Math.max(counts[1], e.firstSpelling() + e.spellings());
                }
            }
        }
        return counts;
    }

    public NameBook nameBook(String language) {
        NameBook book = nameBooks.get(language);
        if (book == null) {
            throw new IllegalArgumentException("no name list for language " + language);
        }
        return book;
    }

    public Calibration calibration() {
        return calibration;
    }

    /** {@code spellings}: the surnames' and the given names' spellings numbered so far (updated). */
    private static NameBook loadNameBook(String language, int[] spellings) {
        List<NameEntry> surnames = new ArrayList<>();
        List<NameEntry> male = new ArrayList<>();
        List<NameEntry> female = new ArrayList<>();
        for (Map<String, String> row : csv("names/" + language + ".csv")) {
            String name = row.get("name");
            String variants = row.getOrDefault("variants", "");
            List<String> others = variants == null || variants.isBlank()
                    ? List.of()
                    : Arrays.stream(variants.split("\\|"))
                            .map(String::trim)
                            .filter(v -> !v.isEmpty() && !v.equals(name))
                            .toList();
            int kind = row.get("kind").equals("surname") ? 0 : 1;
            NameEntry entry = new NameEntry(name, others, spellings[kind]);
            spellings[kind] += entry.spellings();
            switch (row.get("kind")) {
                case "surname" -> surnames.add(entry);
                case "male" -> male.add(entry);
                case "female" -> female.add(entry);
                default ->
                    throw new IllegalStateException("names/" + language + ".csv: unknown kind " + row.get("kind"));
            }
        }
        return new NameBook(language, List.copyOf(surnames), List.copyOf(male), List.copyOf(female));
    }

    private static List<Map<String, String>> csv(String file) {
        try (InputStream in = open(file);
                MappingIterator<Map<String, String>> rows = CSV_ROWS.readValues(in)) {
            return rows.readAll();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read reference/" + file, e);
        }
    }

    private static JsonNode yaml(String file) {
        try (InputStream in = open(file)) {
            return YAML.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read reference/" + file, e);
        }
    }

    private static InputStream open(String file) throws IOException {
        InputStream in = ReferenceData.class.getResourceAsStream(ROOT + file);
        if (in == null) {
            throw new IOException("reference/" + file + " is not on the classpath");
        }
        return in;
    }
}
