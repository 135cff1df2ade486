package app.facet.app.cli;

import app.facet.core.metadata.SidecarExport;
import app.facet.core.metadata.SidecarWriteMode;
import app.facet.core.metadata.SidecarWriteResult;
import app.facet.core.rules.PersonNames;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code facet metadata}: face regions in XMP (see docs/METADATA.md). */
@Command(name = "metadata", mixinStandardHelpOptions = true, subcommands = MetadataCommand.Write.class,
        description = "Face regions and names in XMP: reading happens during `facet scan`; `facet metadata write` writes them.")
public final class MetadataCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code facet metadata write [--dry-run] [--person NAME]}. */
    @Command(name = "write", mixinStandardHelpOptions = true,
            description = {"Write the names you gave faces into each photo's XMP sidecar (photo.jpg.xmp): MWG and Microsoft "
                    + "face regions, Iptc4xmpExt:PersonInImage and digiKam's TagsList (People/NAME), so other programs "
                    + "(digiKam, Lightroom, ExifTool …) and a new Facet library find them.",
                    "Only faces you named or confirmed are written. Photos are never modified; an existing sidecar keeps "
                            + "every other property and is replaced atomically, only when its content changes.",
                    "Exit code 0, or 1 when a sidecar could not be written or was left untouched because it could not be read."})
    static final class Write implements Callable<Integer> {
        @Mixin
        LibraryOption library;
        @Option(names = "--dry-run", description = "Report what would change; write nothing.")
        boolean dryRun;
        @Option(names = "--person", paramLabel = "NAME", description = "Only photos with a face of this person.")
        String person;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            String name = null;
            if (person != null) {
                PersonNames.Checked checked = PersonNames.check(person);
                if (checked.refused() || checked.value() == null) {
                    throw new UserError("--person: " + (checked.refused() ? checked.refusal() : "the name is empty") + ".");
                }
                name = checked.value();
            }
            PrintWriter out = spec.commandLine().getOut();
            SidecarExport.Summary s = new SidecarExport(library.openExisting()).write(name, null,
                    dryRun ? SidecarWriteMode.DRY_RUN : SidecarWriteMode.WRITE, w -> {
                        out.println(line(w));
                        if (w.result() != null) {
                            w.result().changes().forEach(c -> out.println("    " + PersonNames.escaped(c)));
                            w.result().skipped().forEach(c -> out.println("    skipped: " + PersonNames.escaped(c)));
                        }
                    });
            out.printf(Locale.ROOT, "%d photos with named faces: %d sidecars created, %d updated, %d unchanged, %d refused, "
                            + "%d failed%s.%n", s.photos(), s.created(), s.updated(), s.unchanged(), s.refused(), s.failed(),
                    dryRun ? " (dry run: nothing was written)" : "");
            out.flush();
            return s.refused() + s.failed() > 0 ? 1 : 0;
        }

        private String line(SidecarExport.PhotoWrite w) {
            String photo = PersonNames.escaped(w.photo().toString());
            if (w.result() == null) {
                return "failed     " + photo + ": " + PersonNames.escaped(w.error());
            }
            SidecarWriteResult r = w.result();
            String status = r.status().name().toLowerCase(Locale.ROOT);
            if (dryRun && r.changesContent()) {
                status = "would be " + status;
            }
            return String.format(Locale.ROOT, "%-10s %s (%d named face%s)", status, PersonNames.escaped(r.sidecar().toString()),
                    w.faces(), w.faces() == 1 ? "" : "s");
        }
    }
}
