package app.facet.app.cli.people;

import app.facet.app.cli.LibraryOption;
import app.facet.core.people.RecognitionSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code facet people recognize [--dry-run]}: compare the unknown faces with the named people. */
@Command(name = "recognize", aliases = "recognise", mixinStandardHelpOptions = true,
        description = "Assign unknown faces that clearly look like a named person, suggest the likely ones for review.")
public final class RecognizeCommand implements Callable<Integer> {
    @Mixin
    LibraryOption library;
    @Option(names = "--dry-run", description = "Count what would be assigned and suggested; write nothing.")
    boolean dryRun;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PeopleSession session = PeopleSession.open(library);
        RecognitionSummary s = PeopleSession.userErrors(() -> session.recognition.recognize(dryRun));
        PrintWriter out = spec.commandLine().getOut();
        out.println(dryRun ? "Recognition (dry run: nothing written)" : "Recognition completed");
        String row = "  %-24s %7d%n";
        out.printf(Locale.ROOT, row, "unknown faces checked", s.facesChecked());
        out.printf(Locale.ROOT, row, "people to compare with", s.peopleKnown());
        out.printf(Locale.ROOT, row, dryRun ? "would be auto-assigned" : "auto-assigned", s.autoAssigned());
        out.printf(Locale.ROOT, row, dryRun ? "would be suggested" : "suggested for review", s.suggested());
        out.printf(Locale.ROOT, row, "still unknown", s.unknown());
        out.printf(Locale.ROOT, "  %-24s %7.1f s%n", "elapsed", s.elapsed().toMillis() / 1000.0);
        if (s.peopleKnown() == 0 && s.facesChecked() > 0) {
            out.println("No one is named yet: name a cluster first (facet people cluster, then facet people name CLUSTER NAME).");
        }
        return 0;
    }
}
