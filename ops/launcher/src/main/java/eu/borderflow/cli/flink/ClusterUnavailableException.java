package eu.borderflow.cli.flink;

/** No Flink REST API answers at the given address. */
public final class ClusterUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ClusterUnavailableException(String url, Throwable cause) {
        super(
                "no Flink cluster answers at " + url + " (" + describe(cause)
                        + "); start the local one with: ops/borderflow cluster up",
                cause);
    }

    /** Something answered at {@code url}, but not as Flink's REST API does: no JSON, or an error without Flink's. */
    public ClusterUnavailableException(String url, String path, int status) {
        super("no Flink REST API at " + url + ": it answered HTTP " + status + " to " + path
                + ", not as Flink's REST API answers (is it the JobManager's REST address, port 8081 by default?)");
    }

    private static String describe(Throwable cause) {
        String name = cause.getClass().getSimpleName();
        return cause.getMessage() == null ? name : name + ": " + cause.getMessage();
    }
}
