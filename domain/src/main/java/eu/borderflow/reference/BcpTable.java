package eu.borderflow.reference;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import eu.borderflow.schema.BorderType;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The BCP reference table ({@code seeds/reference/bcps.csv}, shipped in domain as {@link #RESOURCE}), read once
 * by everything that needs it: the generator, the job's validation and its travel rules. Rows keep the file order,
 * so what is drawn from them is deterministic.
 */
public final class BcpTable implements Serializable {

    public static final String RESOURCE = "/reference/bcps.csv";
    private static final long serialVersionUID = 1L;
    private static final List<String> COLUMNS =
            List.of("code", "name", "country", "type", "latitude", "longitude", "time_zone", "section_id", "weight");

    /** Building a Jackson mapper costs more than reading the table; a configured reader is safe to share. */
    private static final ObjectReader CSV_ROWS = new CsvMapper()
            .readerForMapOf(String.class)
            .with(CsvSchema.emptySchema().withHeader());

    private final List<BcpRecord> rows;
    private final Map<String, BcpRecord> byCode;

    private BcpTable(List<BcpRecord> rows) {
        this.rows = List.copyOf(rows);
        Map<String, BcpRecord> codes = new LinkedHashMap<>();
        rows.forEach(r -> codes.put(r.code(), r));
        this.byCode = codes;
    }

    /** The shipped table. */
    public static BcpTable load() {
        return load(RESOURCE);
    }

    /**
     * A table with the shipped columns from a classpath resource.
     *
     * @throws IllegalStateException when the resource is missing or a row is malformed, naming the row
     */
    public static BcpTable load(String resource) {
        try (InputStream in = BcpTable.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("BCP reference table " + resource + " is not on the classpath");
            }
            return read(in, resource);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read BCP reference table " + resource, e);
        }
    }

    static BcpTable read(InputStream in, String name) throws IOException {
        List<BcpRecord> rows = new ArrayList<>();
        try (MappingIterator<Map<String, String>> it = CSV_ROWS.readValues(in)) {
            while (it.hasNext()) {
                rows.add(row(it.next(), name, rows.size() + 2));
            }
        }
        return new BcpTable(rows);
    }

    private static BcpRecord row(Map<String, String> row, String name, int line) {
        for (String column : COLUMNS) {
            if (row.get(column) == null || row.get(column).isBlank()) {
                throw new IllegalStateException(name + " line " + line + ": no " + column);
            }
        }
        try {
            return new BcpRecord(
                    row.get("code"),
                    row.get("name"),
                    row.get("country"),
                    BorderType.valueOf(row.get("type")),
                    Double.parseDouble(row.get("latitude")),
                    Double.parseDouble(row.get("longitude")),
                    ZoneId.of(row.get("time_zone")),
                    row.get("section_id"),
                    Double.parseDouble(row.get("weight")));
        } catch (IllegalArgumentException | DateTimeException e) {
            throw new IllegalStateException(name + " line " + line + ": " + e.getMessage(), e);
        }
    }

    public List<BcpRecord> rows() {
        return rows;
    }

    /** The row of this code, or {@code null}. */
    public BcpRecord find(String code) {
        return byCode.get(code);
    }

    public Set<String> codes() {
        return byCode.keySet();
    }
}
