package eu.borderflow.dashboard.auth;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.javalin.security.RouteRole;
import java.util.Locale;

/**
 * What a signed-in person may do. Everyone with a role sees the picture and the flags (every flag detail they open is
 * audited); analysts and supervisors review flags; only supervisors change a section's attributed level.
 */
public enum Role implements RouteRole {
    VIEWER,
    ANALYST,
    SUPERVISOR;

    public boolean mayReview() {
        return this == ANALYST || this == SUPERVISOR;
    }

    public boolean mayChangeLevel() {
        return this == SUPERVISOR;
    }

    /** As written in dashboard.yaml and shown on the page: lower case. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Role parse(String value) {
        for (Role role : values()) {
            if (role.label().equals(value)) {
                return role;
            }
        }
        throw new IllegalArgumentException("unknown role " + value + " (viewer, analyst or supervisor)");
    }
}
