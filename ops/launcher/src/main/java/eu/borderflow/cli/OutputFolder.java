package eu.borderflow.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The folder a command writes its files into, checked before any work starts: created if missing, and written to
 * once (a file created and removed), since {@code Files.isWritable} says yes to root where nothing can be written
 * ({@code /sys}, a read-only mount) and the job would then fail half way with a stack trace.
 */
final class OutputFolder {

    private OutputFolder() {}

    /** {@code out} as an absolute path, ready to write into; else a {@link UserError} naming {@code option}. */
    static Path prepare(String option, Path out) {
        Path dir = out.toAbsolutePath();
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new UserError(option + " " + out + " exists and is not a folder");
        }
        try {
            Files.createDirectories(dir);
            Files.delete(Files.createTempFile(dir, ".write-check", null));
        } catch (IOException | UnsupportedOperationException e) {
            throw new UserError(option + " " + out + " cannot be written to (" + reason(e) + ")", e);
        }
        return dir;
    }

    /** What the file system said, without a Java class name: its exceptions' messages are only the path. */
    private static String reason(Exception e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        if (e instanceof FileSystemException) {
            return "the file system refused";
        }
        return e.getMessage() == null ? "not supported here" : e.getMessage();
    }
}
