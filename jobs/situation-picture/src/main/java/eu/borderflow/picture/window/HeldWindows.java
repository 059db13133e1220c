package eu.borderflow.picture.window;

import eu.borderflow.schema.PictureView;
import org.apache.flink.api.common.state.MapState;

/**
 * The key of a window held in a section's map state after it was emitted, {@code <view>/<window end>}, and its
 * removal: every view of the window ending at a given time, found by key rather than by a scan of the map.
 */
public final class HeldWindows {

    private static final PictureView[] VIEWS = PictureView.values();

    private HeldWindows() {}

    public static String key(PictureView view, long windowEnd) {
        return view + "/" + windowEnd;
    }

    /** Removes every view of the window ending at {@code windowEnd} from {@code held}. */
    public static void forget(MapState<String, ?> held, long windowEnd) throws Exception {
        for (PictureView view : VIEWS) {
            held.remove(key(view, windowEnd));
        }
    }
}
