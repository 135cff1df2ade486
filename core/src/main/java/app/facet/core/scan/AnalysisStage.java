package app.facet.core.scan;

import app.facet.core.analysis.PhotoAnalysis;
import app.facet.core.imaging.PhotoAnalysisException;
import app.facet.core.analysis.PhotoAnalyzer;
import app.facet.core.catalog.PendingPhoto;
import app.facet.core.metadata.PreparedRegions;
import app.facet.core.metadata.RegionPreparer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Stage 2 of a scan: runs the {@link PhotoAnalyzer} on each pending photo on the bounded worker pool and writes its
 * display crop files. No catalog access: each photo's {@link PhotoResult} goes to a sink, on the worker thread.
 */
final class AnalysisStage {
    private static final Logger log = LoggerFactory.getLogger(AnalysisStage.class);

    private final PhotoAnalyzer analyzer;
    private final CropFiles crops;
    private final long runId;
    /** Reads the photos' face regions (XMP, sidecars); null when the scan skips them ({@code --no-metadata-faces}). */
    private final RegionPreparer regions;

    AnalysisStage(PhotoAnalyzer analyzer, CropFiles crops, long runId) {
        this(analyzer, crops, runId, true);
    }

    AnalysisStage(PhotoAnalyzer analyzer, CropFiles crops, long runId, boolean readRegions) {
        this.analyzer = analyzer;
        this.crops = crops;
        this.runId = runId;
        this.regions = readRegions ? new RegionPreparer() : null;
    }

    /** Analyses {@code photos} on {@code pool}, handing each result to {@code sink}; photos not started when cancelled stay pending. */
    void run(List<PendingPhoto> photos, WorkerPool pool, Cancellation cancellation, Consumer<PhotoResult> sink) {
        pool.forEach(photos, cancellation, photo -> sink.accept(analyse(photo)));
    }

    /** @return the photo's faces and crop files, or why it could not be analysed (never throws for a bad file) */
    PhotoResult analyse(PendingPhoto photo) {
        PhotoAnalysis analysis;
        try {
            analysis = analyzer.analyze(Path.of(photo.path()));
        } catch (PhotoAnalysisException e) {
            return new PhotoResult.Failed(photo, e.reason().code() + ": " + e.getMessage());
        } catch (RuntimeException e) {
            log.error("event=analysis_error photo=\"{}\"", photo.path(), e);
            return new PhotoResult.Failed(photo, "analysis_error: " + e);
        }
        List<String> written = new ArrayList<>();
        try {
            crops.write(photo.id(), runId, analysis.faces(), written);
        } catch (IOException e) {
            CropFiles.deleteQuietly(written);
            return new PhotoResult.Failed(photo, "crop_write_failed: cannot write face crops to " + crops.folder() + ": "
                    + e.getMessage());
        }
        return new PhotoResult.Analysed(photo, analysis, written, regionsOf(photo, analysis));
    }

    /** Face regions are read here, on the worker thread, so the single writer thread only writes. */
    private PreparedRegions regionsOf(PendingPhoto photo, PhotoAnalysis analysis) {
        if (regions == null) {
            return PreparedRegions.NONE;
        }
        Path file = Path.of(photo.path());
        return regions.prepare(file, analysis, box -> analyzer.analyzeBox(file, box),
                (number, face) -> crops.writeRegion(photo.id(), runId, number, face));
    }
}
