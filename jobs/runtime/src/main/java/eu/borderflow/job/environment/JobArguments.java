package eu.borderflow.job.environment;

import eu.borderflow.config.ConfigLoader;

/**
 * A job jar's arguments, the same for every job: {@code [--environment NAME] [--config DIR] [--parallelism N]};
 * defaults: the cluster environment, the configuration packed into the jar, and the environment's
 * {@code job.parallelism}. {@code --parallelism} is how a deployment rescales a job: the job sets its parallelism
 * itself, so a parallelism given to Flink alone (the REST API's, {@code flink run -p}) would be overridden.
 */
public record JobArguments(String environment, String configDir, Integer parallelism) {

    private static final String USAGE = "usage: [--environment NAME] [--config DIR] [--parallelism N]";

    /** @throws IllegalArgumentException naming the argument that is wrong, with the usage */
    public static JobArguments parse(String[] args) {
        String environment = JobEnvironment.CLUSTER;
        String configDir = null;
        Integer parallelism = null;
        for (int i = 0; i < args.length; i++) {
            boolean hasValue = i + 1 < args.length;
            switch (args[i]) {
                case "--environment" -> environment = hasValue ? args[++i] : fail("--environment needs a name");
                case "--config" -> configDir = hasValue ? args[++i] : fail("--config needs a directory");
                case "--parallelism" -> parallelism = positive(hasValue ? args[++i] : fail("--parallelism needs N"));
                default -> fail("unknown argument " + args[i] + "; " + USAGE);
            }
        }
        return new JobArguments(environment, configDir, parallelism);
    }

    /** The environment these arguments name, read from {@code config}, with {@code --parallelism} if given. */
    public JobEnvironment load(ConfigLoader config) {
        JobEnvironment loaded = JobEnvironment.load(config, environment);
        if (parallelism != null && loaded.getJob() != null) {
            loaded.getJob().setParallelism(parallelism);
        }
        return loaded;
    }

    private static int positive(String value) {
        try {
            int n = Integer.parseInt(value);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        return fail("--parallelism must be a whole number of at least 1, not " + value + "; " + USAGE);
    }

    private static <T> T fail(String message) {
        throw new IllegalArgumentException(message);
    }
}
