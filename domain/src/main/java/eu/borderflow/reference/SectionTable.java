package eu.borderflow.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import eu.borderflow.schema.BorderType;
import eu.borderflow.schema.SectionImpactLevel;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The border-section reference table ({@code seeds/reference/sections.yaml}, shipped in domain as {@link #RESOURCE}):
 * what the situational picture is keyed by and the dashboard draws. Rows keep the file order.
 */
public final class SectionTable implements Serializable {

    public static final String RESOURCE = "/reference/sections.yaml";
    private static final long serialVersionUID = 1L;
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final List<SectionRecord> rows;
    private final Map<String, SectionRecord> byId;

    private SectionTable(List<SectionRecord> rows) {
        this.rows = List.copyOf(rows);
        Map<String, SectionRecord> ids = new LinkedHashMap<>();
        rows.forEach(r -> ids.put(r.id(), r));
        this.byId = ids;
    }

    /** The shipped table. */
    public static SectionTable load() {
        return load(RESOURCE);
    }

    /**
     * A table from a classpath resource laid out like the shipped one.
     *
     * @throws IllegalStateException when the resource is missing or a section is malformed, naming the section
     */
    public static SectionTable load(String resource) {
        try (InputStream in = SectionTable.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("section reference table " + resource + " is not on the classpath");
            }
            return read(YAML.readTree(in), resource);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read section reference table " + resource, e);
        }
    }

    static SectionTable read(JsonNode root, String name) {
        List<SectionRecord> rows = new ArrayList<>();
        Map<String, Boolean> seen = new LinkedHashMap<>();
        for (JsonNode s : root.path("sections")) {
            SectionRecord row = row(s, name, rows.size() + 1);
            if (seen.put(row.id(), Boolean.TRUE) != null) {
                throw new IllegalStateException(name + ": section " + row.id() + " appears twice");
            }
            rows.add(row);
        }
        return new SectionTable(rows);
    }

    private static SectionRecord row(JsonNode s, String name, int index) {
        String id = s.path("id").asText("");
        String where = name + " section " + (id.isEmpty() ? "#" + index : id);
        for (String field : List.of("id", "name", "type", "impact_level")) {
            if (s.path(field).asText("").isBlank()) {
                throw new IllegalStateException(where + ": no " + field);
            }
        }
        List<SectionRecord.LatLon> points = new ArrayList<>();
        for (JsonNode p : s.path("geometry")) {
            if (!p.isArray()
                    || p.size() != 2
                    || !p.get(0).isNumber()
                    || !p.get(1).isNumber()) {
                throw new IllegalStateException(where + ": a geometry point must be [latitude, longitude]");
            }
            double lat = p.get(0).asDouble();
            double lon = p.get(1).asDouble();
            if (Math.abs(lat) > 90 || Math.abs(lon) > 180) {
                throw new IllegalStateException(where + ": point [" + lat + ", " + lon + "] is off the globe");
            }
            points.add(new SectionRecord.LatLon(lat, lon));
        }
        if (points.size() < 2) {
            throw new IllegalStateException(where + ": geometry needs at least two points");
        }
        try {
            return new SectionRecord(
                    id,
                    s.path("name").asText(),
                    BorderType.valueOf(s.path("type").asText()),
                    SectionImpactLevel.valueOf(s.path("impact_level").asText()),
                    List.copyOf(points));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(where + ": " + e.getMessage(), e);
        }
    }

    public List<SectionRecord> rows() {
        return rows;
    }

    /** The section of this id, or {@code null}. */
    public SectionRecord find(String id) {
        return byId.get(id);
    }
}
