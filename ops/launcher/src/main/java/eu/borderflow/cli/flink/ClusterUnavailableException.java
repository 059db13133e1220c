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

    private static String describe(Throwable cause) {
        String name = cause.getClass().getSimpleName();
        return cause.getMessage() == null ? name : name + ": " + cause.getMessage();
    }
}
