package app.facet.app.cli.integrity;

import app.facet.core.integrity.IntegrityProgress;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** What the integrity commands share: exit codes, the one-sentence error, and a progress bar on a terminal. */
final class CliOutput {
    /** Clean / done. */
    static final int OK = 0;
    /** Problems found (or left). */
    static final int PROBLEMS = 1;
    /** Could not run: the message says why. */
    static final int ERROR = 2;

    private CliOutput() {
    }

    /** Runs {@code body}; any failure becomes its message, one sentence on stderr, and exit code 2. */
    static int run(CommandLine.Model.CommandSpec spec, Callable<Integer> body) {
        PrintWriter err = spec.commandLine().getErr();
        try {
            return body.call();
        } catch (Exception e) {
            String m = e.getMessage() == null ? e.toString() : e.getMessage();
            err.println(m.endsWith(".") ? m : m + ".");
            err.flush();
            return ERROR;
        }
    }

    /**
     * A progress bar on stderr when a person watches (a console is attached), else nothing.
     *
     * @return the bar to close when done, or null
     */
    static ProgressBar progressBar(String task) {
        if (System.console() == null) {
            return null;
        }
        return new ProgressBarBuilder().setTaskName(task).setStyle(ProgressBarStyle.ASCII).setInitialMax(1).showSpeed().build();
    }

    static IntegrityProgress progress(ProgressBar bar) {
        return bar == null ? IntegrityProgress.NONE : (done, total) -> {
            bar.maxHint(Math.max(1, total));
            bar.stepTo(done);
        };
    }
}
