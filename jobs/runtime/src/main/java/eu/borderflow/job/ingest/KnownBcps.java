package eu.borderflow.job.ingest;

import eu.borderflow.reference.BcpTable;
import java.io.Serializable;
import java.util.HashSet;
import java.util.Set;

/** The border crossing points the job accepts: the codes of the BCP reference table the job jar carries. */
public final class KnownBcps implements Serializable {

    private static final long serialVersionUID = 1L;

    private final HashSet<String> codes;

    private KnownBcps(Set<String> codes) {
        this.codes = new HashSet<>(codes);
    }

    public static KnownBcps of(Set<String> codes) {
        return new KnownBcps(codes);
    }

    public static KnownBcps fromClasspath() {
        return new KnownBcps(BcpTable.load().codes());
    }

    public boolean contains(String code) {
        return codes.contains(code);
    }

    public int size() {
        return codes.size();
    }
}
