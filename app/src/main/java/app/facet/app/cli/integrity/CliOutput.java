package app.facet.app.cli.integrity;

import app.facet.app.cli.FacetCommand;
import app.facet.app.cli.ProgressLines;
import app.facet.core.integrity.IntegrityProgress;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.function.Function;

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
            String m = FacetCommand.terminalSafe(e.getMessage() == null ? e.toString() : e.getMessage());
            err.println(m.endsWith(".") ? m : m + ".");
            err.flush();
            return ERROR;
        }
    }

    /**
     * Runs {@code body} with a progress bar on stderr when a person watches (a console is attached and {@code show}),
     * else with no progress reports.
     */
    static <T> T withProgress(String task, boolean show, Function<IntegrityProgress, T> body) {
        if (!show || System.console() == null) {
            return body.apply(IntegrityProgress.NONE);
        }
        try (ProgressBar bar = new ProgressBarBuilder().setTaskName(task).setStyle(ProgressBarStyle.ASCII).setInitialMax(1).showSpeed()
                .setConsumer(ProgressLines.to(System.err)).build()) {
            return body.apply((done, total) -> {
                bar.maxHint(Math.max(1, total));
                bar.stepTo(done);
            });
        }
    }
}
