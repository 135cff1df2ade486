package app.facet.core.metadata;

import java.nio.file.Path;

/**
 * Where exactly one face region came from, so a face imported from metadata can always be traced back.
 *
 * @param file     the photo (embedded XMP) or the sidecar file holding the region
 * @param location embedded or sidecar
 * @param schema   MWG or Microsoft
 * @param index    1-based position of the region in its XMP list ({@code RegionList[index]} / {@code Regions[index]})
 */
public record RegionProvenance(Path file, RegionLocation location, RegionSchema schema, int index) {

    /** @return e.g. {@code sidecar IMG_1.jpg.xmp mwg-rs:RegionList[2]} */
    public String describe() {
        String list = schema == RegionSchema.MWG ? "mwg-rs:RegionList" : "MPRI:Regions";
        return location.name().toLowerCase() + " " + file.getFileName() + " " + list + "[" + index + "]";
    }
}
