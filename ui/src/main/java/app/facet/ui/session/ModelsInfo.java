package app.facet.ui.session;

import java.nio.file.Path;

/**
 * What Tools → Models… shows: the models the face analyzer uses.
 *
 * @param detector       detector description, e.g. "YuNet 2023mar (OpenCV DNN)"
 * @param embeddingModel embedding model id, or null when none is in use
 * @param note           why no embedding model is in use, or null
 * @param modelsDir      the folder models are read from
 */
public record ModelsInfo(String detector, String embeddingModel, String note, Path modelsDir) {
}
