package app.facet.core.analysis;

import app.facet.core.embedding.EmbeddingModelDescription;
import app.facet.core.embedding.LocatedModel;
import app.facet.core.embedding.ModelLocator;
import app.facet.core.embedding.ModelLookup;

import java.util.Optional;

/**
 * Which detector and embedding model an {@link OpenCvPhotoAnalyzer} over the same configuration and models would use,
 * found the same way (the model files' presence and SHA-256, {@link DetectorChoice}) but without loading OpenCV or
 * ONNX Runtime: a scan's header and its run row need these facts before, or without, any photo to analyse (issue 14).
 *
 * @param detectorId          as {@link PhotoAnalyzer#detectorId()}
 * @param detectorDescription as {@link PhotoAnalyzer#describeDetector()}
 * @param embedding           the verified embedding model file, or null when none is usable
 * @param embeddingUnavailable why no embedding model is usable (one sentence), or null when one is
 */
public record AnalyzerIdentity(String detectorId, String detectorDescription, LocatedModel<EmbeddingModelDescription> embedding,
                               String embeddingUnavailable) {

    /** Looks the models up as {@link OpenCvPhotoAnalyzer#OpenCvPhotoAnalyzer(AnalyzerConfig, ModelLocator)} does. */
    public static AnalyzerIdentity of(AnalyzerConfig config, ModelLocator locator) {
        DetectorChoice detector = DetectorChoice.choose(locator, config.builtInDetector());
        ModelLookup<EmbeddingModelDescription> lookup = locator.findEmbeddingModel(config.embeddingModelId());
        return new AnalyzerIdentity(detector.detectorId(), detector.description(), lookup.model(),
                lookup.model() == null ? lookup.unavailableReason() : null);
    }

    public Optional<String> embeddingModelId() {
        return Optional.ofNullable(embedding).map(m -> m.description().id());
    }

    public Optional<Integer> embeddingDimension() {
        return Optional.ofNullable(embedding).map(m -> m.description().outputDimension());
    }

    public Optional<String> embeddingModelSha256() {
        return Optional.ofNullable(embedding).map(LocatedModel::sha256);
    }

    public Optional<String> embeddingUnavailableReason() {
        return Optional.ofNullable(embeddingUnavailable);
    }
}
