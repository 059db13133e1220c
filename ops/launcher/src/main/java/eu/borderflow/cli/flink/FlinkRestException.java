package eu.borderflow.cli.flink;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** The cluster answered a REST call with an error; {@link #errors()} are Flink's own lines, stack traces cut off. */
public final class FlinkRestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

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

    /** The most specific cause Flink names (the last "Caused by" line of its errors), else the message. */
    public String cause() {
        String best = null;
        for (String error : errors) {
            for (String line : error.split("\n")) {
                String trimmed = line.strip();
                if (trimmed.startsWith("Caused by: ")) {
                    best = trimmed.substring("Caused by: ".length());
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
