package eu.borderflow.dashboard.input;

import java.util.Map;

/** Where the dashboard's view comes from: Kafka topics read live, or a bounded run's files. */
public interface DashboardInput extends AutoCloseable {

    /** Starts feeding the view (in the background for Kafka). */
    void start();

    /** For the page's header: the mode, whether the history is loaded, and what is wrong if anything. */
    Map<String, Object> status();

    @Override
    void close();
}
