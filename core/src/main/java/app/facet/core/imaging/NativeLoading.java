package app.facet.core.imaging;

/**
 * Settings for how JavaCPP loads OpenCV's native libraries, applied once at process start, before any OpenCV class.
 * <p>
 * Why: Facet ships the CPU build of OpenCV, yet JavaCPP tried to preload 24 CUDA libraries (cudart, cudnn, npp...)
 * for it, searching the whole class path for each: about 0.5 CPU s of every process that detects faces
 * (docs/PERFORMANCE.md, issue 14). An empty platform extension makes JavaCPP load the plain CPU libraries only.
 */
public final class NativeLoading {

    /** JavaCPP's setting for the platform extension (e.g. "-gpu"); empty = the plain build. */
    static final String EXTENSION_PROPERTY = "org.bytedeco.javacpp.platform.extension";

    private NativeLoading() {
    }

    /** Sets the settings that are not set already (a user's -D wins). Call first thing in {@code main}. */
    public static void configure() {
        if (System.getProperty(EXTENSION_PROPERTY) == null) {
            System.setProperty(EXTENSION_PROPERTY, "");
        }
    }
}
