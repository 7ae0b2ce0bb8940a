package org.radiome.engine.progress;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Progress on stderr: on a terminal a bar redrawn in place
 * ({@code [#########...........]  23/60 cases  1.9 cases/s  ETA 0:19  2 failed}); otherwise (a log
 * file, a pipe) one line every {@code logInterval}. Rate and ETA count only the cases computed by
 * this run, not those resumed from the journal.
 *
 * <p>Thread-safe; owns one daemon thread between {@link #started} and {@link #finished}.
 */
public final class ConsoleProgress implements ProgressListener {
    private static final int BAR_WIDTH = 30;

    private final PrintWriter out;
    private final boolean terminal;
    private final Duration logInterval;
    private final AtomicInteger ok = new AtomicInteger(), failed = new AtomicInteger();
    private volatile int total, resumed;
    private volatile long startNanos;
    private ScheduledExecutorService ticker;
    private int lastBarLength;

    /**
     * @param terminal    draw a bar (true when {@code System.console() != null}), else write log lines
     * @param logInterval time between log lines (ignored for the bar, redrawn five times a second)
     */
    public ConsoleProgress(PrintWriter out, boolean terminal, Duration logInterval) {
        this.out = out;
        this.terminal = terminal;
        this.logInterval = logInterval;
    }

    @Override
    public synchronized void started(int total, int alreadyDone) {
        this.total = total;
        this.resumed = alreadyDone;
        this.startNanos = System.nanoTime();
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "radiome-progress");
            t.setDaemon(true);
            return t;
        });
        long period = terminal ? 200 : Math.max(1, logInterval.toMillis());
        ticker.scheduleAtFixedRate(this::report, period, period, TimeUnit.MILLISECONDS);
    }

    @Override
    public void caseFinished(boolean success) {
        (success ? ok : failed).incrementAndGet();
    }

    @Override
    public synchronized void finished() {
        if (ticker != null) ticker.shutdownNow();
        if (terminal) {
            out.print("\r" + padded(line()) + "\n");
        } else {
            out.println("radiome batch: " + line());
        }
        out.flush();
    }

    private synchronized void report() {
        if (terminal) {
            out.print("\r" + padded(line()));
        } else {
            out.println("radiome batch: " + line());
        }
        out.flush();
    }

    /** The bar, padded with blanks over the rest of a longer previous bar. */
    private String padded(String bar) {
        String s = bar.length() < lastBarLength ? bar + " ".repeat(lastBarLength - bar.length()) : bar;
        lastBarLength = bar.length();
        return s;
    }

    private String line() {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        return format(total, resumed, ok.get(), failed.get(), seconds, terminal);
    }

    /** The progress text for the given counts, {@code seconds} after this run started. */
    static String format(int total, int resumed, int ok, int failed, double seconds, boolean bar) {
        int computed = ok + failed;
        int finished = resumed + computed;
        double rate = seconds > 0 ? computed / seconds : 0;
        StringBuilder s = new StringBuilder();
        if (bar) {
            int filled = total == 0 ? BAR_WIDTH : (int) ((long) BAR_WIDTH * finished / total);
            s.append('[').append("#".repeat(filled)).append(".".repeat(BAR_WIDTH - filled)).append("]  ");
        }
        s.append(finished).append('/').append(total).append(" cases");
        s.append(String.format(Locale.ROOT, "  %.2f cases/s", rate));
        int remaining = total - finished;
        if (remaining == 0) s.append("  done in ").append(clock(seconds));
        else if (rate > 0) s.append("  ETA ").append(clock(remaining / rate));
        else s.append("  ETA --:--");
        if (failed > 0) s.append("  ").append(failed).append(" failed");
        if (resumed > 0) s.append("  (").append(resumed).append(" resumed)");
        return s.toString();
    }

    /** h:mm:ss, or m:ss under an hour. */
    static String clock(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
