package eu.borderflow.risk;

import com.fasterxml.jackson.databind.JsonNode;
import eu.borderflow.config.ConfigLoader;
import eu.borderflow.job.config.IngestSettings;
import eu.borderflow.job.config.RetentionConfig;
import eu.borderflow.job.config.TimeConfig;
import eu.borderflow.job.environment.JobEnvironment;
import eu.borderflow.privacy.Pseudonymiser;
import eu.borderflow.privacy.PseudonymiserFactory;
import eu.borderflow.risk.rules.RuleSettings;
import eu.borderflow.stay.StayRule;
import java.io.Serializable;

/**
 * Everything the risk job's operators need from {@code config/}, read once on the client when the job is built and
 * handed to operators as plain serialisable values: time, retention, ingest limits, each rule's section of
 * {@code rules.yaml} and the pseudonymisation key. No operator holds a {@link ConfigLoader}, a path or reads an
 * environment variable, so a TaskManager without the folder or the variable runs exactly what was submitted.
 */
public final class RiskSettings implements Serializable {

    private static final long serialVersionUID = 1L;

    private final TimeConfig time;
    private final RetentionConfig retention;
    private final IngestSettings ingest;
    private final JsonNode rules;
    private final int maxDaysInWindow;
    private final int windowDays;
    private final Pseudonymiser tokens;

    private RiskSettings(ConfigLoader config, Pseudonymiser tokens) {
        this.time = TimeConfig.load(config);
        this.retention = RetentionConfig.load(config);
        this.ingest = config.bind("rules", "/ingest", IngestSettings.class).check();
        this.rules = config.tree("rules").path("rules");
        StayRule stayRule = StayRule.fromConfig(config);
        this.maxDaysInWindow = stayRule.maxDaysInWindow();
        this.windowDays = stayRule.windowDays();
        this.tokens = tokens;
    }

    /**
     * Binds {@code config} for a job; {@code tokenKey} is the value of {@link PseudonymiserFactory#KEY_ENV} read by the
     * caller on the client (null when unset). Without {@code demoKeyAllowed} the job needs a key of its own.
     */
    public static RiskSettings bind(ConfigLoader config, String tokenKey, boolean demoKeyAllowed) {
        return new RiskSettings(config, PseudonymiserFactory.forJob(config, tokenKey, demoKeyAllowed));
    }

    /** Binds {@code config} for a job in {@code environment}, with the key of {@link PseudonymiserFactory#KEY_ENV}. */
    public static RiskSettings bind(ConfigLoader config, JobEnvironment environment) {
        return bind(config, System.getenv(PseudonymiserFactory.KEY_ENV), environment.isAllowDemoKey());
    }

    /** The local demo's binding: the environment's key when set, else the configured (demo) key. */
    public static RiskSettings local(ConfigLoader config) {
        return bind(config, System.getenv(PseudonymiserFactory.KEY_ENV), true);
    }

    /** Rule {@code ruleId}'s section of {@code rules.yaml /rules}, bound to {@code type}. */
    public <T extends RuleSettings> T rule(String ruleId, Class<T> type) {
        return ConfigLoader.bind(rules.path(ruleId), "rules.yaml /rules/" + ruleId, type);
    }

    public TimeConfig time() {
        return time;
    }

    public RetentionConfig retention() {
        return retention;
    }

    public IngestSettings ingest() {
        return ingest;
    }

    /** The 90/180 rule as configured (R3's maximum, the retention's window). */
    public StayRule stayRule() {
        return new StayRule(maxDaysInWindow, windowDays);
    }

    /**
     * A pseudonymiser with the submitted key. Each operator keeps the copy it was deserialised with, so no two
     * threads share one (it reuses its MAC).
     */
    public Pseudonymiser tokens() {
        return tokens;
    }
}
