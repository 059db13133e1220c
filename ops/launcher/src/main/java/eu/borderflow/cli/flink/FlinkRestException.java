package eu.borderflow.cli.flink;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** The cluster answered a REST call with an error; {@link #errors()} are Flink's own lines, stack traces cut off. */
public final class FlinkRestException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private static final String CAUSED_BY = "Caused by: ";
    private static final String OWN_CODE = "eu.borderflow.";

    private final int status;
    private final List<String> errors;

    public FlinkRestException(String message, int status, JsonNode body) {
        super(message);
        this.status = status;
        this.errors = errorLines(body);
    }

    public int status() {
        return status;
    }

    public List<String> errors() {
        return errors;
    }

    /**
     * What to tell the user: the message of the first cause thrown by borderflow's own code (a job's main() that
     * refused its configuration says which setting and why), else the most specific cause Flink names (the last "Caused by"
     * line of its errors), else the message.
     */
    public String cause() {
        String best = null;
        for (String error : errors) {
            for (String line : error.split("\n")) {
                String trimmed = line.strip();
                if (trimmed.startsWith(CAUSED_BY + OWN_CODE) && trimmed.contains(": ")) {
                    // Our exceptions' messages are written for the user; the class name is not.
                    return trimmed.substring(trimmed.indexOf(": ", CAUSED_BY.length()) + 2);
                }
                if (trimmed.startsWith(CAUSED_BY)) {
                    best = trimmed.substring(CAUSED_BY.length());
                } else if (best == null && !trimmed.isEmpty() && !trimmed.startsWith("at ")) {
                    best = trimmed;
                }
            }
        }
        return best == null ? getMessage() : best;
    }

    private static List<String> errorLines(JsonNode body) {
        List<String> lines = new ArrayList<>();
        if (body != null && body.has("errors")) {
            body.get("errors").forEach(e -> lines.add(e.asText()));
        }
        return List.copyOf(lines);
    }
}
