package eu.borderflow.tools.replay;

import java.io.PrintWriter;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/** A one-line progress bar redrawn in place ({@code \r}) twice a second: acknowledged/total, rate, ETA. */
final class ReplayProgress implements AutoCloseable {

    private static final long REDRAW_MILLIS = 500;
    private static final int BAR_WIDTH = 30;
    private static final double NANOS_PER_SECOND = 1e9;

    private final PrintWriter out;
    private final long total;
    private final LongSupplier acked;
    private final long startNanos;
    private final ScheduledExecutorService timer;

    ReplayProgress(PrintWriter out, long total, LongSupplier acked, long startNanos) {
        this.out = out;
        this.total = total;
        this.acked = acked;
        this.startNanos = startNanos;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "replay-progress");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleAtFixedRate(this::draw, REDRAW_MILLIS, REDRAW_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void draw() {
        out.print('\r' + line(acked.getAsLong(), System.nanoTime() - startNanos));
        out.flush();
    }

    String line(long done, long elapsedNanos) {
        double fraction = total == 0 ? 1 : Math.min(1, (double) done / total);
        int filled = (int) (fraction * BAR_WIDTH);
        double rate = elapsedNanos <= 0 ? 0 : done * NANOS_PER_SECOND / elapsedNanos;
        String eta = rate <= 0 ? "--:--" : clock((long) ((total - done) / rate));
        return String.format(
                "[%s%s] %5.1f%% %,d/%,d  %,.0f ev/s  ETA %s ",
                "#".repeat(filled), "-".repeat(BAR_WIDTH - filled), fraction * 100, done, total, rate, eta);
    }

    private static String clock(long seconds) {
        return String.format("%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }

    @Override
    public void close() {
        timer.shutdownNow();
        draw();
        out.println();
        out.flush();
    }
}
