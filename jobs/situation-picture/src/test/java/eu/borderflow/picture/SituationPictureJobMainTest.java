package eu.borderflow.picture;

import eu.borderflow.job.testing.JobMainContract;

class SituationPictureJobMainTest extends JobMainContract {

    SituationPictureJobMainTest() {
        super(SituationPictureJob.class, "situational-picture job");
    }
}
