package app.facet.app.cli;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;

import java.io.PrintStream;

/** Where the command line's progress bars print: one definition for the scan's and the integrity commands' bars. */
public final class ProgressLines {

    /** Characters per progress line. */
    static final int WIDTH = 110;

    private ProgressLines() {
    }

    /**
     * @return a consumer printing bars of {@link #WIDTH} characters to {@code out}. A fixed width: without one the
     *         consumer asks JLine for the terminal's width on every render, and JLine spawns {@code test -t} and
     *         {@code tty} processes to find it (~30 per scan, issue 14).
     */
    public static ConsoleProgressBarConsumer to(PrintStream out) {
        return new ConsoleProgressBarConsumer(out, WIDTH);
    }
}
