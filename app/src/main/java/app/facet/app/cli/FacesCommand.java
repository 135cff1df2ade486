package app.facet.app.cli;

import app.facet.core.catalog.Catalog;
import app.facet.core.catalog.CatalogQueries;
import app.facet.model.Face;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code facet faces}: one line per face. The first twelve columns are a contract: add, never rename or drop. */
@Command(name = "faces", mixinStandardHelpOptions = true,
        description = "List every face: box in original-image pixels after EXIF orientation, detection score, quality, person.")
public final class FacesCommand implements Callable<Integer> {
    static final List<String> COLUMNS = List.of("face_id", "photo_path", "x", "y", "w", "h", "score", "quality", "person",
            "assigned_by", "status", "reason", "cluster", "quality_label", "detector", "embedding_model", "crop_path", "not_a_face");

    @Mixin
    LibraryOption library;
    @Option(names = "--format", defaultValue = "csv", description = "csv or json (default: ${DEFAULT-VALUE})")
    OutputFormat format;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Catalog catalog = library.openExisting();
        try (RowPrinter out = new RowPrinter(format, COLUMNS, spec.commandLine().getOut())) {
            new CatalogQueries(catalog).forEachFace((Face f) -> out.row(f.id(), f.imagePath(),
                    f.box() == null ? null : round(f.box().x()), f.box() == null ? null : round(f.box().y()),
                    f.box() == null ? null : round(f.box().w()), f.box() == null ? null : round(f.box().h()),
                    round(f.detectionScore()), f.quality() == null ? null : round(f.quality().overall()),
                    f.personName(), f.assignedBy().sql(), f.status().sql(), f.invalidReason(), f.clusterId(),
                    f.quality() == null ? null : f.quality().label().sql(), f.detector(), f.embeddingModelId(), f.cropPath(),
                    f.notAFace()));
        }
        return 0;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
