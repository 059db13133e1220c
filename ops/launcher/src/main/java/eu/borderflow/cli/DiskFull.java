package eu.borderflow.cli;

import java.util.List;
import java.util.Optional;
import org.apache.commons.lang3.exception.ExceptionUtils;

/**
 * A write the file system refused for want of space (or of quota): neither a bug nor the user's input, and the same
 * whether it came from the launcher or from inside a Flink job, whose failure carries the cause's message but not
 * always its class.
 */
final class DiskFull {

    /** What Linux says for ENOSPC and EDQUOT, the text every layer passes on. */
    private static final List<String> MESSAGES = List.of("No space left on device", "Disk quota exceeded");

    private DiskFull() {}

    /** The message of the first cause of {@code e} that is a refused write for want of space. */
    static Optional<String> cause(Throwable e) {
        return ExceptionUtils.getThrowableList(e).stream()
                .map(Throwable::getMessage)
                .filter(m -> m != null && MESSAGES.stream().anyMatch(m::contains))
                .findFirst();
    }
}
