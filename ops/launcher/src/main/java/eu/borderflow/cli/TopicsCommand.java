package eu.borderflow.cli;

import eu.borderflow.tools.kafka.TopicChange;
import eu.borderflow.tools.kafka.TopicSetup;
import eu.borderflow.tools.kafka.TopicsConfig;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Creates the topics of config/topics.yaml, or brings existing ones in line; run by {@code kafka up}. */
@Command(
        name = "topics",
        mixinStandardHelpOptions = true,
        description = {
            "Creates the Kafka topics of config/topics.yaml that are missing and sets the partitions (they can "
                    + "only grow) and topic configs of those that exist. Safe to run again.",
            "Partitions grow only with --grow-partitions: stop the jobs that read the topic with a savepoint first.",
            "Exit codes: 0 done, 1 Kafka unreachable or refused, 2 bad configuration, 3 partitions to grow held back."
        })
public final class TopicsCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--bootstrap",
            paramLabel = "HOST:PORT",
            defaultValue = "127.0.0.1:${env:BORDERFLOW_KAFKA_PORT:-9092}",
            description = "Kafka bootstrap address (default: ${DEFAULT-VALUE}).")
    private String bootstrap;

    @Mixin
    private ConfigDir config;

    @Mixin
    private KafkaClientOptions kafka;

    @Option(
            names = "--grow-partitions",
            description = "Add the partitions topics.yaml asks for; run it while the jobs that read those topics are "
                    + "stopped with a savepoint (a running job would make the records the new partitions get before "
                    + "it discovers them LATE dead letters).")
    private boolean growPartitions;

    @Override
    public Integer call() {
        TopicsConfig topics = TopicsConfig.load(config.loader());
        List<TopicChange> changes = TopicSetup.apply(bootstrap, kafka.properties(), topics, growPartitions);
        PrintWriter out = spec.commandLine().getOut();
        changes.forEach(out::println);
        out.flush();
        return changes.stream().anyMatch(c -> c.action() == TopicChange.Action.HELD)
                ? ExitCodes.HELD_BACK
                : ExitCodes.OK;
    }
}
