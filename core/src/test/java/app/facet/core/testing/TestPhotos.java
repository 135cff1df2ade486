package app.facet.core.testing;

import app.facet.core.testing.SharedMaterial;
import app.facet.core.testing.TestPhotos;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import static org.bytedeco.opencv.global.opencv_core.CV_16SC3;
import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.add;
import static org.bytedeco.opencv.global.opencv_core.randn;
import static org.bytedeco.opencv.global.opencv_core.setNumThreads;
import static org.bytedeco.opencv.global.opencv_core.theRNG;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_JPEG_QUALITY;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imwrite;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_CUBIC;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

/** Photos derived from the shared ones for benchmarks: camera-sized 12 MP JPEGs. */
public final class TestPhotos {
    private TestPhotos() {
    }

    /**
     * An enlarged photo is smoother than a camera photo, so its JPEG is small and decodes unrealistically fast; Gaussian
     * noise (sigma 6 grey levels, like sensor noise) brings a 12 MP file to ~3 MB, the size of a camera JPEG.
     */
    public static void addSensorNoise(Mat img) {
        try (Mat noise = new Mat(img.size(), CV_16SC3); Mat wide = new Mat();
             Mat mean = new Mat(1, 1, CV_64F, new Scalar(0)); Mat sigma = new Mat(1, 1, CV_64F, new Scalar(6))) {
            theRNG().state(7);
            randn(noise, mean, sigma);
            img.convertTo(wide, CV_16SC3);
            add(wide, noise, wide);
            wide.convertTo(img, CV_8UC3);
        }
    }

    /** 4000x3000 JPEGs (quality 90): each shared photo of a person or group, scaled to cover 4000x3000 and centre-cropped. */
    public static List<Path> twelveMegapixel(List<Path> shared, Path dir) {
        List<Path> out = new ArrayList<>();
        for (Path p : shared) {
            String rel = p.toString();
            if (!(rel.contains("/people/") || rel.contains("/groups/"))) {
                continue;
            }
            try (Mat img = imread(rel, IMREAD_COLOR); Mat scaled = new Mat()) {
                double s = Math.max(4000.0 / img.cols(), 3000.0 / img.rows());
                int w = (int) Math.ceil(img.cols() * s), h = (int) Math.ceil(img.rows() * s);
                resize(img, scaled, new Size(w, h), 0, 0, INTER_CUBIC);
                try (Rect r = new Rect((w - 4000) / 2, (h - 3000) / 2, 4000, 3000); Mat crop = new Mat(scaled, r).clone()) {
                    addSensorNoise(crop);
                    Path target = dir.resolve(p.getFileName().toString().replaceAll("\\.\\w+$", "") + "-12mp.jpg");
                    imwrite(target.toString(), crop, new org.bytedeco.javacpp.IntPointer(IMWRITE_JPEG_QUALITY, 90));
                    out.add(target);
                }
            }
        }
        return out;
    }
}
