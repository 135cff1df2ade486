package app.facet.core.analysis;

import app.facet.model.BoundingBox;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_JPEG_QUALITY;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

/** Renders the display crop of a face: its box plus a margin, clipped to the image, long side at most 256 px, as JPEG. */
final class DisplayCropRenderer {

    static final int MAX_SIDE = 256;
    static final double MARGIN = 0.25;
    private static final int JPEG_QUALITY = 90;

    /**
     * @param image  decoded photo
     * @param box    face box in {@code image}'s pixels
     * @return JPEG bytes
     */
    byte[] render(Mat image, BoundingBox box) {
        double m = MARGIN * Math.max(box.w(), box.h());
        int x0 = (int) Math.max(0, Math.floor(box.x() - m)), y0 = (int) Math.max(0, Math.floor(box.y() - m));
        int x1 = (int) Math.min(image.cols(), Math.ceil(box.right() + m)), y1 = (int) Math.min(image.rows(), Math.ceil(box.bottom() + m));
        if (x1 <= x0 || y1 <= y0) {
            throw new IllegalArgumentException("face box " + box + " is outside the " + image.cols() + "x" + image.rows() + " image");
        }
        try (Rect rect = new Rect(x0, y0, x1 - x0, y1 - y0); Mat crop = new Mat(image, rect); Mat small = new Mat();
             BytePointer jpeg = new BytePointer()) {
            Mat out = crop;
            int longSide = Math.max(rect.width(), rect.height());
            if (longSide > MAX_SIDE) {
                double s = (double) MAX_SIDE / longSide;
                try (Size size = new Size(Math.max(1, (int) Math.round(rect.width() * s)), Math.max(1, (int) Math.round(rect.height() * s)))) {
                    resize(crop, small, size, 0, 0, INTER_AREA);
                }
                out = small;
            }
            if (!imencode(".jpg", out, jpeg, new IntPointer(IMWRITE_JPEG_QUALITY, JPEG_QUALITY))) {
                throw new IllegalStateException("OpenCV could not encode the face crop as JPEG");
            }
            byte[] bytes = new byte[(int) jpeg.limit()];
            jpeg.get(bytes);
            return bytes;
        }
    }
}
