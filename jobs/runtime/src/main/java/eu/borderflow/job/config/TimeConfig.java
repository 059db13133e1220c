package eu.borderflow.job.config;

import eu.borderflow.config.ConfigLoader;
import eu.borderflow.job.ingest.SourceTiming;
import java.io.Serializable;
import java.time.Duration;

/** Event-time settings of the risk-flag job ({@code rules.yaml} section {@code time}). */
public final class TimeConfig implements Serializable {

    private static final long serialVersionUID = 1L;

    private Duration outOfOrderness;
    private Duration allowedLateness;
    private Duration sourceIdleness;
    private Duration sourceResumeHold;

    /** Binds and checks {@code rules.yaml /time}: a negative or missing duration is a {@link ConfigException}. */
    public static TimeConfig load(ConfigLoader config) {
        TimeConfig time = config.bind("rules", "/time", TimeConfig.class);
        ConfigChecks.notNegative("rules.yaml /time/out_of_orderness", time.outOfOrderness);
        ConfigChecks.notNegative("rules.yaml /time/allowed_lateness", time.allowedLateness);
        ConfigChecks.positive("rules.yaml /time/source_idleness", time.sourceIdleness);
        ConfigChecks.notNegative("rules.yaml /time/source_resume_hold", time.sourceResumeHold);
        return time;
    }

    /** How the job's sources make their watermarks. */
    public SourceTiming sourceTiming() {
        return new SourceTiming(outOfOrderness, sourceIdleness, sourceResumeHold);
    }

    public Duration getOutOfOrderness() {
        return outOfOrderness;
    }

    public void setOutOfOrderness(Duration outOfOrderness) {
        this.outOfOrderness = outOfOrderness;
    }

    public Duration getAllowedLateness() {
        return allowedLateness;
    }

    public void setAllowedLateness(Duration allowedLateness) {
        this.allowedLateness = allowedLateness;
    }

    public Duration getSourceIdleness() {
        return sourceIdleness;
    }

    public void setSourceIdleness(Duration sourceIdleness) {
        this.sourceIdleness = sourceIdleness;
    }

    public Duration getSourceResumeHold() {
        return sourceResumeHold;
    }

    public void setSourceResumeHold(Duration sourceResumeHold) {
        this.sourceResumeHold = sourceResumeHold;
    }
}
