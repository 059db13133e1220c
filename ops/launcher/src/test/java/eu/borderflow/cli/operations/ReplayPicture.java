package eu.borderflow.cli.operations;

import eu.borderflow.cli.Borderflow;
import eu.borderflow.picture.output.PictureTopic;
import eu.borderflow.schema.PictureUpdate;
import eu.borderflow.schema.RiskFlag;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the picture job must have committed for {@link ReplayWorld} once it has read everything: the windows and R11
 * flags of {@code run picture --in WORLD --out OUT --flags BOUNDED}, the bounded run over the world's files and the
 * bounded risk run's flags (every window final).
 */
final class ReplayPicture {

    private static ReplayPicture shared;

    /** The settled windows by key ({@code <section>/<view>/<window end>}). */
    final Map<String, PictureUpdate> windows;

    final List<RiskFlag> r11Flags;

    private ReplayPicture(Map<String, PictureUpdate> windows, List<RiskFlag> r11Flags) {
        this.windows = windows;
        this.r11Flags = r11Flags;
    }

    static synchronized ReplayPicture get() {
        if (shared == null) {
            ReplayWorld world = ReplayWorld.get();
            Path out = world.dir.resolveSibling("bounded-picture");
            StringWriter text = new StringWriter();
            var cli = Borderflow.commandLine();
            cli.setOut(new PrintWriter(text));
            cli.setErr(new PrintWriter(text));
            // With the risk job's flags of the same world, as the streamed picture reads them: a flag is data of its
            // section (its last data time and freshness), not only a count.
            int code = cli.execute(
                    "run",
                    "picture",
                    "--in",
                    world.dir.toString(),
                    "--out",
                    out.toString(),
                    "--flags",
                    world.dir.resolveSibling("bounded").toString());
            if (code != 0) {
                throw new IllegalStateException("the bounded picture run failed (" + code + "): " + text);
            }
            Map<String, PictureUpdate> windows = new TreeMap<>();
            for (PictureUpdate window : ReplayWorld.read(out.resolve("picture.avro"), PictureUpdate.class)) {
                windows.put(PictureTopic.key(window), window);
            }
            shared = new ReplayPicture(windows, ReplayWorld.read(out.resolve("flags.avro"), RiskFlag.class));
        }
        return shared;
    }
}
