package app.facet.app.cli;

import app.facet.core.scan.ScanListener;
import app.facet.core.scan.ScanPhase;
import app.facet.core.scan.ScanProgress;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.PrintStream;
import java.time.Duration;

/** Shows a scan's progress on stderr as a progress bar with rate and ETA, one bar per phase. */
final class ConsoleScanProgress implements ScanListener, AutoCloseable {
    private final PrintStream err;
    private ProgressBar bar;
    private ScanPhase phase;

    ConsoleScanProgress(PrintStream err) {
        this.err = err;
    }

    @Override
    public synchronized void onProgress(ScanProgress p) {
        if (p.phase() != phase) {
            closeBar();
            phase = p.phase();
            bar = new ProgressBarBuilder()
                    .setTaskName(label(p.phase()))
                    .setInitialMax(p.total())
                    .setStyle(ProgressBarStyle.ASCII)
                    .setUnit(p.phase() == ScanPhase.ANALYSING ? " photos" : " files", 1)
                    .showSpeed()
                    .setUpdateIntervalMillis(250)
                    .setConsumer(ProgressLines.to(err))
                    .setSpeedUnit(java.time.temporal.ChronoUnit.SECONDS)
                    .build();
        }
        if (p.total() >= 0) {
            bar.maxHint(p.total());
        }
        bar.stepTo(p.done());
        if (p.phase() == ScanPhase.ANALYSING) {
            bar.setExtraMessage(p.facesFound() + " faces");
        }
    }

    private static String label(ScanPhase phase) {
        return switch (phase) {
            case WALKING -> "Finding photos";
            case CATALOGUING -> "Cataloguing  ";
            case ANALYSING -> "Detecting    ";
            case FINISHING -> "Checking     ";
        };
    }

    private void closeBar() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }

    @Override
    public synchronized void close() {
        closeBar();
    }

    static String seconds(Duration d) {
        return String.format("%.1f s", d.toMillis() / 1000.0);
    }
}
