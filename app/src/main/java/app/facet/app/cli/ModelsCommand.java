package app.facet.app.cli;

import app.facet.core.embedding.EmbeddingModelDescription;
import app.facet.core.embedding.ModelDescriptions;
import app.facet.core.embedding.ModelDownloadException;
import app.facet.core.embedding.ModelDownloader;
import app.facet.core.embedding.ModelFileDescription;
import app.facet.core.embedding.ModelLocator;
import app.facet.core.embedding.ModelLookup;
import app.facet.core.library.ModelFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code facet models list|download}: the face models Facet knows, where it looks for them, and fetching them once. */
@Command(name = "models", mixinStandardHelpOptions = true, description = "List or download the face models.",
        subcommands = {ModelsCommand.ListModels.class, ModelsCommand.Download.class})
public final class ModelsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static List<ModelFileDescription> all(ModelDescriptions d) {
        List<ModelFileDescription> out = new ArrayList<>();
        out.add(d.yunet());
        out.addAll(d.embeddingModels());
        return out;
    }

    static ModelLocator locator(LibraryOption library, ModelOptions models) {
        return ModelFolder.of(library.location(), models.options()).locator();
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Show each described model and whether its verified file is present.")
    static final class ListModels implements Callable<Integer> {
        @Mixin
        LibraryOption library;
        @Mixin
        ModelOptions models;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            ModelLocator locator = locator(library, models);
            PrintWriter out = spec.commandLine().getOut();
            out.println("Model folder: " + locator.folder());
            for (ModelFileDescription m : all(locator.descriptions())) {
                ModelLookup<?> found = locator.locate(m);
                boolean testOnly = m instanceof EmbeddingModelDescription e && e.testOnly();
                boolean builtIn = found.located().isEmpty() && m == locator.descriptions().yunet();
                out.printf("  %-16s %-10s %-8s %s%n", m.id(), m instanceof EmbeddingModelDescription ? "embedding" : "detector",
                        found.located().isPresent() ? "ready" : builtIn ? "built-in" : "missing", testOnly ? "(tests only, never a default)" : "");
                if (builtIn) {
                    out.println("      not in the model folder: the copy built into Facet is used (SHA-256 checked)");
                } else if (found.located().isEmpty()) {
                    out.println("      " + found.unavailableReason());
                    if (m.url() != null) {
                        out.println("      get it with: facet models download " + m.id());
                    }
                }
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "download", mixinStandardHelpOptions = true,
            description = "Download models from their pinned URL into the model folder and verify their SHA-256.")
    static final class Download implements Callable<Integer> {
        @Parameters(paramLabel = "ID", arity = "0..*", description = "Model ids (default: every downloadable model that is missing).")
        List<String> ids = new ArrayList<>();
        @Mixin
        LibraryOption library;
        @Mixin
        ModelOptions models;
        @Option(names = "--timeout", defaultValue = "PT10M", description = "Per-model timeout, ISO-8601 (default: ${DEFAULT-VALUE}).")
        Duration timeout;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            ModelLocator locator = locator(library, models);
            PrintWriter out = spec.commandLine().getOut();
            List<ModelFileDescription> wanted = new ArrayList<>();
            for (ModelFileDescription m : all(locator.descriptions())) {
                // by default only what is missing and not built in (the detector ships inside Facet)
                boolean wantedByDefault = m.url() != null && m != locator.descriptions().yunet() && locator.locate(m).located().isEmpty();
                if (ids.isEmpty() ? wantedByDefault : ids.contains(m.id())) {
                    wanted.add(m);
                }
            }
            for (String id : ids) {
                if (wanted.stream().noneMatch(m -> m.id().equals(id))) {
                    throw new UserError("Unknown model " + id + " (see `facet models list`).");
                }
            }
            ModelDownloader downloader = new ModelDownloader(timeout);
            for (ModelFileDescription m : wanted) {
                if (m.url() == null) {
                    throw new UserError("Model " + m.id() + " has no download address: put its file in " + locator.folder() + " yourself.");
                }
                out.println("Downloading " + m.id() + " from " + m.url() + " ...");
                out.flush();
                try {
                    Path file = downloader.download(m, locator.folder());
                    out.println("  verified SHA-256 " + m.sha256() + " -> " + file);
                } catch (ModelDownloadException e) {
                    throw new UserError(e.getMessage());
                }
            }
            if (wanted.isEmpty()) {
                out.println("Every downloadable model is already in " + locator.folder() + ".");
            }
            out.flush();
            return 0;
        }
    }
}
