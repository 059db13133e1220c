package eu.borderflow.risk;

import eu.borderflow.job.environment.JobEnvironment;

/** The job jar's arguments: {@code [--environment NAME] [--config DIR]}; defaults: the cluster environment, jar config. */
record JobArguments(String environment, String configDir) {

    static JobArguments parse(String[] args) {
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
