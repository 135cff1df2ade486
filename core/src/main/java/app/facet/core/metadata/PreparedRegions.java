package app.facet.core.metadata;

import app.facet.core.analysis.AnalyzedFace;

import java.util.ArrayList;
import java.util.List;

/**
 * A photo's face regions read on a scan worker thread ({@link RegionPreparer}), ready for the sink to apply in the
 * photo's transaction ({@link MetadataFaces}).
 *
 * @param regions  the regions read, each with its face cut in advance when no detected face matched it
 * @param problems every problem met while reading (bad metadata), to be recorded with the photo
 * @param sidecarStamp the photo's {@link SidecarStamp} taken before reading; null when nothing was read
 */
public record PreparedRegions(List<Region> regions, List<MetadataProblem> problems, String sidecarStamp) {
    /** Nothing read: reading is off ({@code --no-metadata-faces}). */
    public static final PreparedRegions NONE = new PreparedRegions(List.of(), List.of(), null);

    public PreparedRegions {
        regions = List.copyOf(regions);
        problems = List.copyOf(problems);
    }

    /**
     * One region.
     *
     * @param region   the region, in Facet's space
     * @param cut      the face cut at the region's box as if drawn by hand ({@code PhotoAnalyzer.analyzeBox}), null
     *                 when a detected face matched the region or it could not be cut
     * @param cropPath absolute path of {@code cut}'s crop file, already written; null with it
     * @param notCut   why the region matched no detected face and could not be cut, or null
     */
    public record Region(FaceRegion region, AnalyzedFace cut, String cropPath, String notCut) {
    }

    /** @return the crop files written for the regions: removed when the photo's write does not use them */
    public List<String> cropPaths() {
        List<String> out = new ArrayList<>();
        for (Region r : regions) {
            if (r.cropPath() != null) {
                out.add(r.cropPath());
            }
        }
        return out;
    }
}
