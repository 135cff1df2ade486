package app.facet.app.cli;

import app.facet.core.analysis.PhotoAnalyzer;
import app.facet.core.catalog.LibraryLocation;

/** Builds the face analyzer from the model options (wired to the OpenCV/ONNX implementation). */
final class AnalyzerFactory {
    private AnalyzerFactory() {
    }

    static PhotoAnalyzer create(LibraryLocation library, ModelOptions options) {
        throw new UserError("The face analyzer is not wired yet.");
    }
}
