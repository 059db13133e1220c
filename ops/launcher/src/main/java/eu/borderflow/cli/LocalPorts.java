package eu.borderflow.cli;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * The ports an embedded run listens on, asked before its MiniCluster starts. Taken, the REST API failed the run with
 * "internal error" and Flink's stack trace, and the metrics reporter only logged an error and went on without
 * metrics. The usual cause is a second run of the same job, which would also share the first one's checkpoints,
 * consumer group and transactional ids.
 */
final class LocalPorts {

    private LocalPorts() {}

    /**
     * @param port 0 or less: a free port is taken later, nothing to check
     * @throws UserError naming the port, what it is for and the option that picks another
     */
    static void free(int port, String what, String option) {
        if (port <= 0) {
            return;
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(port));
        } catch (IOException inUse) {
            throw new UserError("port " + port + " (" + what + ") is in use, most likely by another `run` of this job"
                    + " (`ps -ef | grep Borderflow`): stop it, or pick another port with " + option);
        }
    }
}
