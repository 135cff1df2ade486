package app.facet.app.cli;

import app.facet.app.desktop.DesktopStart;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

/** {@code facet ui [--library DIR] [--models DIR]}: opens the desktop app (the same as {@code ./facet} with no arguments). */
@Command(name = "ui", mixinStandardHelpOptions = true, description = "Open the Facet desktop window.")
public final class UiCommand implements Callable<Integer> {
    @Mixin
    LibraryOption library;
    @Mixin
    ModelOptions models;

    @Override
    public Integer call() {
        return DesktopStart.run(library.library == null ? null : library.location(), models.modelsDir(), models.embeddingModel(),
                System.err);
    }
}
