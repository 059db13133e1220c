package eu.borderflow.cli;

import eu.borderflow.job.environment.KafkaSettings;
import eu.borderflow.tools.kafka.BrokerUnavailableException;
import eu.borderflow.tools.kafka.KafkaCalls;
import org.apache.kafka.clients.admin.Admin;

/**
 * A streaming run asks the broker once before its job starts: a job started without one retries quietly behind
 * pages of connection errors, where replay and topics say in one line that Kafka is not reachable.
 */
final class BrokerCheck {

    private BrokerCheck() {}

    /** @throws BrokerUnavailableException said in one line, exit 1, as replay does */
    static void reachable(KafkaSettings kafka) {
        String bootstrap = kafka.getBootstrapServers();
        try (Admin admin = KafkaCalls.admin(bootstrap, kafka.getProperties())) {
            KafkaCalls.await(admin.describeCluster().clusterId(), bootstrap, "start the job");
        }
    }
}
