package app.facet.ui.session;

import app.facet.core.browse.FaceBrowser;
import app.facet.core.browse.PeopleBrowser;
import app.facet.core.browse.PhotoBrowser;
import app.facet.core.browse.ScanHistory;
import app.facet.core.catalog.LibraryLocation;
import app.facet.core.integrity.IntegrityChecker;
import app.facet.core.integrity.IntegrityRepairer;
import app.facet.core.people.ClusterService;
import app.facet.core.people.PeopleService;
import app.facet.core.people.RecognitionService;
import app.facet.core.scan.ScanService;
import app.facet.core.thumbnails.DisplayImageLoader;
import app.facet.core.thumbnails.ThumbnailCache;
import app.facet.core.transfer.AssignmentExporter;
import app.facet.core.transfer.AssignmentRestorer;
import app.facet.core.catalog.CatalogChangeWatch;

import java.util.concurrent.Callable;

/**
 * The core services of one open library, as the views use them. Built by the app's wiring (which owns the
 * catalog and the face analyzer); closed when another library is opened or the app quits.
 *
 * @param peopleService the user's corrections to people (rename, merge, assign…), with this session's undo history
 * @param clusters      groups unknown faces and names groups (same undo history)
 * @param recognition   recognises unknown faces against named people, and the suggestions to review (same undo history)
 * @param integrity     checks the catalog (quick at start-up, full on request), changing nothing
 * @param repairer      plans and applies repairs (backup first)
 * @param exporter      exports persons and face assignments (File → Export…)
 * @param restorer      applies such an export to this library, or plans it as a dry run (File → Restore…)
 * @param faceQuality the face quality dashboard's and the crop editor's services
 * @param models describes the face models this library's scans use; may load them, so call it off the UI thread
 * @param modelSetup gets the embedding model into this library's models folder (download or a file the user has)
 * @param changes    tells whether another process (a CLI scan, {@code facet people ...}) changed the catalog; closed by
 *                   {@code closer}
 * @param closer releases what the wiring opened for this library (thumbnail workers, face analyzer)
 * @param metadata decisions needing review, and the names written to XMP sidecars
 */
public record LibraryContext(LibraryLocation location, PhotoBrowser photos, PeopleBrowser people, FaceBrowser faces,
                             ScanHistory history, ThumbnailCache thumbnails, DisplayImageLoader images, ScanService scans,
                             PeopleService peopleService, ClusterService clusters, RecognitionService recognition,
                             IntegrityChecker integrity, IntegrityRepairer repairer, AssignmentExporter exporter, AssignmentRestorer restorer,
                             FaceQualityServices faceQuality, Callable<ModelsInfo> models, ModelSetup modelSetup,
                             CatalogChangeWatch changes, AutoCloseable closer, MetadataServices metadata) implements AutoCloseable {
    @Override
    public void close() throws Exception {
        closer.close();
    }
}
