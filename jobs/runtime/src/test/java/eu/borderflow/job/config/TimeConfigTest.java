package eu.borderflow.job.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import eu.borderflow.config.ConfigLoader;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TimeConfigTest {

    @Test
    void defaultsAllowSeventyTwoHoursOfLateness() {
        TimeConfig time = TimeConfig.load(ConfigLoader.defaults());
        assertEquals(Duration.ofHours(72), time.getAllowedLateness(), "EES Art. 21 fall-back uploads");
        assertEquals(Duration.ofMinutes(5), time.getOutOfOrderness());
        assertEquals(180, RetentionConfig.load(ConfigLoader.defaults()).getStayWindowDays());
    }
}
