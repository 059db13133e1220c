package eu.borderflow.job.environment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.borderflow.config.ConfigLoader;
import org.junit.jupiter.api.Test;

/** The job jars' arguments: {@code --parallelism} overrides the environment's, which a deployment relies on. */
class JobArgumentsTest {

    private static final ConfigLoader CONFIG = ConfigLoader.defaults();

    @Test
    void parallelismOverridesTheEnvironments() {
        JobArguments arguments = JobArguments.parse(new String[] {"--environment", "cluster", "--parallelism", "3"});
        JobEnvironment environment = arguments.load(CONFIG);
        assertEquals(3, environment.getJob().getParallelism());
        assertEquals(3, environment.jobAs(environment.getPicture()).getParallelism(), "the picture job's too");
    }

    @Test
    void withoutItTheEnvironmentsParallelismHolds() {
        JobArguments arguments = JobArguments.parse(new String[] {"--config", "/somewhere"});
        assertNull(arguments.parallelism());
        assertEquals(JobEnvironment.CLUSTER, arguments.environment());
        assertEquals(
                JobEnvironment.load(CONFIG, JobEnvironment.CLUSTER).getJob().getParallelism(),
                JobArguments.parse(new String[0]).load(CONFIG).getJob().getParallelism());
    }

    @Test
    void aParallelismBelowOneOrNotANumberIsRefusedByName() {
        for (String bad : new String[] {"0", "-2", "two"}) {
            IllegalArgumentException e = assertThrows(
                    IllegalArgumentException.class, () -> JobArguments.parse(new String[] {"--parallelism", bad}));
            assertTrue(
                    e.getMessage().contains("--parallelism must be a whole number of at least 1, not " + bad),
                    e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> JobArguments.parse(new String[] {"--parallelism"}));
    }
}
