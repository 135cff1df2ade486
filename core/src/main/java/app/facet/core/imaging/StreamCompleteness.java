package app.facet.core.imaging;

import java.nio.ByteBuffer;

/**
 * Tells whether an encoded JPEG or PNG stream reaches its end marker. libjpeg decodes a truncated JPEG
 * "successfully" with the missing rows painted grey (only a warning is printed), so a cut-off download
 * would otherwise be catalogued as a photo with half a picture. Only the container structure is walked
 * (segment lengths, entropy-coded data up to the next marker); no pixel is decoded.
 */
final class StreamCompleteness {

    private StreamCompleteness() {
    }

    /** @return true when the stream is complete, or when the format has no cheap end check (WebP is checked by its RIFF size, BMP/TIFF by OpenCV). */
    static boolean isComplete(ImageFormat format, byte[] b) {
        return isComplete(format, ByteBuffer.wrap(b));
    }

    /** @param b the whole file from index 0 to its limit (absolute reads; its position is not used) */
    static boolean isComplete(ImageFormat format, ByteBuffer b) {
        return switch (format) {
            case JPEG -> jpegComplete(b);
            case PNG -> pngComplete(b);
            case WEBP -> webpComplete(b);
            case BMP, TIFF -> true;
        };
    }

    static boolean jpegComplete(ByteBuffer b) {
        int n = b.limit();
        // Fast path: most files end with EOI (FF D9), possibly followed by zero padding.
        int end = n;
        while (end > 2 && b.get(end - 1) == 0) {
            end--;
        }
        if (end >= 4 && (b.get(end - 2) & 0xFF) == 0xFF && (b.get(end - 1) & 0xFF) == 0xD9) {
            return true;
        }
        // Slow path: files with data after EOI (e.g. motion photos append a video): walk the structure.
        int pos = 2;
        while (pos < n - 1) {
            if ((b.get(pos) & 0xFF) != 0xFF) {
                pos++; // extraneous bytes between segments: libjpeg skips them too
                continue;
            }
            int marker = b.get(pos + 1) & 0xFF;
            if (marker == 0xFF) {
                pos++; // fill byte
                continue;
            }
            if (marker == 0xD9) {
                return true;
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7) || marker == 0xD8) {
                pos += 2;
                continue;
            }
            if (pos + 3 >= n) {
                return false;
            }
            int length = ((b.get(pos + 2) & 0xFF) << 8) | (b.get(pos + 3) & 0xFF);
            int segmentEnd = pos + 2 + length;
            if (length < 2 || segmentEnd > n) {
                return false;
            }
            pos = segmentEnd;
            if (marker == 0xDA) {
                // entropy-coded data: 0xFF is stuffed as FF 00; RSTn markers are part of the scan
                while (pos < n - 1) {
                    if ((b.get(pos) & 0xFF) == 0xFF) {
                        int next = b.get(pos + 1) & 0xFF;
                        if (next == 0x00 || (next >= 0xD0 && next <= 0xD7) || next == 0xFF) {
                            pos += next == 0xFF ? 1 : 2;
                            continue;
                        }
                        break;
                    }
                    pos++;
                }
            }
        }
        return false;
    }

    static boolean pngComplete(ByteBuffer b) {
        long pos = 8;
        while (pos + 8 <= b.limit()) {
            int p = (int) pos;
            long length = ((long) (b.get(p) & 0xFF) << 24) | ((b.get(p + 1) & 0xFF) << 16) | ((b.get(p + 2) & 0xFF) << 8) | (b.get(p + 3) & 0xFF);
            boolean iend = b.get(p + 4) == 'I' && b.get(p + 5) == 'E' && b.get(p + 6) == 'N' && b.get(p + 7) == 'D';
            pos += 12 + length;
            if (pos > b.limit()) {
                return false;
            }
            if (iend) {
                return true;
            }
        }
        return false;
    }

    static boolean webpComplete(ByteBuffer b) {
        if (b.limit() < 12) {
            return false;
        }
        long riffSize = (b.get(4) & 0xFFL) | ((b.get(5) & 0xFFL) << 8) | ((b.get(6) & 0xFFL) << 16) | ((b.get(7) & 0xFFL) << 24);
        return riffSize + 8 <= b.limit();
    }
}
