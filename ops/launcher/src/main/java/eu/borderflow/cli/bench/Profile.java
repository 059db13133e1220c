package eu.borderflow.cli.bench;

import java.nio.file.Path;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/** A JFR recording of one measured job (JFR's "profile" settings: execution samples every 10 ms, allocation). */
final class Profile {

    private final Recording recording;
    private final Path file;

    private Profile(Recording recording, Path file) {
        this.recording = recording;
        this.file = file;
    }

    static Profile start(Path file) throws Exception {
        Recording recording = new Recording(Configuration.getConfiguration("profile"));
        recording.start();
        return new Profile(recording, file);
    }

    void stop() throws Exception {
        recording.stop();
        recording.dump(file);
        recording.close();
    }
}
