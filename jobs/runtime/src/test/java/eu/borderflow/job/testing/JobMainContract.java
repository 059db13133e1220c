package eu.borderflow.job.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.borderflow.job.environment.JobSetup;
import org.junit.jupiter.api.Test;

/**
 * A job jar's entry point run as a plain program with arguments it cannot run with: one line on stderr naming the
 * job and what is wrong, no stack trace, exit code 2. Each job's test extends it.
 */
public abstract class JobMainContract {

    private final Class<?> main;
    private final String job;

    protected JobMainContract(Class<?> main, String job) {
        this.main = main;
        this.job = job;
    }

    @Test
    void anArgumentTheJobCannotRunWithIsOneLineOnStderrAndExitCodeTwo() throws Exception {
        JobMainProcess run = JobMainProcess.run(main, "--environment", "local", "--parallelism", "0");

        assertEquals(JobSetup.USAGE_EXIT_CODE, run.exitCode(), run.stderr());
        assertEquals(
                job + ": --parallelism must be a whole number of at least 1, not 0; "
                        + "usage: [--environment NAME] [--config DIR] [--parallelism N]",
                run.stderr().strip());
        assertFalse(run.stdout().contains("Exception"), run.stdout());
    }

    @Test
    void anEnvironmentThatIsNotConfiguredIsNamed() throws Exception {
        JobMainProcess run = JobMainProcess.run(main, "--environment", "nowhere");

        assertEquals(JobSetup.USAGE_EXIT_CODE, run.exitCode(), run.stderr());
        assertEquals(1, run.stderr().strip().lines().count(), run.stderr());
        assertTrue(run.stderr().startsWith(job + ": "), run.stderr());
        assertTrue(run.stderr().contains("nowhere"), run.stderr());
    }
}
