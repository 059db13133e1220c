package eu.borderflow.dashboard.auth;

import eu.borderflow.dashboard.DashboardSettings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The people of dashboard.yaml and their password hashes. */
public final class UserDirectory {

    /** Checked against when the name is unknown, so a wrong name costs as long as a wrong password. */
    private static final String DECOY = PasswordHash.hash("decoy".toCharArray(), PasswordHash.DEFAULT_ITERATIONS);

    private final Map<String, DashboardSettings.User> users = new LinkedHashMap<>();

    public UserDirectory(List<DashboardSettings.User> users) {
        users.forEach(u -> this.users.put(u.name(), u));
    }

    /** The user, when the name is known and the password matches its hash. */
    public Optional<DashboardSettings.User> authenticate(String name, char[] password) {
        DashboardSettings.User user = name == null ? null : users.get(name);
        if (user == null) {
            PasswordHash.matches(password, DECOY);
            return Optional.empty();
        }
        return PasswordHash.matches(password, user.password()) ? Optional.of(user) : Optional.empty();
    }
}
