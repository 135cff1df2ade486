package app.facet.core.integrity;

import app.facet.model.BoundingBox;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

/**
 * Cuts a display crop of a face from its original photo, as the scan does: the bounding box plus
 * {@value #MARGIN} of its size on every side (clipped to the photo), long side at most {@value #MAX_SIDE_PX} px,
 * JPEG. Used by the repair to restore a crop file that went missing.
 * <p>
 * OpenCV's imread applies the EXIF orientation, so the box (original-image pixels after EXIF orientation) maps
 * straight onto the decoded image.
 */
public final class FaceCropCutter {
    public static final double MARGIN = 0.25;
    public static final int MAX_SIDE_PX = 256;

    /**
     * Writes the crop of {@code box} in {@code photo} to {@code out} (atomically: a reader never sees half a file).
     *
     * @throws IOException when the photo cannot be decoded, the box has no pixel inside it, or the file cannot be written
     */
    public void cut(Path photo, BoundingBox box, Path out) throws IOException {
        Path part = out.resolveSibling(out.getFileName() + ".part");
        Files.createDirectories(out.getParent());
        Files.write(part, encode(photo, box));
        try {
            Files.move(part, out, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(part, out, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** @return JPEG bytes of the crop */
    public byte[] encode(Path photo, BoundingBox box) throws IOException {
        try (Mat image = imread(photo.toString(), IMREAD_COLOR)) {
            if (image == null || image.empty()) {
                throw new IOException("cannot decode photo " + photo);
            }
            BoundingBox withMargin = new BoundingBox(box.x() - MARGIN * box.w(), box.y() - MARGIN * box.h(),
                    box.w() * (1 + 2 * MARGIN), box.h() * (1 + 2 * MARGIN));
            BoundingBox clipped = withMargin.clippedTo(image.cols(), image.rows());
            if (clipped == null) {
                throw new IOException("face box " + box + " has no pixel inside photo " + photo);
            }
            int x0 = (int) Math.floor(clipped.x()), y0 = (int) Math.floor(clipped.y());
            int x1 = Math.min(image.cols(), (int) Math.ceil(clipped.right())), y1 = Math.min(image.rows(), (int) Math.ceil(clipped.bottom()));
            try (Rect rect = new Rect(x0, y0, Math.max(1, x1 - x0), Math.max(1, y1 - y0));
                 Mat roi = new Mat(image, rect);
                 Mat scaled = new Mat();
                 BytePointer jpeg = new BytePointer()) {
                Mat toEncode = roi;
                double scale = (double) MAX_SIDE_PX / Math.max(roi.cols(), roi.rows());
                if (scale < 1) {
                    try (Size size = new Size(Math.max(1, (int) Math.round(roi.cols() * scale)), Math.max(1, (int) Math.round(roi.rows() * scale)))) {
                        resize(roi, scaled, size, 0, 0, INTER_AREA);
                    }
                    toEncode = scaled;
                }
                if (!imencode(".jpg", toEncode, jpeg)) {
                    throw new IOException("cannot encode the face crop of " + photo + " as JPEG");
                }
                byte[] bytes = new byte[(int) jpeg.limit()];
                jpeg.get(bytes);
                return bytes;
            }
        }
    }
}
