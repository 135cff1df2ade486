package app.facet.app.desktop;

import app.facet.core.analysis.PhotoAnalyzer;
import app.facet.core.browse.FaceBrowser;
import app.facet.core.browse.PeopleBrowser;
import app.facet.core.browse.PhotoBrowser;
import app.facet.core.browse.ScanHistory;
import app.facet.core.catalog.Catalog;
import app.facet.core.catalog.LibraryLocation;
import app.facet.core.embedding.ModelDescriptions;
import app.facet.core.embedding.ModelDownloader;
import app.facet.core.settings.UserSettingsStore;
import app.facet.core.dashboard.FaceDashboard;
import app.facet.core.editor.FaceEditService;
import app.facet.core.editor.PhotoRedetector;
import app.facet.core.integrity.IntegrityChecker;
import app.facet.core.integrity.IntegrityRepairer;
import app.facet.core.library.FacetLibrary;
import app.facet.core.library.PeopleServices;
import app.facet.core.scan.ScanService;
import app.facet.core.thumbnails.DisplayImageLoader;
import app.facet.core.thumbnails.ThumbnailCache;
import app.facet.core.transfer.AssignmentExporter;
import app.facet.core.transfer.AssignmentRestorer;
import app.facet.core.catalog.CatalogChangeWatch;
import app.facet.ui.session.FaceQualityServices;
import app.facet.ui.session.LibraryContext;
import app.facet.ui.session.MetadataServices;
import app.facet.core.decisions.DecisionReview;
import app.facet.core.metadata.SidecarExport;
import app.facet.ui.session.LibraryOpener;
import app.facet.ui.session.ModelsInfo;

import java.time.Duration;

/** Opens a library through core's {@link FacetLibrary} and wires the core services the views use over it. */
final class CoreLibraryOpener implements LibraryOpener {
    private static final Duration DOWNLOAD_TIMEOUT = Duration.ofSeconds(30);
    private final DesktopOptions options;
    private final UserSettingsStore settings;

    CoreLibraryOpener(DesktopOptions options, UserSettingsStore settings) {
        this.options = options;
        this.settings = settings;
    }

    /** The explicit embedding model: the option (--embedding-model), else the one chosen in the window, else null. */
    private String chosenModelId() {
        return options.embeddingModelId() != null ? options.embeddingModelId() : settings.load().embeddingModel();
    }

    @Override
    public LibraryContext open(LibraryLocation location) {
        FacetLibrary library = FacetLibrary.open(location, options.models(), this::chosenModelId);
        Catalog catalog = library.catalog();
        PhotoAnalyzer analyzer = library.analyzer();
        ThumbnailCache thumbnails = ThumbnailCache.forLibrary(location);
        PeopleServices people = library.people();
        FaceEditService editor = new FaceEditService(catalog, analyzer);
        CatalogChangeWatch changes = CatalogChangeWatch.open(catalog);
        return new LibraryContext(location, new PhotoBrowser(catalog), new PeopleBrowser(catalog), new FaceBrowser(catalog),
                new ScanHistory(catalog), thumbnails, new DisplayImageLoader(), new ScanService(catalog, analyzer),
                people.people(), people.clusters(), people.recognition(),
                new IntegrityChecker(catalog), new IntegrityRepairer(catalog), new AssignmentExporter(catalog), new AssignmentRestorer(catalog, editor),
                new FaceQualityServices(new FaceDashboard(catalog), editor,
                        new PhotoRedetector(catalog, analyzer)),
                () -> new ModelsInfo(analyzer.describeDetector(), analyzer.embeddingModelId().orElse(null),
                        analyzer.embeddingUnavailableReason().orElse(null), library.models().path()),
                new DesktopModelSetup(library.models().path(), ModelDescriptions.shipped(), settings, this::chosenModelId,
                        new ModelDownloader(DOWNLOAD_TIMEOUT), library::reloadModels),
                changes,
                () -> {
                    changes.close();
                    thumbnails.close();
                    library.close();
                },
                new MetadataServices(new DecisionReview(catalog), new SidecarExport(catalog)));
    }
}
