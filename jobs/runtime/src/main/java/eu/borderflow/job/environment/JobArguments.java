package eu.borderflow.job.environment;

/**
 * A job jar's arguments, the same for every job: {@code [--environment NAME] [--config DIR]}; defaults: the cluster
 * environment and the configuration packed into the jar.
 */
public record JobArguments(String environment, String configDir) {

    /** @throws IllegalArgumentException naming the argument that is wrong, with the usage */
    public static JobArguments parse(String[] args) {
        String environment = JobEnvironment.CLUSTER;
        String configDir = null;
        for (int i = 0; i < args.length; i++) {
            boolean hasValue = i + 1 < args.length;
            switch (args[i]) {
                case "--environment" -> environment = hasValue ? args[++i] : fail("--environment needs a name");
                case "--config" -> configDir = hasValue ? args[++i] : fail("--config needs a directory");
                default -> fail("unknown argument " + args[i] + "; usage: [--environment NAME] [--config DIR]");
            }
        }
        return new JobArguments(environment, configDir);
    }

    private static String fail(String message) {
        throw new IllegalArgumentException(message);
    }
}
