package io.tradecheck.cli;

import java.io.PrintStream;

/** A one-line progress bar for a terminal: redrawn in place at most five times a second. */
final class ProgressBar {
    private static final int WIDTH = 30;

    private final PrintStream out;
    private final long total;
    private final long started = System.nanoTime();
    private long lastDraw;

    /** @param total lines expected, or -1 when unknown (then only the count and rate are shown) */
    ProgressBar(PrintStream out, long total) {
        this.out = out;
        this.total = total;
    }

    void update(long done) {
        long now = System.nanoTime();
        if (now - lastDraw < 200_000_000L) {
            return;
        }
        lastDraw = now;
        draw(done, now);
    }

    void finish(long done) {
        draw(done, System.nanoTime());
        out.println();
    }

    private void draw(long done, long now) {
        double seconds = Math.max(1e-3, (now - started) / 1e9);
        long rate = Math.round(done / seconds);
        if (total > 0) {
            double fraction = Math.min(1.0, (double) done / total);
            int filled = (int) Math.round(fraction * WIDTH);
            out.printf("\r[%s%s] %3d%% %,d/%,d lines, %,d lines/s ", "#".repeat(filled), ".".repeat(WIDTH - filled),
                    Math.round(fraction * 100), done, Math.max(done, total), rate);
        } else {
            out.printf("\r%,d lines, %,d lines/s ", done, rate);
        }
        out.flush();
    }
}
