package eu.borderflow.seeds.replay;

import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * What to replay and how. {@code status} receives the start line and, when {@code progress} is on, the progress bar;
 * {@code metricsPort} 0 picks a free port.
 */
public record ReplayOptions(Path in, Pacing pacing, String bootstrap, int metricsPort, PrintWriter status,
                            boolean progress) {
}
