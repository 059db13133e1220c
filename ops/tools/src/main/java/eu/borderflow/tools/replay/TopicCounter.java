package eu.borderflow.tools.replay;

import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Acknowledgements of one topic; one shared instance per topic, so sending allocates no callback per record. The
 * counts are the topic's metrics as well.
 */
final class TopicCounter implements Callback {

    private final String topic;
    private final LongAdder acked = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final AtomicReference<Exception> firstFailure;

    TopicCounter(String topic, ReplayMetrics metrics, AtomicReference<Exception> firstFailure) {
        this.topic = topic;
        metrics.sent(topic, acked);
        metrics.failed(topic, failed);
        this.firstFailure = firstFailure;
    }

    @Override
    public void onCompletion(RecordMetadata metadata, Exception exception) {
        if (exception == null) {
            acked.increment();
        } else {
            failed.increment();
            firstFailure.compareAndSet(null, exception);
        }
    }

    String topic() {
        return topic;
    }

    long acked() {
        return acked.sum();
    }

    long failed() {
        return failed.sum();
    }
}
