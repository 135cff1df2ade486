package app.facet.app.desktop;

import app.facet.core.browse.FaceBrowser;
import app.facet.core.browse.PeopleBrowser;
import app.facet.core.browse.PhotoBrowser;
import app.facet.core.browse.ScanHistory;
import app.facet.core.catalog.Catalog;
import app.facet.core.catalog.LibraryLocation;
import app.facet.core.embedding.ModelDescriptions;
import app.facet.core.embedding.ModelDownloader;
import app.facet.core.settings.UserSettingsStore;
import app.facet.core.integrity.IntegrityChecker;
import app.facet.core.integrity.IntegrityRepairer;
import app.facet.core.dashboard.FaceDashboard;
import app.facet.core.editor.FaceEditService;
import app.facet.core.editor.PhotoRedetector;
import app.facet.core.people.ClusterService;
import app.facet.core.people.ModelThresholds;
import app.facet.core.people.PeopleService;
import app.facet.core.people.RecognitionService;
import app.facet.core.people.SeedQuality;
import app.facet.core.people.ThresholdsByModel;
import app.facet.core.people.UndoHistory;
import app.facet.core.scan.ScanService;
import app.facet.core.thumbnails.DisplayImageLoader;
import app.facet.core.thumbnails.ThumbnailCache;
import app.facet.core.transfer.AssignmentExporter;
import app.facet.ui.session.FaceQualityServices;
import app.facet.ui.session.LibraryContext;
import app.facet.ui.session.LibraryOpener;
import app.facet.ui.session.ModelsInfo;

import java.nio.file.Path;
import java.time.Duration;

/** Opens a library's catalog and wires the core services the views use over it. */
final class CoreLibraryOpener implements LibraryOpener {
    private static final Duration DOWNLOAD_TIMEOUT = Duration.ofSeconds(30);
    private final DesktopOptions options;
    private final AnalyzerFactory analyzers;
    private final UserSettingsStore settings;

    /** @param analyzers the analyzer factory, or null for the standard one with the embedding model in force */
    CoreLibraryOpener(DesktopOptions options, AnalyzerFactory analyzers, UserSettingsStore settings) {
        this.options = options;
        this.analyzers = analyzers;
        this.settings = settings;
    }

    /** The explicit embedding model: the option (--embedding-model), else the one chosen in the window, else null. */
    private String chosenModelId() {
        return options.embeddingModelId() != null ? options.embeddingModelId() : settings.load().embeddingModel();
    }

    @Override
    public LibraryContext open(LibraryLocation location) {
        Catalog catalog = Catalog.open(location);
        Path modelsDir = options.modelsDirFor(location);
        LazyPhotoAnalyzer analyzer = new LazyPhotoAnalyzer(() -> (analyzers != null ? analyzers : AnalyzerFactory.standard(chosenModelId()))
                .create(modelsDir));
        ThumbnailCache thumbnails = ThumbnailCache.forLibrary(location);
        // one undo history for every people edit of this session, whichever service made it
        UndoHistory history = new UndoHistory();
        ThresholdsByModel thresholds = ModelThresholds.shipped();
        return new LibraryContext(location, new PhotoBrowser(catalog), new PeopleBrowser(catalog), new FaceBrowser(catalog),
                new ScanHistory(catalog), thumbnails, new DisplayImageLoader(), new ScanService(catalog, analyzer),
                new PeopleService(catalog, history),
                new ClusterService(catalog, thresholds, SeedQuality.DEFAULTS, history),
                new RecognitionService(catalog, thresholds, history),
                new IntegrityChecker(catalog), new IntegrityRepairer(catalog), new AssignmentExporter(catalog),
                new FaceQualityServices(new FaceDashboard(catalog), new FaceEditService(catalog, analyzer),
                        new PhotoRedetector(catalog, analyzer)),
                () -> new ModelsInfo(analyzer.describeDetector(), analyzer.embeddingModelId().orElse(null),
                        analyzer.embeddingUnavailableReason().orElse(null), modelsDir),
                new DesktopModelSetup(modelsDir, ModelDescriptions.shipped(), settings, this::chosenModelId,
                        new ModelDownloader(DOWNLOAD_TIMEOUT), analyzer),
                () -> {
                    thumbnails.close();
                    analyzer.close();
                });
    }
}
