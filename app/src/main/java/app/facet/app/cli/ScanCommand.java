package app.facet.app.cli;

import app.facet.app.startup.ClassDataArchive;
import app.facet.core.analysis.PhotoAnalyzer;
import app.facet.core.catalog.Catalog;
import app.facet.core.catalog.LibraryLocation;
import app.facet.core.library.FacetLibrary;
import app.facet.core.scan.Cancellation;
import app.facet.core.scan.NewLibraryPreview;
import app.facet.core.scan.ScanAlreadyRunningException;
import app.facet.core.scan.ScanOptions;
import app.facet.core.scan.ScanService;
import app.facet.core.scan.ScanSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code facet scan DIR...}: catalogue folders and find every face. Exit code 0 when the run completed, even if
 * some files failed (they are listed with reasons). Ctrl+C or SIGTERM stops after the photos in flight and prints the
 * partial summary (exit 130 or 143); the next run finishes the rest. A full disk stops it the same way (exit 2); a
 * second scan of a library while one is live is refused (exit 2).
 */
@Command(name = "scan", mixinStandardHelpOptions = true,
        description = "Catalogue photos under the folders and detect, align and embed every face.")
public final class ScanCommand implements Callable<Integer> {
    @Parameters(paramLabel = "DIR", arity = "1..*", description = "Folders to scan recursively.")
    List<Path> folders;
    @Mixin
    LibraryOption library;
    @Mixin
    ModelOptions models;
    @Option(names = "--dry-run", description = "Only report what would be catalogued and analysed; write nothing.")
    boolean dryRun;
    @Option(names = "--limit", paramLabel = "N", defaultValue = "0", description = "Analyse at most N photos in this run (0: all).")
    int limit;
    @Option(names = "--threads", paramLabel = "N", description = "Analysis threads (default: number of cores).")
    Integer threads;
    @Option(names = "--retry-failed", description = "Analyse every failed photo again, also those that failed for a "
            + "permanent reason (corrupt, too large). Transient failures (unreadable, I/O) are retried by every scan.")
    boolean retryFailed;
    @Option(names = "--no-metadata-faces", description = "Do not read the face regions other programs wrote into the "
            + "photos or their XMP sidecars (by default their names become your decisions; see docs/METADATA.md).")
    boolean noMetadataFaces;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ScanOptions options = options();
        LibraryLocation location = library.location();
        // a dry run on a new library must not even create the catalog: opening one would
        FacetLibrary opened = dryRun && !location.exists() ? null : library.open(models);
        Catalog catalog = opened == null ? null : opened.catalog();
        Cancellation cancellation = new Cancellation();
        // SIGTERM and Ctrl+C cancel the scan without starting JVM shutdown (see ScanSignals for why)
        ScanSignals signals = new ScanSignals(cancellation);
        PrintWriter out = spec.commandLine().getOut();
        try (FacetLibrary open = opened;
             PhotoAnalyzer analyzer = open != null ? open.analyzer() : FacetLibrary.analyzerWithoutCatalog(location, models.options());
             ConsoleScanProgress progress = new ConsoleScanProgress(System.err)) {
            printHeader(location, analyzer, out);
            ScanSummary s = catalog == null
                    ? new NewLibraryPreview(location).preview(options, analyzer.describeDetector(), analyzer.embeddingModelId().orElse(null),
                            analyzer.embeddingUnavailableReason().orElse(null), progress, cancellation)
                    : new ScanService(catalog, analyzer).scan(options, progress, cancellation);
            progress.close();
            if (s.photosAnalysed() == 0) {
                ClassDataArchive.partialRun();
            }
            print(s, out);
            if (cancellation.reason() != null) {
                // a fault (disk full) stopped the scan: the partial summary above, the cause, exit 2
                out.println();
                out.println("Scan stopped: " + cancellation.reason() + ". Free some space and run the scan again; "
                        + "it continues with the photos still pending.");
                out.flush();
                return 2;
            }
            printEmbeddingFix(s, out);
            return signals.exitCode();
        } catch (ScanAlreadyRunningException e) {
            throw new UserError(e.getMessage());
        } finally {
            signals.close();
        }
    }

    private ScanOptions options() {
        for (Path f : folders) {
            if (!Files.isDirectory(f)) {
                throw new UserError("Folder not found: " + f.toAbsolutePath().normalize() + ".");
            }
        }
        int workers = threads == null ? Math.max(1, Runtime.getRuntime().availableProcessors()) : threads;
        try {
            return new ScanOptions(folders, dryRun, limit, workers, retryFailed, !noMetadataFaces);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }

    private static void printHeader(LibraryLocation location, PhotoAnalyzer analyzer, PrintWriter out) {
        out.println("Library:  " + location.root());
        out.println("Detector: " + analyzer.describeDetector());
        out.println("Embedding model: " + analyzer.embeddingModelId()
                .orElse("none (" + analyzer.embeddingUnavailableReason().orElse("unavailable") + ")"));
        out.flush();
    }

    /** Without an embedding model faces cannot be recognised: name the one command that fetches it. */
    private void printEmbeddingFix(ScanSummary s, PrintWriter out) {
        if (s.embeddingModel() != null) {
            return;
        }
        StringBuilder command = new StringBuilder("facet models download");
        if (models.modelsDir() != null) {
            command.append(" --models ").append(models.modelsDir().toAbsolutePath().normalize());
        } else if (library.library != null) {
            command.append(" --library ").append(library.location().root());
        }
        out.println();
        out.println("People cannot be recognised without an embedding model. To fix it, run once:");
        out.println("  " + command);
        out.flush();
    }

    static void print(ScanSummary s, PrintWriter out) {
        out.println();
        out.println((s.dryRun() ? "Dry run " : "Scan ") + s.status() + (s.dryRun() ? " (nothing written)" : "") + ":");
        out.printf("  photos seen       %d%n", s.photosSeen());
        out.printf("    new             %d%n", s.photosNew());
        out.printf("    unchanged       %d%n", s.photosUnchanged());
        out.printf("    changed         %d%n", s.photosChanged());
        out.printf("    moved           %d%n", s.photosMoved());
        out.printf("    missing         %d%n", s.photosMissing());
        if (s.dryRun()) {
            out.printf("  would analyse     %d%n", s.photosPending());
        } else {
            out.printf("  analysed          %d%n", s.photosAnalysed());
            out.printf("  failed            %d%n", s.photosFailed());
            for (Map.Entry<String, Long> e : s.failureReasons().entrySet()) {
                out.printf("    %-15s %d%n", e.getKey(), e.getValue());
            }
            out.printf("  faces found       %d%n", s.facesFound());
            out.printf("  no-face photos    %d%n", s.photosNoFaces());
            out.printf("  rejected writes   %d%n", s.rejectedWrites());
            out.printf("  flagged invalid   %d%n", s.invalidFlagged());
            out.printf("  still pending     %d%n", s.photosPending());
            out.printf("  decisions carried %d%n", s.decisionsCarried());
            if (s.decisionsNeedingReview() > 0) {
                out.printf("  %d decision%s need%s review: the face %s on is gone after an edit of the photo (facet decisions)%n",
                        s.decisionsNeedingReview(), s.decisionsNeedingReview() == 1 ? "" : "s",
                        s.decisionsNeedingReview() == 1 ? "s" : "", s.decisionsNeedingReview() == 1 ? "it was" : "they were");
            }
            ScanSummary.RegionTotals r = s.regions();
            out.printf("  region names      %d%n", r.namesApplied());
            out.printf("    changed there   %d%n", r.namesChanged());
            out.printf("  region faces      %d%n", r.facesAdded());
            out.printf("  region conflicts  %d%n", r.conflicts());
            out.printf("  region problems   %d%n", r.otherReview());
            out.printf("  deletions kept    %d%n", r.deletedKept());
            if (r.conflicts() + r.otherReview() > 0) {
                out.printf("  %d face region%s kept for review: Facet's decisions stand (facet decisions)%n",
                        r.conflicts() + r.otherReview(), r.conflicts() + r.otherReview() == 1 ? "" : "s");
            }
        }
        out.printf("  detector          %s%n", s.detector());
        out.printf("  embedding model   %s%n", s.embeddingModel() == null ? "none: " + s.embeddingNote() : s.embeddingModel());
        out.printf("  elapsed           %s (%.2f photos/s)%n", ConsoleScanProgress.seconds(s.elapsed()), s.photosPerSecond());
        if (s.photosFailed() > 0) {
            out.println("  (failed photos and reasons: facet photos | grep failed)");
        }
        out.flush();
    }
}
