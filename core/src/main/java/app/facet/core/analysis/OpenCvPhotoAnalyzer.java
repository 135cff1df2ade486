package app.facet.core.analysis;

import app.facet.core.alignment.FaceAligner;
import app.facet.core.detection.DetectedFace;
import app.facet.core.embedding.EmbeddingModelDescription;
import app.facet.core.embedding.FileHashCache;
import app.facet.core.embedding.ModelDescriptions;
import app.facet.core.embedding.ModelLocator;
import app.facet.core.embedding.ModelLookup;
import app.facet.core.embedding.OnnxEmbedder;
import app.facet.core.imaging.DecodedPhoto;
import app.facet.core.imaging.EncodedPhoto;
import app.facet.core.imaging.EncodedPhotoReader;
import app.facet.core.imaging.ImageHeader;
import app.facet.core.imaging.PhotoAnalysisException;
import app.facet.core.imaging.PhotoAnalysisException.Reason;
import app.facet.core.imaging.PhotoDecoder;
import app.facet.core.quality.FaceQualityEstimator;
import app.facet.model.BoundingBox;
import app.facet.model.Landmarks;
import app.facet.model.QualityMetrics;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.bytedeco.opencv.global.opencv_core.setNumThreads;

/**
 * The face pipeline on OpenCV (bytedeco) and ONNX Runtime: read and check the file, decode (reduced for big
 * JPEGs) with EXIF orientation applied, detect (YuNet on a downscaled copy, uncertain detections verified;
 * Haar fallback), re-decode finer when a face is too small for alignment at the reduced scale, align to the
 * 112x112 template, measure quality, render the display crop, embed all faces of the photo in one batch.
 * <p>
 * Thread-safe: any number of threads may call {@link #analyze} at once; each borrows a detector from a pool of
 * {@link #DETECTORS} (detectors keep per-call state; a thread waits when all are busy), the ONNX session is shared.
 * <p>
 * Construct once per scan: {@code new OpenCvPhotoAnalyzer(AnalyzerConfig.defaults(modelFolder).withEmbeddingModelId(id))}.
 */
public final class OpenCvPhotoAnalyzer implements PhotoAnalyzer {

    private static final Logger log = LoggerFactory.getLogger(OpenCvPhotoAnalyzer.class);
    public static final String MANUAL_DETECTOR = app.facet.core.rules.ManualBox.DETECTOR;
    /** Largest detection input used when re-detecting landmarks inside a user's box. */
    private static final int MANUAL_REGION_DETECTION_SIZE = 640;
    /**
     * Detectors (YuNet nets) shared by the analysis threads. A net sized for the 1280 px detection image holds
     * ~100 MB of layer buffers, so one per thread doubled a 2-worker scan's memory; detection is ~60% of a photo's
     * time, so one net per two threads keeps both busy (docs/PERFORMANCE.md, issue 14). {@code -Dfacet.detectors=N}
     * overrides it.
     */
    static final int DETECTORS = Integer.getInteger("facet.detectors", Math.max(1, Runtime.getRuntime().availableProcessors() / 2));

    private final AnalyzerConfig config;
    private final EncodedPhotoReader reader;
    private final PhotoDecoder decoder = new PhotoDecoder();
    private final FaceAligner aligner = new FaceAligner();
    private final FaceQualityEstimator quality = new FaceQualityEstimator();
    private final DisplayCropRenderer crops = new DisplayCropRenderer();
    private final DetectorChoice detectorChoice;
    private final OnnxEmbedder embedder;
    private final String embeddingUnavailableReason;
    private final ConcurrentLinkedDeque<DetectionWorker> idleWorkers = new ConcurrentLinkedDeque<>();
    private final ConcurrentLinkedDeque<DetectionWorker> allWorkers = new ConcurrentLinkedDeque<>();
    private final Semaphore detectorPermits = new Semaphore(DETECTORS, true);
    private final LargeDecodeGate largeDecodes = new LargeDecodeGate();
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * Uses the model descriptions shipped with Facet.
     *
     * @throws IllegalStateException when a verified model file cannot be loaded by OpenCV / ONNX Runtime
     */
    public OpenCvPhotoAnalyzer(AnalyzerConfig config) {
        this(config, new ModelLocator(config.modelFolder(), ModelDescriptions.shipped(),
                config.hashCacheFile() == null ? FileHashCache.inMemory() : new FileHashCache(config.hashCacheFile())));
    }

    /** @param locator where to find models (its folder wins over {@code config.modelFolder()}) */
    public OpenCvPhotoAnalyzer(AnalyzerConfig config, ModelLocator locator) {
        this.config = config;
        this.reader = new EncodedPhotoReader(config.pixelLimit());
        if (config.singleThreadedNative()) {
            setNumThreads(1);
        }
        this.detectorChoice = DetectorChoice.choose(locator, config.builtInDetector());
        log.info("event=detector_selected detector={} reason=\"{}\" models={}", detectorChoice.detectorId(), detectorChoice.reason(), locator.folder());
        ModelLookup<EmbeddingModelDescription> lookup = locator.findEmbeddingModel(config.embeddingModelId());
        if (lookup.model() != null) {
            this.embedder = new OnnxEmbedder(lookup.model(), config.singleThreadedNative() ? 1 : 0);
            this.embeddingUnavailableReason = null;
            log.info("event=embedding_model_selected model={} file={}", lookup.model().description().id(), lookup.model().file());
        } else {
            this.embedder = null;
            this.embeddingUnavailableReason = lookup.unavailableReason();
            log.warn("event=embedding_model_unavailable reason=\"{}\"", embeddingUnavailableReason);
        }
        // Fail now, not in the first worker, when the detector model cannot be loaded.
        release(borrow());
    }

    @Override
    public PhotoAnalysis analyze(Path photo) throws PhotoAnalysisException {
        ensureOpen();
        try (LargeDecodeGate.Pass pass = largeDecodes.pass()) {
            DecodedPhoto decoded;
            try (EncodedPhoto encoded = reader.read(photo)) {
                int reduction = PhotoDecoder.reductionFor(encoded.header(), config.detectionSize() == 0 ? Integer.MAX_VALUE : config.detectionSize());
                decoded = decode(encoded, reduction, pass);
            }
            ImageHeader header = decoded.header();
            Prepared prepared;
            int width;
            int height;
            try {
                List<DetectedFace> faces = detectInFullResolution(decoded, photo);
                int needed = reductionForAlignment(faces, decoded.reduction());
                if (needed < decoded.reduction()) {
                    // the coarse pixels go first: the finer decode is the largest buffer of the photo
                    close(decoded);
                    decoded = decodeAgain(photo, header, needed, pass);
                }
                prepared = prepare(decoded, faces);
                width = decoded.width();
                height = decoded.height();
            } finally {
                close(decoded);
            }
            // Embedding (the longest step of a crowd photo) runs after the photo's pixels are freed, still inside a
            // large photo's pass: the other worker's decode and detection overlap it, but not a second photo's
            // full-resolution pixels (LargeDecodeGate).
            List<AnalyzedFace> analyzed = embed(prepared, detectorChoice.detectorId());
            return new PhotoAnalysis(width, height, header.orientation(), header.takenAt(),
                    detectorChoice.detectorId(), embeddingModelId().orElse(null), analyzed);
        } catch (RuntimeException e) {
            throw new PhotoAnalysisException(Reason.ANALYSIS_ERROR, "Face analysis failed: " + e.getMessage() + ".", e);
        }
    }

    /**
     * Reads the file again for a finer decode: its bytes are not kept through detection (a camera photo's 4-12 MB per
     * worker), and only photos with faces too small for the first decode need them again.
     *
     * @throws PhotoAnalysisException as {@link EncodedPhotoReader#read}, or ANALYSIS_ERROR when the file's image changed
     *                                size or orientation meanwhile (the faces found would not fit its pixels)
     */
    private DecodedPhoto decodeAgain(Path photo, ImageHeader first, int reduction, LargeDecodeGate.Pass pass) throws PhotoAnalysisException {
        try (EncodedPhoto encoded = reader.read(photo)) {
            ImageHeader now = encoded.header();
            if (now.orientedWidth() != first.orientedWidth() || now.orientedHeight() != first.orientedHeight()) {
                throw new PhotoAnalysisException(Reason.ANALYSIS_ERROR, "The file changed while it was analysed (its image is now "
                        + now.orientedWidth() + " x " + now.orientedHeight() + "); it is analysed again at the next scan.");
            }
            return decode(encoded, reduction, pass);
        }
    }

    /** Decodes at {@code reduction}, taking the gate first when the decode is large; the caller's pass gives it back when closed. */
    private DecodedPhoto decode(EncodedPhoto encoded, int reduction, LargeDecodeGate.Pass pass) throws PhotoAnalysisException {
        pass.admit(encoded.header(), reduction);
        return decoder.decode(encoded, reduction);
    }

    /** Frees a decode (idempotent) and, when it was large, hands its pages back; the pass stays held until the photo is done. */
    private static void close(DecodedPhoto decoded) {
        if (decoded.bgr().isNull()) {
            return;
        }
        boolean large = (long) decoded.bgr().cols() * decoded.bgr().rows() >= LargeDecodeGate.LARGE_PIXELS;
        decoded.close();
        if (large) {
            // A freed multi-megabyte decode stays resident inside malloc's heap (it is not at the top, so
            // free() cannot return it); malloc_trim hands such pages back (docs/PERFORMANCE.md, issue 14).
            Pointer.trimMemory();
        }
    }

    @Override
    public AnalyzedFace analyzeBox(Path photo, BoundingBox box) throws PhotoAnalysisException {
        ensureOpen();
        try (EncodedPhoto encoded = reader.read(photo)) {
            return analyzeBox(encoded, box);
        }
    }

    private AnalyzedFace analyzeBox(EncodedPhoto encoded, BoundingBox box) throws PhotoAnalysisException {
        ImageHeader header = encoded.header();
        BoundingBox clipped = box.clippedTo(header.orientedWidth(), header.orientedHeight());
        if (clipped == null) {
            throw new PhotoAnalysisException(Reason.ANALYSIS_ERROR, "The box " + box + " lies outside the "
                    + header.orientedWidth() + " x " + header.orientedHeight() + " image.");
        }
        // decode fine enough that the box is at least 112 px wide, when the file allows it
        int reduction = 1;
        while (reduction < 8 && Math.min(clipped.w(), clipped.h()) / (reduction * 2) >= FaceAligner.SIZE) {
            reduction *= 2;
        }
        try (LargeDecodeGate.Pass pass = largeDecodes.pass(); DecodedPhoto decoded = decode(encoded, reduction, pass)) {
            Landmarks landmarks = null;
            // No detector vouched for this box: the user's word is kept by the row itself (detector = manual), the
            // detection score says what detectors saw, so a box drawn on hair cannot pose as a certain face.
            double score = 0.0;
            DetectedFace redetected = redetectInside(decoded, clipped);
            if (redetected != null) {
                landmarks = redetected.landmarks();
                score = redetected.score();
            }
            Prepared prepared = prepare(decoded, List.of(new DetectedFace(clipped, landmarks, score)));
            return embed(prepared, MANUAL_DETECTOR).get(0);
        } catch (RuntimeException e) {
            throw new PhotoAnalysisException(Reason.ANALYSIS_ERROR, "Face analysis of the box failed: " + e.getMessage() + ".", e);
        }
    }

    /** @return verified faces in full-resolution oriented pixels, clipped to the image, left to right */
    private List<DetectedFace> detectInFullResolution(DecodedPhoto decoded, Path photo) {
        DetectionWorker worker = borrow();
        List<DetectedFace> found;
        try {
            found = worker.detect(decoded.bgr(), config.detectionSize(), photo);
        } finally {
            release(worker);
        }
        List<DetectedFace> out = new ArrayList<>(found.size());
        for (DetectedFace f : found) {
            DetectedFace full = f.mapped(decoded.scaleX(), decoded.scaleY(), 0, 0).clippedTo(decoded.width(), decoded.height());
            if (full != null) {
                out.add(full);
            }
        }
        out.sort(Comparator.comparingDouble((DetectedFace f) -> f.box().x()).thenComparingDouble(f -> f.box().y()));
        return out;
    }

    /**
     * A reduced decode is fine for detection, but alignment enlarges a face whose eyes are closer than the
     * template's 35 px: then decode again at the reduction that keeps the smallest face's eye distance at
     * or above it (or at full resolution).
     */
    static int reductionForAlignment(List<DetectedFace> facesFullRes, int reduction) {
        int r = reduction;
        for (DetectedFace f : facesFullRes) {
            double eyeDistance = f.landmarks() != null
                    ? Math.hypot(f.landmarks().leftEye().x() - f.landmarks().rightEye().x(), f.landmarks().leftEye().y() - f.landmarks().rightEye().y())
                    : 0.4 * f.box().w();
            while (r > 1 && eyeDistance / r < FaceAligner.TEMPLATE_EYE_DISTANCE) {
                r /= 2;
            }
        }
        return r;
    }

    private DetectedFace redetectInside(DecodedPhoto decoded, BoundingBox boxFull) {
        double sx = decoded.scaleX(), sy = decoded.scaleY();
        BoundingBox box = new BoundingBox(boxFull.x() / sx, boxFull.y() / sy, boxFull.w() / sx, boxFull.h() / sy);
        double grow = 0.5 * Math.max(box.w(), box.h());
        BoundingBox region = new BoundingBox(box.x() - grow, box.y() - grow, box.w() + 2 * grow, box.h() + 2 * grow)
                .clippedTo(decoded.bgr().cols(), decoded.bgr().rows());
        if (region == null || region.w() < 2 || region.h() < 2) {
            return null;
        }
        int x0 = (int) Math.floor(region.x()), y0 = (int) Math.floor(region.y());
        int w = (int) Math.min(decoded.bgr().cols() - x0, Math.ceil(region.w())), h = (int) Math.min(decoded.bgr().rows() - y0, Math.ceil(region.h()));
        DetectionWorker worker = borrow();
        try (Rect rect = new Rect(x0, y0, w, h); Mat crop = new Mat(decoded.bgr(), rect)) {
            BoundingBox inCrop = new BoundingBox(box.x() - x0, box.y() - y0, box.w(), box.h());
            DetectedFace best = null;
            double bestIou = 0.3;
            for (DetectedFace f : worker.detectUnverified(crop, MANUAL_REGION_DETECTION_SIZE)) {
                double iou = f.box().iou(inCrop);
                if (iou >= bestIou && f.landmarks() != null) {
                    best = f;
                    bestIou = iou;
                }
            }
            return best == null ? null : best.mapped(sx, sy, x0 * sx, y0 * sy);
        } finally {
            release(worker);
        }
    }

    /**
     * The faces of one photo cut out of its pixels, ready for embedding.
     *
     * @param faces   detections in full-resolution oriented pixels
     * @param aligned 112x112 BGR alignment of each face (owned: closed by {@link #embed})
     * @param metrics quality of each face
     * @param jpegs   display crop of each face, JPEG bytes
     */
    private record Prepared(List<DetectedFace> faces, List<Mat> aligned, List<QualityMetrics> metrics, List<byte[]> jpegs) {
    }

    /** Aligns, measures and crops faces given in full-resolution pixels; {@code decoded} may be freed afterwards. */
    private Prepared prepare(DecodedPhoto decoded, List<DetectedFace> facesFull) {
        double sx = decoded.scaleX(), sy = decoded.scaleY();
        Prepared p = new Prepared(facesFull, new ArrayList<>(facesFull.size()), new ArrayList<>(facesFull.size()),
                new ArrayList<>(facesFull.size()));
        try {
            for (DetectedFace f : facesFull) {
                DetectedFace local = f.mapped(1 / sx, 1 / sy, 0, 0);
                Mat a = local.landmarks() != null ? aligner.align(decoded.bgr(), local.landmarks()) : aligner.alignBox(decoded.bgr(), local.box());
                p.aligned().add(a);
                p.metrics().add(quality.estimate(a, f.box(), f.landmarks(), f.score()));
                p.jpegs().add(crops.render(decoded.bgr(), local.box()));
            }
            return p;
        } catch (RuntimeException e) {
            p.aligned().forEach(Mat::close);
            throw e;
        }
    }

    /** Embeds the prepared faces of one photo (in runs, {@link OnnxEmbedder}) and frees their aligned pixels. */
    private List<AnalyzedFace> embed(Prepared p, String detectorId) {
        try {
            float[][] embeddings = embedder == null ? null : embedder.embed(p.aligned());
            List<AnalyzedFace> out = new ArrayList<>(p.faces().size());
            for (int i = 0; i < p.faces().size(); i++) {
                DetectedFace f = p.faces().get(i);
                out.add(new AnalyzedFace(f.box(), f.landmarks(), f.score(), detectorId, p.metrics().get(i),
                        embeddings == null ? null : embeddings[i], p.jpegs().get(i)));
            }
            return out;
        } finally {
            p.aligned().forEach(Mat::close);
        }
    }

    private DetectionWorker borrow() {
        detectorPermits.acquireUninterruptibly();
        DetectionWorker w = idleWorkers.pollFirst();
        if (w == null) {
            w = new DetectionWorker(detectorChoice, config);
            allWorkers.add(w);
        }
        return w;
    }

    private void release(DetectionWorker w) {
        if (!closed.get()) {
            idleWorkers.addFirst(w);
        }
        detectorPermits.release();
    }

    private void ensureOpen() {
        if (closed.get()) {
            throw new IllegalStateException("the analyzer is closed");
        }
    }

    @Override
    public String detectorId() {
        return detectorChoice.detectorId();
    }

    /** @return why this detector runs, one sentence (e.g. why YuNet was not used) */
    public String detectorReason() {
        return detectorChoice.reason();
    }

    @Override
    public Optional<String> embeddingModelId() {
        return embedder == null ? Optional.empty() : Optional.of(embedder.description().id());
    }

    @Override
    public Optional<Integer> embeddingDimension() {
        return embedder == null ? Optional.empty() : Optional.of(embedder.dimension());
    }

    @Override
    public Optional<String> embeddingModelSha256() {
        return embedder == null ? Optional.empty() : Optional.of(embedder.sha256());
    }

    /** @return the description (thresholds etc.) of the embedding model in use */
    public Optional<EmbeddingModelDescription> embeddingModel() {
        return embedder == null ? Optional.empty() : Optional.of(embedder.description());
    }

    @Override
    public Optional<String> embeddingUnavailableReason() {
        return Optional.ofNullable(embeddingUnavailableReason);
    }

    @Override
    public String describeDetector() {
        return detectorChoice.description();
    }

    public AnalyzerConfig config() {
        return config;
    }

    /** Closes native resources. Call only after every analyze call has returned. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        allWorkers.forEach(DetectionWorker::close);
        allWorkers.clear();
        idleWorkers.clear();
        if (embedder != null) {
            embedder.close();
        }
    }
}
