package eu.borderflow.risk;

import eu.borderflow.job.testing.JobMainContract;

class RiskFlagJobMainTest extends JobMainContract {

    RiskFlagJobMainTest() {
        super(RiskFlagJob.class, "risk-flag job");
    }
}
