package eu.borderflow.risk.traveller;

import eu.borderflow.reference.BcpRecord;
import eu.borderflow.reference.BcpTable;
import java.util.HashMap;
import java.util.Map;

/**
 * BCP locations from a BCP reference table on the classpath ({@link BcpTable}), loaded once per operator instance on
 * first use, so only the resource name travels with the job.
 */
public final class ClasspathBcpLocations implements BcpLocations {

    private static final long serialVersionUID = 1L;

    private final String resource;
    private transient Map<String, BcpLocation> byCode;

    public ClasspathBcpLocations(String resource) {
        this.resource = resource;
    }

    /** The shipped reference table, {@link BcpTable#RESOURCE}. */
    public static ClasspathBcpLocations reference() {
        return new ClasspathBcpLocations(BcpTable.RESOURCE);
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
        for (BcpRecord row : BcpTable.load(resource).rows()) {
            locations.put(
                    row.code(), new BcpLocation(row.code(), row.type(), row.latitude(), row.longitude(), row.zone()));
        }
        return Map.copyOf(locations);
    }
}
