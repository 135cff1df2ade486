package app.facet.core.detection;

import app.facet.model.BoundingBox;
import app.facet.model.Landmarks;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns YuNet's twelve output blobs into faces: per stride (8, 16, 32) and grid cell, score = sqrt(cls x obj) (each
 * clamped to [0, 1]), box centre = (cell + offset) x stride, size = exp(log-size) x stride, landmarks = (cell + offset)
 * x stride; then greedy non-maximum suppression on the integer-truncated boxes (IoU above 0.3 drops the lower score),
 * at most 5000 faces kept. This is OpenCV's {@code FaceDetectorYN} post-processing, step for step, so the faces are
 * the same (checked in {@code YuNetFaceDetectorTest}).
 */
final class YuNetDecoder {
    static final int DIVISOR = 32;
    private static final int[] STRIDES = {8, 16, 32};
    private static final float NMS_THRESHOLD = 0.3f;
    private static final int TOP_K = 5000;

    private final int padW;
    private final int padH;
    private final float scoreThreshold;

    /** @param padW, padH the network's input size, pixels, multiples of {@link #DIVISOR} */
    YuNetDecoder(int padW, int padH, float scoreThreshold) {
        this.padW = padW;
        this.padH = padH;
        this.scoreThreshold = scoreThreshold;
    }

    /** @return {@code size} rounded up to a multiple of {@link #DIVISOR} */
    static int padded(int size) {
        return ((size - 1) / DIVISOR + 1) * DIVISOR;
    }

    /**
     * @param blobs the outputs in the order cls_8, cls_16, cls_32, obj_*, bbox_* (4 per cell), kps_* (10 per cell)
     * @return faces in the input's pixels, in non-maximum suppression's order (best first)
     */
    List<DetectedFace> decode(float[][] blobs) {
        List<float[]> candidates = new ArrayList<>();
        for (int s = 0; s < STRIDES.length; s++) {
            int stride = STRIDES[s];
            int cols = padW / stride, rows = padH / stride;
            float[] cls = blobs[s], obj = blobs[s + 3], bbox = blobs[s + 6], kps = blobs[s + 9];
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    int idx = r * cols + c;
                    float score = (float) Math.sqrt(clamp(cls[idx]) * clamp(obj[idx]));
                    if (score < scoreThreshold) {
                        continue;
                    }
                    float[] face = new float[15];
                    float w = (float) Math.exp(bbox[idx * 4 + 2]) * stride;
                    float h = (float) Math.exp(bbox[idx * 4 + 3]) * stride;
                    face[0] = (c + bbox[idx * 4]) * stride - w / 2f;
                    face[1] = (r + bbox[idx * 4 + 1]) * stride - h / 2f;
                    face[2] = w;
                    face[3] = h;
                    for (int n = 0; n < 5; n++) {
                        face[4 + 2 * n] = (kps[idx * 10 + 2 * n] + c) * stride;
                        face[5 + 2 * n] = (kps[idx * 10 + 2 * n + 1] + r) * stride;
                    }
                    face[14] = score;
                    candidates.add(face);
                }
            }
        }
        List<DetectedFace> faces = new ArrayList<>();
        for (float[] f : candidates.size() > 1 ? suppressed(candidates, scoreThreshold) : candidates) {
            if (f[2] > 0 && f[3] > 0 && Float.isFinite(f[2]) && Float.isFinite(f[3])) {
                double[] lm = new double[10];
                for (int k = 0; k < 10; k++) {
                    lm[k] = f[4 + k];
                }
                faces.add(new DetectedFace(new BoundingBox(f[0], f[1], f[2], f[3]), Landmarks.of(lm), Math.min(1.0, f[14])));
            }
        }
        return faces;
    }

    private static float clamp(float v) {
        return Math.max(Math.min(v, 1f), 0f);
    }

    /**
     * Greedy non-maximum suppression as OpenCV's {@code NMSBoxes} does it: candidates scoring above the threshold,
     * stably sorted by score, at most {@link #TOP_K}; boxes truncated to int; a box overlapping a kept one by more than
     * the IoU threshold is dropped.
     */
    private static List<float[]> suppressed(List<float[]> candidates, float scoreThreshold) {
        List<float[]> order = new ArrayList<>();
        for (float[] f : candidates) {
            if (f[14] > scoreThreshold) {
                order.add(f);
            }
        }
        order.sort((a, b) -> Float.compare(b[14], a[14]));
        if (order.size() > TOP_K) {
            order = order.subList(0, TOP_K);
        }
        List<float[]> kept = new ArrayList<>();
        for (float[] f : order) {
            boolean keep = true;
            for (int k = 0; k < kept.size() && keep; k++) {
                keep = overlap(f, kept.get(k)) <= NMS_THRESHOLD;
            }
            if (keep) {
                kept.add(f);
            }
        }
        return kept;
    }

    /** IoU of the int-truncated boxes, computed as OpenCV's {@code rectOverlap} does (1 - Jaccard distance, as float). */
    private static float overlap(float[] a, float[] b) {
        int ax = (int) a[0], ay = (int) a[1], aw = (int) a[2], ah = (int) a[3];
        int bx = (int) b[0], by = (int) b[1], bw = (int) b[2], bh = (int) b[3];
        int areaA = aw * ah, areaB = bw * bh;
        if (areaA + areaB <= 0) {
            return 1f;
        }
        int x1 = Math.max(ax, bx), y1 = Math.max(ay, by);
        int iw = Math.min(ax + aw, bx + bw) - x1, ih = Math.min(ay + ah, by + bh) - y1;
        double inter = iw > 0 && ih > 0 ? (double) iw * ih : 0;
        return 1f - (float) (1.0 - inter / (areaA + areaB - inter));
    }
}
