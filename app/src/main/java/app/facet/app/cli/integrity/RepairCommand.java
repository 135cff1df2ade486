package app.facet.app.cli.integrity;

import app.facet.app.cli.LibraryOption;

import app.facet.core.catalog.Catalog;
import app.facet.core.integrity.AppliedChange;
import app.facet.core.integrity.CountChange;
import app.facet.core.integrity.IntegrityRepairer;
import app.facet.core.integrity.IntegrityReportFormat;
import app.facet.core.integrity.Outcome;
import app.facet.core.integrity.RepairResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code facet repair [--dry-run] [--json] [--library DIR]}. */
@Command(name = "repair", mixinStandardHelpOptions = true,
        description = "Fix what facet check finds. Backs up the catalog first (backups/catalog-TIME.sqlite), re-checks each row "
                + "just before changing it, one transaction per check, and checks again after. Faces pointing at a crop are "
                + "re-pointed to their photo when it can be found; removed rows are kept in integrity_removed_rows.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:nothing left to repair", "1:problems remain (or, with --dry-run, changes would be made)",
                "2:could not repair (the message says why; nothing was changed unless it names the backup)"})
public final class RepairCommand implements Callable<Integer> {
    @Mixin
    LibraryOption library;

    @Option(names = "--dry-run", description = "List exactly what would change; change nothing.")
    boolean dryRun;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return CliOutput.run(spec, () -> {
            Catalog catalog = library.openExisting();
            IntegrityRepairer repairer = new IntegrityRepairer(catalog);
            RepairResult result = dryRun ? repairer.dryRun()
                    : CliOutput.withProgress("Repairing", !json, progress -> repairer.repair(progress, () -> false));
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                IntegrityReportFormat.writeJson(result, out);
                out.println();
            } else {
                print(result, out);
            }
            out.flush();
            if (dryRun) {
                return result.count(Outcome.PLANNED) == 0 && result.before().isClean() ? CliOutput.OK : CliOutput.PROBLEMS;
            }
            return result.after().isClean() ? CliOutput.OK : CliOutput.PROBLEMS;
        });
    }

    static void print(RepairResult r, PrintWriter out) {
        if (r.dryRun()) {
            out.printf(Locale.ROOT, "Dry run: %d change%s would be made; nothing was changed.%n", r.count(Outcome.PLANNED),
                    r.count(Outcome.PLANNED) == 1 ? "" : "s");
        } else if (r.backup() == null) {
            out.println("Nothing to repair; the catalog was not changed.");
        } else {
            out.printf(Locale.ROOT, "Backup of the catalog before the repair: %s%n", r.backup());
            out.printf(Locale.ROOT, "Applied %d, skipped %d (changed since the check), failed %d (rolled back).%n",
                    r.count(Outcome.APPLIED), r.count(Outcome.SKIPPED_STALE), r.count(Outcome.FAILED));
        }
        section(out, r.dryRun() ? "Would change:" : "Changed:", r.changes(), r.dryRun() ? Outcome.PLANNED : Outcome.APPLIED);
        section(out, "Skipped:", r.changes(), Outcome.SKIPPED_STALE);
        section(out, "Failed:", r.changes(), Outcome.FAILED);
        section(out, "Left for you to decide:", r.changes(), Outcome.LEFT_FOR_USER);
        List<CountChange> counts = r.counts().stream().filter(c -> c.before() > 0 || (c.after() != null && c.after() > 0)).toList();
        if (!counts.isEmpty()) {
            out.println();
            out.println(r.dryRun() ? "Findings:" : "Findings before -> after:");
            for (CountChange c : counts) {
                out.printf(Locale.ROOT, "  %-32s %6d%s%n", c.check(), c.before(), c.after() == null ? "" : " -> " + c.after());
            }
        }
        if (!r.dryRun() && r.after() != null && !r.after().isClean()) {
            out.printf(Locale.ROOT, "%n%d problem%s remain: run facet check for details.%n", r.after().problemCount(),
                    r.after().problemCount() == 1 ? "" : "s");
        }
    }

    private static void section(PrintWriter out, String title, List<AppliedChange> changes, Outcome outcome) {
        List<AppliedChange> of = changes.stream().filter(c -> c.outcome() == outcome).toList();
        if (of.isEmpty()) {
            return;
        }
        out.println();
        out.println(title);
        for (AppliedChange c : of) {
            out.printf(Locale.ROOT, "  [%s] %s%s%n", c.change().check(), c.change().description(), c.note() == null ? "" : " (" + c.note() + ")");
        }
    }
}
