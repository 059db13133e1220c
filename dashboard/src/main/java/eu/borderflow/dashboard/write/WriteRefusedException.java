package eu.borderflow.dashboard.write;

/** A review, level change or audit record that was not written; the request that needed it fails with its message. */
public final class WriteRefusedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final boolean readOnly;

    public WriteRefusedException(String message, boolean readOnly, Throwable cause) {
        super(message, cause);
        this.readOnly = readOnly;
    }

    /** True when the dashboard shows files and takes no decisions; false when the write failed and may work later. */
    public boolean readOnly() {
        return readOnly;
    }
}
