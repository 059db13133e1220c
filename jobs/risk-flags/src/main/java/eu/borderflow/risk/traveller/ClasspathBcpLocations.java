package eu.borderflow.risk.traveller;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import eu.borderflow.schema.BorderType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 * Without the resource every BCP is unknown: the rules degrade (see the warning) rather than stop the job.
 */
public final class ClasspathBcpLocations implements BcpLocations {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ClasspathBcpLocations.class);

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
                LOG.warn("BCP reference data {} is not on the classpath: R4 deadlines fall back to the zone bound of "
                        + "the entry's local date, and R7 checks only the minimum transfer time", resource);
                return Map.of();
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
