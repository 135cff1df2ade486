package app.facet.app.cli;

import app.facet.app.cli.faces.FaceEdits;
import app.facet.app.cli.people.PeopleSession;
import app.facet.core.catalog.CatalogQueries;
import app.facet.model.Face;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code facet faces}: one line per face (of one person with {@code --person}). The columns are a contract: add, never
 * rename or drop. Its subcommands correct single faces ({@link FaceEdits}).
 */
@Command(name = "faces", mixinStandardHelpOptions = true,
        description = "List every face: box in original-image pixels after EXIF orientation, detection score, quality, person.",
        subcommands = {FaceEdits.Add.class, FaceEdits.Remove.class, FaceEdits.Clear.class, FaceEdits.Assign.class,
                FaceEdits.Unassign.class, FaceEdits.NotAFace.class})
public final class FacesCommand implements Callable<Integer> {
    static final List<String> COLUMNS = List.of("face_id", "photo_path", "x", "y", "w", "h", "score", "quality", "person",
            "assigned_by", "status", "reason", "cluster", "quality_label", "detector", "embedding_model", "crop_path", "not_a_face");

    @Mixin
    LibraryOption library;
    @Option(names = "--format", defaultValue = "csv", description = "csv or json (default: ${DEFAULT-VALUE})")
    OutputFormat format;
    @Option(names = "--person", paramLabel = "NAME", description = "Only the faces of this person (name in any case, or id).")
    String person;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PeopleSession session = PeopleSession.open(library);
        Long only = person == null ? null : session.person(person).id();
        try (RowPrinter out = new RowPrinter(format, COLUMNS, spec.commandLine().getOut())) {
            new CatalogQueries(session.catalog).forEachFace((Face f) -> {
                if (only == null || only.equals(f.personId())) {
                    row(out, f);
                }
            });
        }
        return 0;
    }

    private static void row(RowPrinter out, Face f) {
        out.row(f.id(), f.imagePath(),
                f.box() == null ? null : round(f.box().x()), f.box() == null ? null : round(f.box().y()),
                f.box() == null ? null : round(f.box().w()), f.box() == null ? null : round(f.box().h()),
                round(f.detectionScore()), f.quality() == null ? null : round(f.quality().overall()),
                f.personName(), f.assignedBy().sql(), f.status().sql(), f.invalidReason(), f.clusterId(),
                f.quality() == null ? null : f.quality().label().sql(), f.detector(), f.embeddingModelId(), f.cropPath(),
                f.notAFace());
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
