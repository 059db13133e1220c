package eu.borderflow.job.ingest;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * How each source split's watermark is made ({@link ResumingWatermarks}): how far it trails the split's newest event
 * time, after how long without a record the split stops holding its source back, and how long it holds the source
 * once it has records again. Bound on the client; serialised with the job's watermark strategy.
 */
public record SourceTiming(Duration outOfOrderness, Duration idleness, Duration resumeHold) implements Serializable {

    public SourceTiming {
        Objects.requireNonNull(outOfOrderness, "outOfOrderness");
        Objects.requireNonNull(idleness, "idleness");
        Objects.requireNonNull(resumeHold, "resumeHold");
    }
}
