package eu.borderflow.risk.state;

import org.apache.flink.runtime.throwable.ThrowableAnnotation;
import org.apache.flink.runtime.throwable.ThrowableType;

/**
 * The state being restored was built under another pseudonymisation key. Not recoverable: Flink fails the job at
 * once instead of restarting it into the same state again and again.
 */
@ThrowableAnnotation(ThrowableType.NonRecoverableError)
public final class TokenKeyMismatchException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public TokenKeyMismatchException(String stateKeyId, String keyId) {
        super("the state being restored was built with the pseudonymisation key whose id is " + stateKeyId
                + ", but BORDERFLOW_TOKEN_KEY now has the key id " + keyId + ": no token would match the state's "
                + "(every open stay and document trail lost). Set BORDERFLOW_TOKEN_KEY to the key the state was built "
                + "with (for a session cluster, in the shell that runs `cluster up`), or start without that state "
                + "(ops/RUNBOOK.md, \"The pseudonymisation key changed\")");
    }
}
