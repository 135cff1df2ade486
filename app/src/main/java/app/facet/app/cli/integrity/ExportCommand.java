package app.facet.app.cli.integrity;

import app.facet.app.cli.LibraryOption;

import app.facet.core.catalog.Catalog;
import app.facet.core.transfer.AssignmentExport;
import app.facet.core.transfer.AssignmentExporter;
import app.facet.core.transfer.AssignmentFiles;
import app.facet.core.transfer.AssignmentFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code facet export [--format csv|json] [--output FILE] [--library DIR]}. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write persons and every face's assignment (photo path, content hash, box, person, assigned_by, not a face, "
                + "cover, \"not this person\" answers, hand-drawn boxes), the photos the user decided have no faces and the faces the "
                + "user deleted, as CSV or JSON, "
                + "for facet restore.",
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:written", "2:could not export (the message says why)"})
public final class ExportCommand implements Callable<Integer> {
    @Mixin
    LibraryOption library;

    @Option(names = "--format", paramLabel = "csv|json", description = "File format (default: from the --output name, else csv).")
    String format;

    @Option(names = "--output", paramLabel = "FILE", description = "Write to FILE (replaced whole, never half-written) instead of standard output.")
    Path output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return CliOutput.run(spec, () -> {
            AssignmentFormat f = format();
            Catalog catalog = library.openExisting();
            AssignmentExport export = new AssignmentExporter(catalog).export();
            if (output == null) {
                AssignmentFiles.write(export, f, spec.commandLine().getOut());
                spec.commandLine().getOut().flush();
                return CliOutput.OK;
            }
            Path target = output.toAbsolutePath();
            Path part = target.resolveSibling(target.getFileName() + ".part");
            try (Writer w = Files.newBufferedWriter(part, StandardCharsets.UTF_8)) {
                AssignmentFiles.write(export, f, w);
            }
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            spec.commandLine().getOut().printf(Locale.ROOT, "Exported %d persons and %d faces to %s%n", export.persons().size(),
                    export.faces().size(), target);
            if (!export.deletedFaces().isEmpty()) {
                spec.commandLine().getOut().printf(Locale.ROOT, "With %d deleted face%s (a restore keeps them deleted)%n",
                        export.deletedFaces().size(), export.deletedFaces().size() == 1 ? "" : "s");
            }
            spec.commandLine().getOut().flush();
            return CliOutput.OK;
        });
    }

    private AssignmentFormat format() {
        if (format != null) {
            try {
                return AssignmentFormat.parse(format);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Unknown format " + format + ": use csv or json", e);
            }
        }
        return output != null && output.toString().toLowerCase(Locale.ROOT).endsWith(".json") ? AssignmentFormat.JSON : AssignmentFormat.CSV;
    }
}
