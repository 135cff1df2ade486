package app.facet.app.cli;

import app.facet.core.catalog.Catalog;
import app.facet.core.catalog.CatalogQueries;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code facet photos}: one line per photo with its scan state and face count. */
@Command(name = "photos", mixinStandardHelpOptions = true, description = "List every catalogued photo with its scan state and face count.")
public final class PhotosCommand implements Callable<Integer> {
    static final List<String> COLUMNS = List.of("photo_id", "path", "scan_state", "faces", "reason", "width", "height",
            "taken_at", "missing", "size_bytes", "content_hash", "detector", "embedding_model");

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
            new CatalogQueries(catalog).forEachPhoto(p -> out.row(p.id(), p.path(), p.scanState().sql(), p.faceCount(),
                    p.failureReason(), p.width(), p.height(), p.takenAt() == null ? null : p.takenAt().toString(), p.missing(),
                    p.sizeBytes(), p.contentHash(), p.detector(), p.embeddingModelId()));
        }
        return 0;
    }
}
