package eu.borderflow.risk.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * The border crossing points the job accepts, from the reference table {@code /reference/bcps.csv} on the classpath
 * (header {@code code,name,...}; only the code column is read). The job jar must carry that file.
 */
public final class KnownBcps implements Serializable {

    public static final String RESOURCE = "/reference/bcps.csv";
    private static final long serialVersionUID = 1L;
    private static final String CODE_COLUMN = "code";

    private final HashSet<String> codes;

    private KnownBcps(HashSet<String> codes) {
        this.codes = codes;
    }

    public static KnownBcps of(Set<String> codes) {
        return new KnownBcps(new HashSet<>(codes));
    }

    public static KnownBcps fromClasspath() {
        try (InputStream in = KnownBcps.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("reference table " + RESOURCE + " is not on the classpath");
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    static KnownBcps read(InputStream in) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String header = reader.readLine();
        if (header == null || !CODE_COLUMN.equals(firstColumn(header))) {
            throw new IllegalStateException(RESOURCE + " must start with a header whose first column is code");
        }
        HashSet<String> codes = new HashSet<>();
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            if (!line.isBlank()) {
                codes.add(firstColumn(line));
            }
        }
        return new KnownBcps(codes);
    }

    private static String firstColumn(String line) {
        int comma = line.indexOf(',');
        String cell = (comma < 0 ? line : line.substring(0, comma)).strip();
        return cell.length() > 1 && cell.startsWith("\"") && cell.endsWith("\"")
                ? cell.substring(1, cell.length() - 1) : cell;
    }

    public boolean contains(String code) {
        return codes.contains(code);
    }

    public int size() {
        return codes.size();
    }
}
