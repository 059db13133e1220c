package eu.borderflow.cli.operations;

import eu.borderflow.cli.flink.DeployableJob;

/** The job the scenarios deploy, by the name it runs under on the cluster. */
final class ReplayWorldJob {

    static final String NAME = DeployableJob.RISK.flinkName();

    private ReplayWorldJob() {}
}
