package app.facet.core.detection;

import org.bytedeco.javacpp.Loader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** The Haar cascades shipped inside the OpenCV jar, extracted to real files (CascadeClassifier needs a path). */
public final class HaarCascades {

    public static final String FRONTAL_FACE_ALT2 = "haarcascade_frontalface_alt2.xml";
    public static final String PROFILE_FACE = "haarcascade_profileface.xml";

    private HaarCascades() {
    }

    /** @return a file holding the named cascade, extracted once per user cache by JavaCPP */
    public static Path file(String name) {
        String resource = "/org/bytedeco/opencv/" + Loader.getPlatform() + "/share/opencv4/haarcascades/" + name;
        try {
            return Loader.cacheResource(resource).toPath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract the Haar cascade " + resource + " from the OpenCV jar", e);
        } catch (NullPointerException e) {
            throw new IllegalStateException("the OpenCV jar has no Haar cascade " + resource, e);
        }
    }
}
