package app.facet.app.cli.integrity;

import app.facet.app.cli.LibraryOption;

import app.facet.core.catalog.Catalog;
import app.facet.core.integrity.CheckMode;
import app.facet.core.integrity.CheckResult;
import app.facet.core.integrity.IntegrityChecker;
import app.facet.core.integrity.IntegrityReport;
import app.facet.core.integrity.IntegrityReportFormat;
import app.facet.core.integrity.Sample;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code facet check [--json] [--full|--quick] [--library DIR]}: exit 0 clean, 1 problems, 2 could not check. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Verify the catalog: SQLite integrity, guard triggers, faces pointing at crops, missing and orphan files, "
                + "boxes, embeddings, duplicates, persons and scans. Changes nothing.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no problem found", "1:problems found (see the report)", "2:could not check (the message says why)"})
public final class CheckCommand implements Callable<Integer> {
    static final int SAMPLES_SHOWN = 5;

    @Mixin
    LibraryOption library;

    @ArgGroup(exclusive = true)
    Depth depth;

    static final class Depth {
        @Option(names = "--full", description = "Everything, also every photo and crop file and every embedding (default).")
        boolean full;
        @Option(names = "--quick", description = "SQL only: well under a second, as at start-up.")
        boolean quick;
    }

    @Option(names = "--json", description = "Print the whole report as JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return CliOutput.run(spec, () -> {
            CheckMode mode = depth != null && depth.quick ? CheckMode.QUICK : CheckMode.FULL;
            Catalog catalog = library.openExisting();
            IntegrityReport report = CliOutput.withProgress("Checking", !json,
                    progress -> new IntegrityChecker(catalog).check(mode, progress, () -> false));
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                IntegrityReportFormat.writeJson(report, out);
                out.println();
            } else {
                print(report, catalog.location().catalogFile().toString(), out);
            }
            out.flush();
            return report.isClean() ? CliOutput.OK : CliOutput.PROBLEMS;
        });
    }

    static void print(IntegrityReport report, String catalogFile, PrintWriter out) {
        long failing = report.problems().size();
        out.printf(Locale.ROOT, "%s check of %s: %s (%d checks, %.1f s)%n", report.mode() == CheckMode.FULL ? "Full" : "Quick", catalogFile,
                report.isClean() ? "no problem found" : report.problemCount() + " problem" + (report.problemCount() == 1 ? "" : "s")
                        + " in " + failing + " check" + (failing == 1 ? "" : "s"),
                report.checks().size(), report.elapsedMillis() / 1000.0);
        for (CheckResult c : report.checks()) {
            if (c.count() == 0) {
                continue;
            }
            out.printf(Locale.ROOT, "%n%-7s %s: %d  (%s)%n", c.severity().name(), c.title(), c.count(), c.name());
            for (Sample s : c.samples().subList(0, Math.min(SAMPLES_SHOWN, c.samples().size()))) {
                out.printf(Locale.ROOT, "        %s%s%s: %s%n", s.subject().code(), s.id() == null ? "" : " " + s.id(),
                        s.path() == null ? "" : " " + s.path(), s.detail());
            }
            if (c.count() > SAMPLES_SHOWN) {
                out.printf(Locale.ROOT, "        ... and %d more (--json lists %d)%n", c.count() - SAMPLES_SHOWN, c.samples().size());
            }
            out.printf(Locale.ROOT, "        fix: %s%s%n", c.suggestedFix(), c.repairable() ? "  [facet repair]" : "");
        }
    }
}
