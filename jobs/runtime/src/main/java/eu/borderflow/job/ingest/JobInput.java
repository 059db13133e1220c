package eu.borderflow.job.ingest;

import java.io.Serializable;
import java.util.Objects;

/**
 * One input of one job as the dead letters of its operators name it: the job ({@code DeadLetter.job}) and the input,
 * which a dead letter gives as its source once the record has left its topic or file. Each job passes its own.
 */
public record JobInput(String job, String name) implements Serializable {

    public JobInput {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(name, "name");
    }

    /** Another input of the same job. */
    public JobInput other(String otherName) {
        return new JobInput(job, otherName);
    }
}
