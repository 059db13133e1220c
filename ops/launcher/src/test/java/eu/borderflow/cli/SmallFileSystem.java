package eu.borderflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A tmpfs of a given size mounted on a test's folder (root only), to be filled to its last byte. */
public final class SmallFileSystem {

    private SmallFileSystem() {}

    /** Mounts a tmpfs of {@code size} ("1m", "32m") on {@code folder}. */
    public static void mount(Path folder, String size) throws IOException, InterruptedException {
        run("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", folder.toString());
    }

    /** Unmounts {@code folder}, lazily: a failed job in the test's JVM may still hold its files open. */
    public static void unmount(Path folder) throws IOException, InterruptedException {
        run("umount", "--lazy", folder.toString());
    }

    /** Writes {@code file} until the file system has no byte left ("No space left on device"). */
    public static Path fill(Path file) throws IOException {
        byte[] block = new byte[4096];
        try (OutputStream out = Files.newOutputStream(file)) {
            while (true) {
                out.write(block);
                out.flush();
            }
        } catch (IOException full) {
            assertTrue(String.valueOf(full.getMessage()).contains("No space left"), full.toString());
        }
        return file;
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process =
                new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), String.join(" ", command) + " did not finish");
        assertEquals(0, process.exitValue(), String.join(" ", command) + ": " + out);
    }
}
