package eu.borderflow.job.environment;

import java.io.Serializable;
import java.time.Duration;

/** Parallelism and checkpointing of one environment (section {@code job}). */
public final class RuntimeSettings implements Serializable {

    private static final long serialVersionUID = 1L;

    private int parallelism;
    private Duration checkpointInterval;

    public int getParallelism() {
        return parallelism;
    }

    public void setParallelism(int parallelism) {
        this.parallelism = parallelism;
    }

    public Duration getCheckpointInterval() {
        return checkpointInterval;
    }

    public void setCheckpointInterval(Duration checkpointInterval) {
        this.checkpointInterval = checkpointInterval;
    }
}
