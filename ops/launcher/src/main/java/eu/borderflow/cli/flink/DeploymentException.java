package eu.borderflow.cli.flink;

/** A deployment the cluster refused: a rejected jar, a savepoint it cannot restore, a job already running. */
public final class DeploymentException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DeploymentException(String message) {
        super(message);
    }
}
