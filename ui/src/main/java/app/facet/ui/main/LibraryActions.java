package app.facet.ui.main;

import app.facet.ui.dialogs.Dialogs;
import app.facet.core.catalog.LibraryLocation;
import app.facet.core.scan.ScanOptions;
import app.facet.core.scan.ScanPhase;
import app.facet.core.scan.ScanSummary;
import app.facet.core.settings.UserSettings;
import app.facet.ui.session.LibraryContext;
import app.facet.ui.session.LibrarySession;
import app.facet.ui.tasks.TaskRunner;
import javafx.application.Platform;
import javafx.beans.property.StringProperty;
import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/** File menu actions: add a folder (and scan it), rescan, open another library. Each runs as a foreground task. */
final class LibraryActions {
    private static final Logger log = LoggerFactory.getLogger(LibraryActions.class);

    private final Window owner;
    private final LibrarySession session;
    private final DesktopServices services;
    private final StringProperty status;

    LibraryActions(Window owner, LibrarySession session, DesktopServices services, StringProperty status) {
        this.owner = owner;
        this.session = session;
        this.services = services;
        this.status = status;
    }

    void addFolder() {
        if (session.library() == null) {
            return;
        }
        services.folders().choose(owner, "Add a folder of photos").ifPresent(folder -> scan(List.of(folder)));
    }

    void rescan() {
        LibraryContext library = session.library();
        if (library == null) {
            return;
        }
        services.tasks().background("Reading scan history", (p, c) -> library.history().roots(), roots -> {
            if (roots.isEmpty()) {
                status.set("This library has no folders yet: use File → Add Folder….");
            } else {
                scan(roots);
            }
        }, null);
    }

    /** Scans {@code roots} into the open library; the views reload at each phase and at the end. */
    void scan(List<Path> roots) {
        LibraryContext library = session.library();
        if (library == null) {
            return;
        }
        String names = roots.stream().map(p -> p.getFileName() == null ? p.toString() : p.getFileName().toString())
                .collect(Collectors.joining(", "));
        AtomicReference<ScanPhase> phase = new AtomicReference<>();
        services.tasks().run("Scanning " + names, "photos", (progress, cancellation) -> stopReason(cancellation,
                library.scans().scan(ScanOptions.of(roots), p -> {
                    if (phase.getAndSet(p.phase()) != p.phase()) {
                        // new photos are in the catalog once cataloguing ends: show them while faces are found
                        Platform.runLater(session::catalogChanged);
                    }
                    String file = p.current() == null ? "" : " " + Path.of(p.current()).getFileName();
                    progress.report(p.done(), p.total(), phaseLabel(p.phase()) + file);
                }, cancellation)),
                summary -> {
                    status.set(describe(summary));
                    log.info("event=scan_finished status={} photos_seen={} faces={} metadata_names_applied={} metadata_conflicts={}",
                            summary.status(), summary.photosSeen(), summary.facesFound(), summary.regions().namesApplied(),
                            summary.regions().conflicts());
                    session.catalogChanged();
                },
                error -> {
                    session.catalogChanged(); // a failed scan may still have catalogued some photos
                    Dialogs.error(owner, "The scan failed", TaskRunner.describe(error));
                });
    }

    /** A fault (disk full) that stopped the scan is shown as the error it is, not as a user's cancel. */
    private static app.facet.core.scan.ScanSummary stopReason(app.facet.core.scan.Cancellation c, app.facet.core.scan.ScanSummary s) {
        if (c.reason() != null) {
            throw new IllegalStateException("The scan stopped: " + c.reason() + ". Free some space and scan again; "
                    + "it continues with the photos still pending.");
        }
        return s;
    }

        void openLibrary() {
        UserSettings settings = services.settings().load();
        new OpenLibraryDialog(owner, settings.libraries(), services.folders()).ask().ifPresent(this::open);
    }

    /** Opens a library (off the UI thread), shows it, remembers it, and closes the one shown before. */
    void open(LibraryLocation location) {
        services.tasks().run("Opening library " + location.root(), "steps", (p, c) -> services.opener().open(location), context -> {
            LibraryContext previous = session.library();
            session.filterProperty().set(app.facet.core.browse.PhotoFilter.ALL);
            session.libraryProperty().set(context);
            remember(location);
            if (previous != null) {
                services.tasks().background("Closing library", (p, c) -> {
                    previous.close();
                    return null;
                }, null, null);
            }
        }, error -> Dialogs.error(owner, "Cannot open the library " + location.root(), TaskRunner.describe(error)));
    }

    private void remember(LibraryLocation location) {
        services.tasks().background("Saving settings", (p, c) -> {
            services.settings().save(services.settings().load().withOpened(location.root()));
            return null;
        }, null, null);
    }

    static String phaseLabel(ScanPhase phase) {
        return switch (phase) {
            case WALKING -> "listing files";
            case CATALOGUING -> "cataloguing";
            case ANALYSING -> "finding faces";
            case FINISHING -> "finishing";
        };
    }

    static String describe(ScanSummary s) {
        StringBuilder sb = new StringBuilder("Scan ").append(s.status().toLowerCase(Locale.ROOT)).append(": ")
                .append(s.photosSeen()).append(" photos seen, ").append(s.photosNew()).append(" new, ")
                .append(s.facesFound()).append(" faces found");
        if (s.photosFailed() > 0) {
            sb.append(", ").append(s.photosFailed()).append(" failed");
        }
        if (s.photosPending() > 0) {
            sb.append(", ").append(s.photosPending()).append(" left for the next scan");
        }
        ScanSummary.RegionTotals r = s.regions();
        if (r.namesApplied() > 0) {
            sb.append(", ").append(r.namesApplied()).append(r.namesApplied() == 1 ? " name" : " names").append(" from photo metadata");
        }
        if (r.conflicts() + r.otherReview() > 0) {
            sb.append(", ").append(r.conflicts() + r.otherReview()).append(" face regions to review");
        }
        sb.append(String.format(Locale.ROOT, " in %.1f s", s.elapsed().toMillis() / 1000.0));
        if (s.embeddingModel() == null) {
            // the reason is long and the status line short: the banner above the photos says it in full
            sb.append("; not recognised: no embedding model");
        }
        return sb.toString();
    }
}
