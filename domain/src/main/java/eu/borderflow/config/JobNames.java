package eu.borderflow.config;

import java.util.List;

/** The names the two jobs run under on a Flink cluster: how the launcher and the dashboard find them there. */
public final class JobNames {

    public static final String RISK = "borderflow risk-flag job";
    public static final String PICTURE = "borderflow situational-picture job";
    /** Both, the risk-flag job first. */
    public static final List<String> ALL = List.of(RISK, PICTURE);

    private JobNames() {}
}
