package eu.borderflow.risk.alerts;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;

/** R10's state per alert: its current review date and version. A Flink POJO. */
public class ReviewSchedule {

    public static final TypeInformation<ReviewSchedule> TYPE = Types.POJO(ReviewSchedule.class);

    private int reviewEpochDay;
    private int version;

    public ReviewSchedule() {}

    public ReviewSchedule(int reviewEpochDay, int version) {
        this.reviewEpochDay = reviewEpochDay;
        this.version = version;
    }

    public int getReviewEpochDay() {
        return reviewEpochDay;
    }

    public void setReviewEpochDay(int reviewEpochDay) {
        this.reviewEpochDay = reviewEpochDay;
    }

    public int getVersion() {
        return version;
    }

    public void setVersion(int version) {
        this.version = version;
    }
}
