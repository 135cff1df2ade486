package app.facet.core.imaging;

import org.bytedeco.javacpp.ClassProperties;
import org.bytedeco.javacpp.Loader;
import org.junit.jupiter.api.Test;

import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** JavaCPP is told to load OpenCV's plain CPU build, so it no longer searches for two dozen CUDA libraries (issue 14). */
class NativeLoadingTest {

    @Test
    void withThePlainExtensionOpenCvPreloadsNoCudaLibrary() {
        Properties gpu = platformWithExtension("-gpu");
        Properties plain = platformWithExtension("");
        assertThat(preloads(gpu)).as("the extension JavaCPP assumed before").contains("cudart@.13");
        assertThat(preloads(plain)).noneMatch(lib -> lib.startsWith("cu") || lib.startsWith("npp"));
    }

    @Test
    void configureSetsThePlainExtensionUnlessTheUserChoseOne() {
        String before = System.getProperty(NativeLoading.EXTENSION_PROPERTY);
        try {
            System.clearProperty(NativeLoading.EXTENSION_PROPERTY);
            NativeLoading.configure();
            assertThat(System.getProperty(NativeLoading.EXTENSION_PROPERTY)).isEmpty();
            System.setProperty(NativeLoading.EXTENSION_PROPERTY, "-gpu");
            NativeLoading.configure();
            assertThat(System.getProperty(NativeLoading.EXTENSION_PROPERTY)).isEqualTo("-gpu");
        } finally {
            if (before == null) {
                System.clearProperty(NativeLoading.EXTENSION_PROPERTY);
            } else {
                System.setProperty(NativeLoading.EXTENSION_PROPERTY, before);
            }
        }
    }

    private static Properties platformWithExtension(String extension) {
        Properties p = new Properties();
        p.putAll(Loader.loadProperties());
        p.setProperty("platform.extension", extension);
        return p;
    }

    private static java.util.List<String> preloads(Properties platform) {
        ClassProperties p = Loader.loadProperties(org.bytedeco.opencv.global.opencv_core.class, platform, true);
        return p.get("platform.preload");
    }
}
