package app.facet.core.embedding;

import org.bytedeco.javacpp.Loader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;

/**
 * Points ONNX Runtime at a copy of its native libraries kept in JavaCPP's user cache ({@code ~/.javacpp/cache}),
 * extracted once per version, instead of the 28 MB it otherwise inflates from its jar into a temporary folder on
 * every start (3 % of a small-photo scan's CPU samples; docs/PERFORMANCE.md, issue 14).
 * <p>
 * Thread-safe; call before the first use of {@code OrtEnvironment}. Any failure leaves ONNX Runtime to its own
 * extraction (logged as {@code event=onnxruntime_cache_unavailable}), so a read-only home still works.
 */
final class OnnxRuntimeNatives {

    private static final Logger log = LoggerFactory.getLogger(OnnxRuntimeNatives.class);
    /** ONNX Runtime's own setting: a folder holding both of its native libraries. */
    static final String PATH_PROPERTY = "onnxruntime.native.path";
    private static boolean done;

    private OnnxRuntimeNatives() {
    }

    /** Sets {@value #PATH_PROPERTY} to the cached copy, once per process, unless it is set already. */
    static synchronized void useCachedCopy() {
        if (done || System.getProperty(PATH_PROPERTY) != null) {
            return;
        }
        done = true;
        String folder = "/ai/onnxruntime/native/" + platform() + "/";
        try {
            File runtime = Loader.cacheResource(folder + System.mapLibraryName("onnxruntime"));
            File jni = Loader.cacheResource(folder + System.mapLibraryName("onnxruntime4j_jni"));
            if (runtime == null || jni == null || !runtime.getParentFile().equals(jni.getParentFile())) {
                log.info("event=onnxruntime_cache_unavailable reason=\"no native libraries for {} in the jar\"", platform());
                return;
            }
            System.setProperty(PATH_PROPERTY, runtime.getParent());
        } catch (IOException | RuntimeException e) {
            log.warn("event=onnxruntime_cache_unavailable reason=\"{}\"", String.valueOf(e.getMessage()).replace('"', '\''));
        }
    }

    /** @return ONNX Runtime's name for this platform's native folder, e.g. linux-x64 */
    private static String platform() {
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(java.util.Locale.ROOT);
        String o = os.contains("win") ? "win" : os.contains("mac") ? "osx" : "linux";
        String a = arch.equals("amd64") || arch.equals("x86_64") ? "x64" : arch.equals("aarch64") || arch.equals("arm64") ? "aarch64" : arch;
        return o + "-" + a;
    }
}
