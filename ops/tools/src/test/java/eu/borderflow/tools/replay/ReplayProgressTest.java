package eu.borderflow.tools.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ReplayProgressTest {

    @Test
    void showsCountRateAndTimeLeft() {
        StringWriter out = new StringWriter();
        try (ReplayProgress progress = new ReplayProgress(new PrintWriter(out), 1_000_000, () -> 1_000_000, 0)) {
            // 250,000 of 1,000,000 in 2 s: 125,000 ev/s, 6 s left
            assertEquals(
                    "[#######-----------------------]  25.0% 250,000/1,000,000  125,000 ev/s  ETA 0:00:06 ",
                    progress.line(250_000, 2_000_000_000L));
            assertEquals(
                    "[------------------------------]   0.0% 0/1,000,000  0 ev/s  ETA --:-- ", progress.line(0, 0));
        }
    }
}
