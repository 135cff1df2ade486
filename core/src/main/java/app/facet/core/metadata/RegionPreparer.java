package app.facet.core.metadata;

import app.facet.core.analysis.AnalyzedFace;
import app.facet.core.analysis.PhotoAnalysis;
import app.facet.core.decisions.DecisionCarrier;
import app.facet.core.decisions.FaceMatcher;
import app.facet.core.decisions.SameFace;
import app.facet.core.imaging.PhotoAnalysisException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static app.facet.core.metadata.MetadataProblem.Reason.TOO_MANY_REGIONS;
import static app.facet.core.metadata.MetadataProblem.Reason.UNREADABLE;

/**
 * The worker-thread half of taking face regions into a scan: reads the photo's regions ({@link FaceRegionReader},
 * embedded XMP and sidecars) in the space of its analysis, and cuts a face (box, crop, embedding, as if drawn by hand)
 * for each region no detected face matches ({@link FaceMatcher#matchInPlace}), writing its crop file. No catalog
 * access; never throws for bad metadata. Thread-safe when the cutter is.
 */
public final class RegionPreparer {
    private static final Logger log = LoggerFactory.getLogger(RegionPreparer.class);

    /**
     * Most regions of one photo cut as new faces (each is a decode of the photo): a family photo has a few dozen faces;
     * the rest are not imported, and one problem says how many.
     */
    public static final int MAX_CUT_PER_PHOTO = 50;

    private final FaceRegionReader reader = new FaceRegionReader();

    /** Writes the crop file of a face cut at a region. */
    @FunctionalInterface
    public interface CropSaver {
        /** @param number 0, 1, … per photo @return the file's absolute path */
        String save(int number, AnalyzedFace face) throws IOException;
    }

    /**
     * @param photo    the photo file
     * @param analysis its analysis (size after EXIF orientation, orientation, detected faces)
     * @param cutter   cuts a face at a box of the photo ({@code PhotoAnalyzer.analyzeBox})
     * @return the regions, with faces cut for those no detection matches, and the problems met
     */
    public PreparedRegions prepare(Path photo, PhotoAnalysis analysis, DecisionCarrier.BoxCutter cutter, CropSaver crops) {
        // taken before reading: a sidecar written meanwhile differs from it, and is read again by the next scan
        String stamp = SidecarStamp.of(photo);
        FaceRegionReading reading;
        try {
            reading = reader.read(photo, PhotoGeometry.of(analysis.width(), analysis.height(), analysis.orientation()));
        } catch (RuntimeException e) {
            // the reader never throws for bad metadata; anything else is still bad input for this photo, not the scan
            log.error("event=metadata_read_error photo=\"{}\"", photo, e);
            return new PreparedRegions(List.of(), List.of(new MetadataProblem(photo, UNREADABLE,
                    "The face regions of this photo could not be read (" + e + ").")), stamp);
        }
        if (reading.regions().isEmpty()) {
            return new PreparedRegions(List.of(), reading.problems(), stamp);
        }
        FaceMatcher.Matching m = SameFace.matcherFor(null).matchInPlace(
                reading.regions().stream().map(r -> new FaceMatcher.Face(r.box(), null, null)).toList(),
                analysis.faces().stream().map(f -> new FaceMatcher.Face(f.box(), null, null)).toList(),
                analysis.width(), analysis.height());
        List<PreparedRegions.Region> out = new ArrayList<>();
        List<MetadataProblem> problems = new ArrayList<>(reading.problems());
        int cut = 0, left = 0;
        for (int i = 0; i < reading.regions().size(); i++) {
            FaceRegion region = reading.regions().get(i);
            if (m.newOfOld()[i] >= 0) {
                out.add(new PreparedRegions.Region(region, null, null, null));
            } else if (cut >= MAX_CUT_PER_PHOTO) {
                left++;
            } else {
                out.add(cut(photo, region, cut++, cutter, crops));
            }
        }
        if (left > 0) {
            // one problem for the lot: a list this long is broken or hostile, not a photo with that many faces
            problems.add(new MetadataProblem(photo, TOO_MANY_REGIONS, String.format("%d face regions of this photo match "
                    + "no detected face; the first %d became faces, the other %d were not imported.", cut + left, cut, left)));
            log.warn("event=metadata_regions_not_cut photo=\"{}\" regions={} cut={}", photo, cut + left, cut);
        }
        return new PreparedRegions(out, problems, stamp);
    }

    private static PreparedRegions.Region cut(Path photo, FaceRegion region, int number, DecisionCarrier.BoxCutter cutter,
                                              CropSaver crops) {
        AnalyzedFace face;
        try {
            face = cutter.cut(region.box());
        } catch (PhotoAnalysisException | RuntimeException e) {
            log.warn("event=metadata_region_not_cut photo=\"{}\" region=\"{}\" error=\"{}\"", photo,
                    region.provenance().describe(), e.getMessage());
            return new PreparedRegions.Region(region, null, null, "The face at this region could not be cut: " + e.getMessage());
        }
        try {
            return new PreparedRegions.Region(region, face, crops.save(number, face), null);
        } catch (IOException e) {
            log.warn("event=metadata_region_crop_failed photo=\"{}\" region=\"{}\" error=\"{}\"", photo,
                    region.provenance().describe(), e.getMessage());
            return new PreparedRegions.Region(region, null, null, "The crop of this region could not be written: " + e.getMessage());
        }
    }
}
