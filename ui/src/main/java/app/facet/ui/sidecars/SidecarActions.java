package app.facet.ui.sidecars;

import app.facet.core.metadata.SidecarExport;
import app.facet.core.metadata.SidecarWriteMode;
import app.facet.core.settings.UserSettingsStore;
import app.facet.ui.dialogs.Dialogs;
import app.facet.ui.session.LibraryContext;
import app.facet.ui.session.LibrarySession;
import app.facet.ui.tasks.TaskRunner;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.stage.Window;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Names into XMP sidecars from the desktop: Tools → Write Names to Sidecars… (asks, writes every photo with named faces,
 * tells what happened) and the opt-in setting "Keep Sidecars in Sync" (remembered in the user settings): while it is
 * on, every change of the catalog (a name given, changed, merged, taken off …, which every people action announces
 * through {@link LibrarySession#catalogChanged()}) writes the sidecars again in the background
 * ({@link SidecarExport#sync}): only the photos whose named faces changed since Facet last wrote their sidecar are
 * read and written, so a change touches just the photos it affects. Photos are never modified.
 */
public final class SidecarActions {
    private final Window owner;
    private final LibrarySession session;
    private final TaskRunner tasks;
    private final UserSettingsStore settings;
    private final BooleanProperty keepInSync = new SimpleBooleanProperty();
    private final ReadOnlyObjectWrapper<SidecarExport.Summary> lastSync = new ReadOnlyObjectWrapper<>();
    /** Catalog revisions seen and synced: a change during a sync triggers one more when it ends. */
    private final AtomicLong wanted = new AtomicLong(), synced = new AtomicLong();
    private boolean syncing;

    public SidecarActions(Window owner, LibrarySession session, TaskRunner tasks, UserSettingsStore settings) {
        this.owner = owner;
        this.session = session;
        this.tasks = tasks;
        this.settings = settings;
        keepInSync.set(Boolean.TRUE.equals(settings.load().keepSidecarsInSync()));
        keepInSync.addListener((o, was, on) -> {
            tasks.background("Saving settings", (p, c) -> {
                settings.save(settings.load().withKeepSidecarsInSync(on));
                return null;
            }, null, null);
            if (on) {
                requestSync();
            }
        });
        session.revisionProperty().addListener((o, a, b) -> {
            if (keepInSync.get()) {
                requestSync();
            }
        });
    }

    /** "Keep Sidecars in Sync": on, names are written to the sidecars whenever they change. */
    public BooleanProperty keepInSyncProperty() {
        return keepInSync;
    }

    /** What the last automatic write did; null before the first. */
    public ReadOnlyObjectProperty<SidecarExport.Summary> lastSyncProperty() {
        return lastSync.getReadOnlyProperty();
    }

    /** Tools → Write Names to Sidecars…: asks, writes, then says what was written. */
    public void writeAll() {
        LibraryContext lib = session.library();
        if (lib == null || !Dialogs.confirm(owner, "Write names to sidecars",
                "Facet writes the names you gave faces into an XMP sidecar next to each photo (photo.jpg.xmp), where "
                        + "digiKam, Lightroom, ExifTool and other Facet libraries find them. Photos are not modified; "
                        + "an existing sidecar keeps everything else it holds.", "Write")) {
            return;
        }
        tasks.run("Writing names to sidecars", "photos", (p, c) -> lib.metadata().sidecars().write(null, null, SidecarWriteMode.WRITE,
                        w -> p.report(0, -1, w.photo().getFileName().toString())),
                s -> Dialogs.info(owner, "Names written to sidecars", describe(s)), null);
    }

    /** @return one sentence for a person */
    public static String describe(SidecarExport.Summary s) {
        return String.format(Locale.ROOT, "%d photos with named faces: %d sidecars created, %d updated, %d unchanged%s.",
                s.photos(), s.created(), s.updated(), s.unchanged(), s.refused() + s.failed() == 0 ? ""
                        : ", " + (s.refused() + s.failed()) + " not written (unreadable sidecar or I/O error, see the log)");
    }

    private void requestSync() {
        wanted.incrementAndGet();
        if (!syncing) {
            sync();
        }
    }

    private void sync() {
        LibraryContext lib = session.library();
        if (lib == null) {
            return;
        }
        syncing = true;
        long revision = wanted.get();
        // only the photos whose named faces changed since Facet last wrote their sidecar are read and written
        tasks.background("Keeping sidecars in sync", (p, c) -> lib.metadata().sidecars().sync(w -> {
        }), s -> {
            syncing = false;
            synced.set(revision);
            lastSync.set(s);
            if (wanted.get() != revision && keepInSync.get()) {
                sync();
            }
        }, error -> syncing = false);
    }
}
