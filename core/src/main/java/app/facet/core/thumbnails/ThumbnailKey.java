package app.facet.core.thumbnails;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Identifies one version of one photo for the thumbnail cache: a new file content (content hash, else size and
 * mtime while the photo is not hashed yet) gets a new thumbnail.
 *
 * @param photoId     catalog id of the photo
 * @param source      the original photo file
 * @param contentHash SHA-256 hex of the file, null when not known yet
 * @param mtimeMillis file modification time, ms since the epoch
 * @param sizeBytes   file size in bytes
 */
public record ThumbnailKey(long photoId, Path source, String contentHash, long mtimeMillis, long sizeBytes) {
    public ThumbnailKey {
        Objects.requireNonNull(source, "source");
    }

    /** File name of this version's thumbnail; every version of a photo starts with {@code <photoId>-}. */
    String fileName() {
        String version = contentHash != null && contentHash.length() >= 16
                ? contentHash.substring(0, 16)
                : Long.toHexString(mtimeMillis) + "-" + Long.toHexString(sizeBytes);
        return photoId + "-" + version + ".jpg";
    }

    /** Sub-folder (a thousand photos each) so that no folder grows to 100k files. */
    String folderName() {
        return Long.toString(photoId / 1000);
    }
}
