package app.facet.core.quality;

import app.facet.core.alignment.FaceAligner;
import org.bytedeco.javacpp.indexer.FloatIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;

import java.util.Arrays;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

/**
 * Measures brightness, contrast, sharpness (net of noise) and JPEG blockiness of an aligned face (docs/QUALITY.md gives
 * the reasons and sources). Sharpness and blockiness are relative to the face's own contrast and measured against
 * blurred copies of itself, so they do not depend on face size or exposure. Stateless and thread-safe.
 */
final class AlignedFaceMeasurer {

    /** Inner face in the 112x112 template: x 20..92, y 28..108 (eyes at y 52, mouth corners at y 92). */
    static final int X0 = 20, Y0 = 28, W = 72, H = 80;
    /** Fine-detail band: between these Gaussian scales, aligned pixels. */
    static final double FINE_SIGMA = 0.8, COARSE_SIGMA = 3.2;
    /**
     * Weight of the finest band (below {@link #FINE_SIGMA}) subtracted from the detail band: white noise puts about
     * six times more energy below 0.8 px than between 0.8 and 3.2 px (0.63 vs 0.10 of its variance), so any weight
     * above 0.17 makes added noise lower the sharpness instead of raising it; facial detail has most of its energy
     * in the detail band and keeps its measure.
     */
    static final double NOISE_WEIGHT = 1.0;
    /** Lower bound of the sharpness measure (a face drowned in noise), keeps its logarithm finite. */
    static final double SHARPNESS_FLOOR = 1e-4;
    /** JPEG's block side, original-image pixels. */
    static final double JPEG_BLOCK = 8;

    /**
     * The original image's pixel grid as seen in the aligned face.
     *
     * @param scale aligned pixels per original pixel
     * @param angle angle of the original x axis in the aligned face, radians
     */
    record BlockGrid(double scale, double angle) {
    }

    /**
     * @param alignedBgr the aligned 112x112 BGR face (CV_8UC3)
     * @param grid       how the original image's pixel grid lies in the aligned face
     * @throws IllegalArgumentException when the face is not 112x112
     */
    AlignedFaceMeasures measure(Mat alignedBgr, BlockGrid grid) {
        if (alignedBgr.cols() != FaceAligner.SIZE || alignedBgr.rows() != FaceAligner.SIZE) {
            throw new IllegalArgumentException("expected a " + FaceAligner.SIZE + "x" + FaceAligner.SIZE + " aligned face, got "
                    + alignedBgr.cols() + "x" + alignedBgr.rows());
        }
        float[] grey, fine, coarse;
        try (Mat g8 = new Mat(); Mat g = new Mat(); Mat fineMat = new Mat(); Mat coarseMat = new Mat(); Size auto = new Size(0, 0)) {
            cvtColor(alignedBgr, g8, COLOR_BGR2GRAY);
            g8.convertTo(g, CV_32F);
            GaussianBlur(g, fineMat, auto, FINE_SIGMA);
            GaussianBlur(g, coarseMat, auto, COARSE_SIGMA);
            grey = region(g);
            fine = region(fineMat);
            coarse = region(coarseMat);
        }
        double mean = 0;
        for (float v : grey) {
            mean += v;
        }
        mean /= grey.length;
        double variance = 0, band = 0, finest = 0;
        for (int i = 0; i < grey.length; i++) {
            variance += (grey[i] - mean) * (grey[i] - mean);
            band += (fine[i] - coarse[i]) * (fine[i] - coarse[i]);
            finest += (grey[i] - fine[i]) * (grey[i] - fine[i]);
        }
        variance /= grey.length;
        band /= grey.length;
        finest /= grey.length;
        double contrast = Math.sqrt(variance);
        double safe = Math.max(variance, 1e-6);
        double sharpness = Math.max(SHARPNESS_FLOOR, (band - NOISE_WEIGHT * finest) / safe);
        return new AlignedFaceMeasures(mean, contrast, sharpness, finest / safe, blockiness(grey, grid) / Math.max(contrast, 1e-3));
    }

    /**
     * Blockiness after Wang, Bovik and Evans (2000): JPEG codes the original image in 8x8 blocks, so steps between
     * neighbouring pixels that cross a block boundary are larger than steps inside a block. Alignment rotated and
     * scaled the grid: each aligned pixel is mapped back to its original-image coordinate along each axis
     * ({@code grid}), the steps along that axis are binned by their position within the 8-pixel period, and the
     * strongest pair of neighbouring bins is compared with the median bin (the grid's phase is not known, e.g. after
     * EXIF rotation; resampling spreads a block edge over two bins). Steps touching the aligner's black fill are skipped.
     *
     * @return mean over the two axes of (strongest bin pair − median bin), grey levels per aligned pixel, at least 0;
     *         0 when one block spans fewer than 2.5 aligned pixels (then alignment averaged the grid away)
     */
    static double blockiness(float[] grey, BlockGrid grid) {
        if (!(grid.scale() * JPEG_BLOCK >= 2.5)) {
            return 0;
        }
        double cos = Math.cos(grid.angle()) / grid.scale(), sin = Math.sin(grid.angle()) / grid.scale();
        int bins = (int) JPEG_BLOCK;
        double[] uSum = new double[bins], vSum = new double[bins];
        int[] uCount = new int[bins], vCount = new int[bins];
        for (int y = 0; y + 1 < H; y++) {
            for (int x = 0; x + 1 < W; x++) {
                float g = grey[y * W + x];
                if (g <= 0 || grey[y * W + x + 1] <= 0 || grey[(y + 1) * W + x] <= 0) {
                    continue; // the aligner's black fill outside the photo: its straight border is no block edge
                }
                double gx = grey[y * W + x + 1] - g, gy = grey[(y + 1) * W + x] - g;
                double cx = x + X0 + 0.5, cy = y + Y0 + 0.5;
                // original-image coordinate of the step's midpoint along each grid axis, and the step along that axis
                double u = cos * cx + sin * cy, v = -sin * cx + cos * cy;
                int ub = Math.floorMod((int) Math.floor(u), bins), vb = Math.floorMod((int) Math.floor(v), bins);
                uSum[ub] += Math.abs(cos * gx + sin * gy) * grid.scale();
                uCount[ub]++;
                vSum[vb] += Math.abs(-sin * gx + cos * gy) * grid.scale();
                vCount[vb]++;
            }
        }
        return (peakOverMedian(uSum, uCount) + peakOverMedian(vSum, vCount)) / 2;
    }

    /** @return (strongest pair of neighbouring bins − median bin), in grey levels per step */
    private static double peakOverMedian(double[] sum, int[] count) {
        double[] means = new double[sum.length];
        for (int i = 0; i < sum.length; i++) {
            means[i] = count[i] > 0 ? sum[i] / count[i] : 0;
        }
        double peak = 0;
        for (int i = 0; i < means.length; i++) {
            // resampling spreads a block edge over two neighbouring bins
            peak = Math.max(peak, (means[i] + means[(i + 1) % means.length]) / 2);
        }
        Arrays.sort(means);
        double median = (means[means.length / 2 - 1] + means[means.length / 2]) / 2;
        return Math.max(0, peak - median);
    }

    private static float[] region(Mat grey32) {
        float[] out = new float[W * H];
        try (Rect r = new Rect(X0, Y0, W, H); Mat roi = new Mat(grey32, r); Mat copy = roi.clone(); FloatIndexer ix = copy.createIndexer()) {
            ix.get(0, out);
        }
        return out;
    }
}
