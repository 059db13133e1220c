package eu.borderflow.dashboard.health;

import static org.junit.jupiter.api.Assertions.assertEquals;

import eu.borderflow.dashboard.view.Json;
import org.junit.jupiter.api.Test;

/** When the health page calls a job's checkpoints failing, from the answers of Flink's checkpoint statistics. */
class FlinkRestTest {

    @Test
    void checkpointsFailWhileTheNewestFailedCameAfterTheNewestCompleted() throws Exception {
        assertEquals(true, failing(stats(3, 8)), "a full storage: #3 completed, #4-#8 failed");
        assertEquals(false, failing(stats(9, 8)), "a failure that a later checkpoint got over");
        assertEquals(true, failing(stats(-1, 1)), "none completed yet, one failed");
        assertEquals(false, failing(stats(5, -1)), "none failed");
        assertEquals(false, failing(stats(-1, -1)), "a job that has not checkpointed yet");
    }

    private static Object failing(String answer) throws Exception {
        return FlinkRest.checkpoints(Json.MAPPER.readTree(answer)).get("failing");
    }

    /** The REST answer of {@code /jobs/:id/checkpoints}; -1 leaves that kind of checkpoint out. */
    private static String stats(long completed, long failed) {
        String completedJson = completed < 0
                ? "null"
                : "{\"id\":" + completed + ",\"latest_ack_timestamp\":1000,\"end_to_end_duration\":70,"
                        + "\"checkpointed_size\":826586}";
        String failedJson = failed < 0
                ? "null"
                : "{\"id\":" + failed + ",\"failure_timestamp\":2000,"
                        + "\"failure_message\":\"Asynchronous task checkpoint failed.\"}";
        return "{\"counts\":{\"completed\":" + Math.max(completed, 0) + ",\"failed\":" + Math.max(failed, 0)
                + ",\"in_progress\":0},\"latest\":{\"completed\":" + completedJson + ",\"failed\":" + failedJson + "}}";
    }
}
