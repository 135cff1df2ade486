package app.facet.core.metadata;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link FaceRegionSidecarWriter} did (or, in a dry run, would do) for one photo.
 *
 * @param sidecar the sidecar path ({@code photo.jpg.xmp})
 * @param status  CREATED / UPDATED when the content changes, UNCHANGED when it already says the same, REFUSED when
 *                an existing sidecar could not be read or holds face metadata in an unexpected structure (it is then
 *                left untouched: rewriting it would lose its data)
 * @param written true only when the file was actually written (never in a dry run)
 * @param changes one sentence per change, e.g. {@code add face region 'Ada' at x=120 y=80 w=60 h=75 px}; for
 *                REFUSED, the reason
 * @param skipped one sentence per face given but not written (no name, unsafe name, outside the image)
 */
public record SidecarWriteResult(Path sidecar, Status status, boolean written, List<String> changes, List<String> skipped) {

    public enum Status {
        CREATED,
        UPDATED,
        UNCHANGED,
        REFUSED
    }

    public SidecarWriteResult {
        changes = List.copyOf(changes);
        skipped = List.copyOf(skipped);
    }

    /** @return true when the sidecar's content differs (or would differ) from what is on disk */
    public boolean changesContent() {
        return status == Status.CREATED || status == Status.UPDATED;
    }
}
