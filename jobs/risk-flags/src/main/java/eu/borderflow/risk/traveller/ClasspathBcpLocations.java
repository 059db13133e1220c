package eu.borderflow.risk.traveller;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import eu.borderflow.schema.BorderType;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

/**
 * BCP reference data read from a CSV resource on the classpath, by header name
 * ({@code code,name,country,type,latitude,longitude,zone,section,weight}; {@code time_zone} is accepted for
 * {@code zone}). Loaded once per operator instance, on first use, so only the resource name travels with the job.
 */
public final class ClasspathBcpLocations implements BcpLocations {

    private static final long serialVersionUID = 1L;

    /** The reference data the generator ships. */
    public static final String REFERENCE = "/reference/bcps.csv";

    private final String resource;
    private transient Map<String, BcpLocation> byCode;

    public ClasspathBcpLocations(String resource) {
        this.resource = resource;
    }

    public static ClasspathBcpLocations reference() {
        return new ClasspathBcpLocations(REFERENCE);
    }

    @Override
    public BcpLocation find(String code) {
        if (byCode == null) {
            byCode = load(resource);
        }
        return byCode.get(code);
    }

    private static Map<String, BcpLocation> load(String resource) {
        Map<String, BcpLocation> locations = new HashMap<>();
        try (InputStream in = ClasspathBcpLocations.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("BCP reference data " + resource + " is not on the classpath");
            }
            MappingIterator<Map<String, String>> rows = new CsvMapper()
                    .readerForMapOf(String.class)
                    .with(CsvSchema.emptySchema().withHeader())
                    .readValues(in);
            while (rows.hasNext()) {
                Map<String, String> row = rows.next();
                String zone = row.containsKey("zone") ? row.get("zone") : row.get("time_zone");
                BcpLocation bcp = new BcpLocation(row.get("code"), BorderType.valueOf(row.get("type")),
                        Double.parseDouble(row.get("latitude")), Double.parseDouble(row.get("longitude")),
                        ZoneId.of(zone));
                locations.put(bcp.code(), bcp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read BCP reference data " + resource, e);
        }
        return Map.copyOf(locations);
    }
}
