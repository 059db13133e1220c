package eu.borderflow.cli.operations;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ops/borderflow} builds before it runs when the launcher's class path takes the modules' jars from outside the
 * checkout: built alone ({@code mvn -pl ops/launcher}), it names their copies in ~/.m2, which the last install of any
 * checkout wrote, so a run, or an A/B of two checkouts ({@code ops/bench/ab.sh}), could run another checkout's jobs.
 * A copy of the script runs in a checkout of its own, with a stand-in {@code mvn} that only says it was called.
 */
class LauncherBuildCheckTest {

    private static final String JAR = "/jobs/risk-flags/target/borderflow-risk-flags-0.1.0-SNAPSHOT.jar";

    @TempDir
    Path checkout;

    @TempDir
    Path bin;

    @Test
    void aClassPathOfThisCheckoutsJarsRunsWithoutABuild() throws Exception {
        String out = launch(checkout.toRealPath() + JAR);
        assertFalse(out.contains("MAVEN CALLED"), out);
        assertFalse(out.contains("borderflow: building"), out);
    }

    @Test
    void aClassPathOfJarsInTheMavenRepositoryIsBuiltAgain() throws Exception {
        String out = launch("/root/.m2/repository/eu/borderflow/borderflow-risk-flags/0.1.0-SNAPSHOT"
                + "/borderflow-risk-flags-0.1.0-SNAPSHOT.jar");
        assertTrue(out.contains("MAVEN CALLED -B -q install"), out);
        assertTrue(
                out.contains("borderflow: building (the launcher's class path named the modules' jars outside this"
                        + " checkout"),
                out);
    }

    /** {@code ops/borderflow --version} in the checkout, after a build with {@code classPath}; all it printed. */
    private String launch(String classPath) throws Exception {
        Path script = checkout.resolve("ops/borderflow");
        Files.createDirectories(script.getParent());
        Files.copy(LocalPlatform.ROOT.resolve("ops/borderflow"), script);
        executable(script);
        Path target = Files.createDirectories(checkout.resolve("ops/launcher/target"));
        Files.writeString(target.resolve("classpath.txt"), classPath);
        Files.writeString(checkout.resolve("pom.xml"), "<project/>");
        Path stamp = Files.writeString(target.resolve(".built"), "");
        // The sources are older than the last build.
        Files.setLastModifiedTime(
                checkout.resolve("pom.xml"), FileTime.from(Instant.now().minusSeconds(3600)));
        Files.setLastModifiedTime(stamp, FileTime.from(Instant.now()));
        Path mvn = bin.resolve("mvn");
        Files.writeString(mvn, "#!/usr/bin/env bash\necho \"MAVEN CALLED $*\"\nexit 1\n");
        executable(mvn);

        ProcessBuilder builder = new ProcessBuilder(List.of(script.toString(), "--version")).redirectErrorStream(true);
        builder.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(1, TimeUnit.MINUTES), out);
        String log = Files.exists(checkout.resolve("var/build.log"))
                ? Files.readString(checkout.resolve("var/build.log"))
                : "";
        return out + log;
    }

    private static void executable(Path file) throws IOException {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
