package app.facet.core.metadata;

import app.facet.core.testing.SharedMaterial;
import app.facet.model.BoundingBox;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Regions written by ExifTool, as digiKam, Picasa or Windows would write them (fractions of the stored image), in
 * MWG or Microsoft form, embedded or in either sidecar, on upright and EXIF-rotated copies of real photos: Facet
 * must read the same names and the boxes ExifTool's own region rotation gives (IoU &ge; 0.8).
 */
class FaceRegionReaderExifToolTest {

    enum Where { EMBEDDED, SIDECAR_FULL_NAME, SIDECAR_BASE_NAME }

    private static final Map<String, int[]> STORED_SIZES = new ConcurrentHashMap<>();

    @TempDir
    Path dir;

    @BeforeEach
    void needExifTool() {
        ExifToolWitness.assumeAvailable();
    }

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (int orientation : new int[]{1, 6, 8, 3}) {
            for (Where where : Where.values()) {
                for (boolean microsoft : new boolean[]{false, true}) {
                    out.add(Arguments.of("groups/two_people.jpg", orientation, where, microsoft));
                }
            }
        }
        // a portrait photo whose embedded XMP already holds Photoshop's properties
        for (int orientation : new int[]{6, 8}) {
            for (boolean microsoft : new boolean[]{false, true}) {
                out.add(Arguments.of("people/barack_obama/obama.jpg", orientation, Where.EMBEDDED, microsoft));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} orientation {1} {2} microsoft={3}")
    @MethodSource("cases")
    void readsTheBoxesAndNamesExifToolWrote(String shared, int orientation, Where where, boolean microsoft) throws Exception {
        Path photo = dir.resolve("photo.jpg");
        Files.copy(SharedMaterial.photo(shared), photo);
        int[] stored = STORED_SIZES.computeIfAbsent(shared, ExifToolWitness::storedSizeOfShared);
        String orient = "-Orientation#=" + orientation;
        String assignment = microsoft
                ? "-XMP-MP:RegionInfoMP={Regions=[{PersonDisplayName=Ada,Rectangle=0.20|, 0.275|, 0.20|, 0.25},"
                + "{PersonDisplayName=Dee,Rectangle=0.625|, 0.40|, 0.15|, 0.20}]}"
                : "-XMP-mwg-rs:RegionInfo={AppliedToDimensions={W=" + stored[0] + ",H=" + stored[1] + ",Unit=pixel},RegionList=["
                + "{Area={X=0.30,Y=0.40,W=0.20,H=0.25,Unit=normalized},Name=Ada,Type=Face},"
                + "{Area={X=0.70,Y=0.50,W=0.15,H=0.20,Unit=normalized},Name=Dee,Type=Face}]}";
        Path written = switch (where) {
            case EMBEDDED -> {
                ExifToolWitness.run("-q", "-overwrite_original", orient, assignment, photo.toString());
                yield photo;
            }
            case SIDECAR_FULL_NAME -> sidecar(photo, dir.resolve("photo.jpg.xmp"), orient, assignment);
            case SIDECAR_BASE_NAME -> sidecar(photo, dir.resolve("photo.xmp"), orient, assignment);
        };
        boolean swap = orientation >= 5;
        PhotoGeometry geometry = new PhotoGeometry(swap ? stored[1] : stored[0], swap ? stored[0] : stored[1], orientation);
        List<ExifToolWitness.Region> expected = ExifToolWitness.orientedRegions(written, microsoft, orientation, dir);

        FaceRegionReading reading = new FaceRegionReader().read(photo, geometry);

        assertThat(reading.problems()).isEmpty();
        assertThat(reading.regions()).extracting(FaceRegion::name).containsExactlyInAnyOrder("Ada", "Dee");
        for (ExifToolWitness.Region e : expected) {
            FaceRegion actual = reading.regions().stream().filter(r -> r.name().equals(e.name())).findFirst().orElseThrow();
            BoundingBox want = e.pixels(geometry.orientedWidth(), geometry.orientedHeight());
            assertThat(actual.box().iou(want)).as("IoU of %s: read %s, ExifTool %s", e.name(), actual.box(), want).isGreaterThanOrEqualTo(0.8);
            assertThat(actual.schema()).isEqualTo(microsoft ? RegionSchema.MICROSOFT : RegionSchema.MWG);
            assertThat(actual.location()).isEqualTo(where == Where.EMBEDDED ? RegionLocation.EMBEDDED : RegionLocation.SIDECAR);
            assertThat(actual.provenance().file()).isEqualTo(written);
        }
    }

    /** A sidecar made by ExifTool from the photo, holding the regions; the photo itself keeps none. */
    private static Path sidecar(Path photo, Path sidecar, String orient, String assignment) throws Exception {
        ExifToolWitness.run("-q", "-overwrite_original", orient, photo.toString());
        ExifToolWitness.run("-q", "-o", sidecar.toString(), assignment, photo.toString());
        return sidecar;
    }
}
