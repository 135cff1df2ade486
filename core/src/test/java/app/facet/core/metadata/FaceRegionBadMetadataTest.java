package app.facet.core.metadata;

import app.facet.core.testing.SharedMaterial;
import app.facet.model.BoundingBox;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static app.facet.core.metadata.MetadataProblem.Reason.ABSURD_SIZE;
import static app.facet.core.metadata.MetadataProblem.Reason.CLIPPED;
import static app.facet.core.metadata.MetadataProblem.Reason.CONFLICTING_NAMES;
import static app.facet.core.metadata.MetadataProblem.Reason.DIMENSIONS_MISMATCH;
import static app.facet.core.metadata.MetadataProblem.Reason.INVALID_AREA;
import static app.facet.core.metadata.MetadataProblem.Reason.MALFORMED_XMP;
import static app.facet.core.metadata.MetadataProblem.Reason.OUTSIDE_IMAGE;
import static app.facet.core.metadata.MetadataProblem.Reason.TOO_MANY_REGIONS;
import static app.facet.core.metadata.MetadataProblem.Reason.UNREADABLE;
import static app.facet.core.metadata.MetadataProblem.Reason.UNSAFE_NAME;
import static org.assertj.core.api.Assertions.assertThat;

/** Bad metadata is bad input: every defect gives a recorded reason, good regions beside it are still read, nothing throws. */
class FaceRegionBadMetadataTest {

    @TempDir
    Path dir;

    private Path photo;
    /** groups/two_people.jpg is 1126 x 661, orientation 1. */
    private final PhotoGeometry geometry = new PhotoGeometry(1126, 661, 1);
    private final FaceRegionReader reader = new FaceRegionReader();

    @BeforeEach
    void copyPhoto() throws Exception {
        photo = dir.resolve("photo.jpg");
        Files.copy(SharedMaterial.photo("groups/two_people.jpg"), photo);
    }

    @Test
    void aMalformedSidecarIsRecordedAndTheOtherSidecarIsStillRead() throws Exception {
        Files.writeString(dir.resolve("photo.jpg.xmp"), "<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF><broken");
        new TestSidecars().face(0.5, 0.5, 0.2, 0.3, "Ada").writeTo(dir.resolve("photo.xmp"));

        FaceRegionReading r = reader.read(photo, geometry);

        assertThat(r.problems()).extracting(MetadataProblem::reason).containsExactly(MALFORMED_XMP);
        assertThat(r.problems().get(0).file()).isEqualTo(dir.resolve("photo.jpg.xmp"));
        assertThat(r.regions()).extracting(FaceRegion::name).containsExactly("Ada");
        assertThat(r.regions().get(0).box().iou(new BoundingBox(0.4 * 1126, 0.35 * 661, 0.2 * 1126, 0.3 * 661))).isGreaterThan(0.999);
    }

    @Test
    @Timeout(20)
    void anEntityBombIsRefusedNotExpanded() throws Exception {
        StringBuilder xml = new StringBuilder("<?xml version='1.0'?><!DOCTYPE x [<!ENTITY a0 'aaaaaaaaaa'>");
        for (int i = 1; i < 12; i++) {
            xml.append("<!ENTITY a").append(i).append(" '").append(("&a" + (i - 1) + ";").repeat(10)).append("'>");
        }
        xml.append("]><x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'>"
                + "<rdf:Description xmlns:dc='http://purl.org/dc/elements/1.1/' dc:format='&a11;'/></rdf:RDF></x:xmpmeta>");
        Files.writeString(dir.resolve("photo.jpg.xmp"), xml);

        FaceRegionReading r = reader.read(photo, geometry);

        assertThat(r.problems()).extracting(MetadataProblem::reason).containsExactly(MALFORMED_XMP);
        assertThat(r.regions()).isEmpty();
    }

    @Test
    void eachBadRegionGetsItsReasonAndTheGoodOneIsRead() throws Exception {
        new TestSidecars()
                .face(0.5, 0.5, 0.2, 0.3, "Good")                                   // 1 fine
                .face(1.7, 1.8, 0.2, 0.2, "Far")                                    // 2 outside
                .face(0.98, 0.5, 0.2, 0.2, "Edge")                                  // 3 partly outside: clipped
                .face(0.5, 0.5, 0.0, 0.2, "Flat")                                   // 4 zero width
                .face(0.5, 0.5, -0.2, 0.2, "Negative")                              // 5 negative width
                .face(0.5, 0.5, 1.0, 1.0, "Everything")                             // 6 whole frame
                .face(0.5, 0.5, 0.001, 0.001, "Dot")                                // 7 about 1 px
                .mwg("abc", "0.5", "0.1", "0.1", "normalized", "Letters", "Face")   // 8 not a number
                .mwg("0.5", "0.5", "0.1", "0.1", "inch", "Inches", "Face")          // 9 unknown unit
                .mwg("563", "330", "100", "120", "pixel", "Pixels", "Face")         // 10 pixels without AppliedToDimensions
                .mwg("0.5", "0.5", "0.1", "0.1", "normalized", "Rex", "Pet")        // not a face: ignored silently
                .mwg("NaN", "0.5", "0.1", "0.1", "normalized", "NotANumber", "Face")// 12 NaN
                .writeTo(dir.resolve("photo.jpg.xmp"));

        FaceRegionReading r = reader.read(photo, geometry);

        assertThat(r.regions()).extracting(FaceRegion::name).containsExactly("Good", "Edge");
        BoundingBox edge = r.regions().get(1).box();
        assertThat(edge.right()).isEqualTo(1126.0);
        assertThat(edge.x()).isCloseTo(0.88 * 1126, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(r.problems()).extracting(MetadataProblem::reason).containsExactly(
                OUTSIDE_IMAGE, CLIPPED, INVALID_AREA, INVALID_AREA, ABSURD_SIZE, ABSURD_SIZE, INVALID_AREA, INVALID_AREA, INVALID_AREA, INVALID_AREA);
        assertThat(r.problems().get(0).message()).contains("'Far'", "RegionList[2]", "not imported");
        assertThat(r.problems().get(8).message()).contains("pixels but no AppliedToDimensions");
    }

    @Test
    void pixelAreasAreScaledByAppliedToDimensions() throws Exception {
        new TestSidecars().dimensions(1126, 661).mwg("563", "330.5", "100", "120", "pixel", "Pixels", "Face").writeTo(dir.resolve("photo.jpg.xmp"));

        FaceRegionReading r = reader.read(photo, geometry);

        assertThat(r.problems()).isEmpty();
        assertThat(r.regions().get(0).box().iou(new BoundingBox(513, 270.5, 100, 120))).isGreaterThan(0.999);
    }

    @Test
    void thousandsOfRegionsAreCapped() throws Exception {
        TestSidecars s = new TestSidecars();
        for (int i = 0; i < 3000; i++) {
            s.face(0.01 + (i % 60) * 0.0165, 0.02 + (i / 60) * 0.0195, 0.01, 0.015, null);
        }
        s.writeTo(dir.resolve("photo.jpg.xmp"));

        FaceRegionReading r = reader.read(photo, geometry);

        assertThat(r.problems()).extracting(MetadataProblem::reason).containsExactly(TOO_MANY_REGIONS);
        assertThat(r.problems().get(0).message()).contains("3000", "500");
        assertThat(r.regions()).hasSize(FaceRegionReader.MAX_REGIONS);
    }

    @Test
    void namesWithControlOrBidiCharactersAreRefusedAndTheBoxKeptUnnamed() throws Exception {
        new TestSidecars()
                .face(0.2, 0.2, 0.1, 0.1, "Eve\u202Eevil")
                .face(0.4, 0.2, 0.1, 0.1, "Isolated\u2066name")
                .face(0.6, 0.2, 0.1, 0.1, "Tab\tname")
                .face(0.8, 0.2, 0.1, 0.1, "Next\u0085line")
                .face(0.2, 0.6, 0.1, 0.1, "x".repeat(300))
                .face(0.4, 0.6, 0.1, 0.1, "  Zoë  ")
                .face(0.6, 0.6, 0.1, 0.1, "   ")
                .writeTo(dir.resolve("photo.jpg.xmp"));

        FaceRegionReading r = reader.read(photo, geometry);

        assertThat(r.regions()).hasSize(7);
        assertThat(r.regions()).extracting(FaceRegion::name).containsExactly(null, null, null, null, null, "Zoë", null);
        assertThat(r.problems()).extracting(MetadataProblem::reason).containsExactly(UNSAFE_NAME, UNSAFE_NAME, UNSAFE_NAME, UNSAFE_NAME, UNSAFE_NAME);
        assertThat(r.problems().get(0).message()).contains("U+202E").doesNotContain("\u202E");
        assertThat(r.problems().get(4).message()).contains("300 characters");
    }

    @Test
    void appliedToDimensionsOfTheRotatedSizeIsReportedButTheMwgRuleIsKept() throws Exception {
        new TestSidecars().dimensions(661, 1126).face(0.5, 0.5, 0.2, 0.3, "Ada").writeTo(dir.resolve("photo.jpg.xmp"));
        PhotoGeometry rotated = new PhotoGeometry(661, 1126, 6);

        FaceRegionReading r = reader.read(photo, rotated);

        assertThat(r.problems()).extracting(MetadataProblem::reason).containsExactly(DIMENSIONS_MISMATCH);
        assertThat(r.problems().get(0).message()).contains("matches the size after rotation");
        // stored centre (0.5, 0.5), w 0.2 h 0.3 of the stored 1126 x 661 image: after 90 degrees clockwise, w 0.3 h 0.2 of 661 x 1126
        assertThat(r.regions().get(0).box().iou(new BoundingBox(0.35 * 661, 0.4 * 1126, 0.3 * 661, 0.2 * 1126))).isGreaterThan(0.999);
    }

    @Test
    void theSameFaceNamedDifferentlyInTwoSidecarsKeepsTheFullNameSidecarAndSaysSo() throws Exception {
        new TestSidecars().face(0.5, 0.5, 0.2, 0.3, "Ada").writeTo(dir.resolve("photo.jpg.xmp"));
        new TestSidecars().face(0.51, 0.5, 0.2, 0.3, "Eve").face(0.2, 0.2, 0.1, 0.1, "Dee").writeTo(dir.resolve("photo.xmp"));

        FaceRegionReading r = reader.read(photo, geometry);

        assertThat(r.regions()).extracting(FaceRegion::name).containsExactly("Ada", "Dee");
        assertThat(r.regions().get(0).provenance().file()).isEqualTo(dir.resolve("photo.jpg.xmp"));
        assertThat(r.problems()).extracting(MetadataProblem::reason).containsExactly(CONFLICTING_NAMES);
        assertThat(r.problems().get(0).message()).contains("'Ada'", "'Eve'");
    }

    @Test
    void mwgRegionsWinOverMicrosoftOnesInTheSamePacketAndIgnoredWindowsFacesAreSkipped() throws Exception {
        new TestSidecars().face(0.5, 0.5, 0.2, 0.3, "Ada").microsoft("0.1, 0.1, 0.1, 0.1", "Dee").writeTo(dir.resolve("photo.jpg.xmp"));
        new TestSidecars().microsoft("0.7, 0.1, 0.1, 0.1", "ffffffffffffffff").microsoft("0.1, 0.6, 0.1, 0.1", "Bo")
                .microsoft("0.1, 0.1, 0.1", "Three").writeTo(dir.resolve("photo.xmp"));

        FaceRegionReading r = reader.read(photo, geometry);

        assertThat(r.regions()).extracting(FaceRegion::name).containsExactly("Ada", "Bo");
        assertThat(r.regions()).extracting(FaceRegion::schema).containsExactly(RegionSchema.MWG, RegionSchema.MICROSOFT);
        assertThat(r.regions().get(1).provenance().index()).isEqualTo(2);
        assertThat(r.problems()).extracting(MetadataProblem::reason).containsExactly(INVALID_AREA);
        assertThat(r.problems().get(0).message()).contains("'Three'", "not four numbers");
    }

    @Test
    void aPhotoThatIsNotAnImageIsAProblemNotAnException() throws Exception {
        Path junk = dir.resolve("junk.jpg");
        Files.write(junk, "this is not a JPEG".getBytes(StandardCharsets.US_ASCII));
        new TestSidecars().face(0.5, 0.5, 0.2, 0.3, "Ada").writeTo(dir.resolve("junk.jpg.xmp"));

        FaceRegionReading r = reader.read(junk, geometry);

        assertThat(r.problems()).extracting(MetadataProblem::reason).containsExactly(UNREADABLE);
        assertThat(r.regions()).extracting(FaceRegion::name).containsExactly("Ada");
        assertThat(reader.read(dir.resolve("missing.jpg"), geometry).problems()).extracting(MetadataProblem::reason).containsExactly(UNREADABLE);
    }

    @Test
    void theWriterSkipsUnnamedUnsafeAndOutsideFacesAndRefusesAnUnreadableSidecar() throws Exception {
        FaceRegionSidecarWriter writer = new FaceRegionSidecarWriter();
        List<NamedFace> faces = List.of(new NamedFace(new BoundingBox(10, 10, 50, 60), null),
                new NamedFace(new BoundingBox(100, 10, 50, 60), "Eve\u202Eevil"),
                new NamedFace(new BoundingBox(2000, 10, 50, 60), "Far"),
                new NamedFace(new BoundingBox(300, 100, 80, 90), "Ada"));

        SidecarWriteResult dry = writer.write(photo, geometry, faces, SidecarWriteMode.DRY_RUN);
        assertThat(dry.skipped()).hasSize(3);
        assertThat(dry.skipped().get(0)).contains("has no name");
        assertThat(dry.skipped().get(1)).contains("U+202E");
        assertThat(dry.skipped().get(2)).contains("outside");
        assertThat(dry.changes()).contains("add PersonInImage 'Ada'").noneMatch(c -> c.contains("Far") || c.contains("Eve"));

        Path sidecar = dir.resolve("photo.jpg.xmp");
        byte[] broken = "<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF><broken".getBytes(StandardCharsets.UTF_8);
        Files.write(sidecar, broken);
        SidecarWriteResult refused = writer.write(photo, geometry, faces, SidecarWriteMode.WRITE);
        assertThat(refused.status()).isEqualTo(SidecarWriteResult.Status.REFUSED);
        assertThat(refused.written()).isFalse();
        assertThat(refused.changes().get(0)).contains("not valid XMP", "left untouched");
        assertThat(Files.readAllBytes(sidecar)).isEqualTo(broken);
    }

    @Test
    void theWriterLeavesASidecarWithAnUnexpectedStructureUntouchedAndCopesWithBrokenOldRegions() throws Exception {
        FaceRegionSidecarWriter writer = new FaceRegionSidecarWriter();
        List<NamedFace> faces = List.of(new NamedFace(new BoundingBox(300, 100, 80, 90), "Ada"));
        Path sidecar = new TestSidecars().face(0.5, 0.5, 0.2, 0.2, "Dee")
                .simple(XmpNamespaces.IPTC_EXT, "PersonInImage", "Dee").writeTo(dir.resolve("photo.jpg.xmp"));
        byte[] before = Files.readAllBytes(sidecar);

        SidecarWriteResult refused = writer.write(photo, geometry, faces, SidecarWriteMode.WRITE);

        assertThat(refused.status()).isEqualTo(SidecarWriteResult.Status.REFUSED);
        assertThat(refused.changes().get(0)).contains("unexpected structure", "left untouched");
        assertThat(Files.readAllBytes(sidecar)).isEqualTo(before);

        // an old named region without a usable area is replaced, not a crash
        new TestSidecars().face(0.5, 0.5, 0.0, 0.2, "Flat").writeTo(sidecar);
        SidecarWriteResult updated = writer.write(photo, geometry, faces, SidecarWriteMode.WRITE);
        assertThat(updated.status()).isEqualTo(SidecarWriteResult.Status.UPDATED);
        assertThat(updated.changes()).contains("remove face region 'Flat' (without a usable area)");
        assertThat(reader.read(photo, geometry).regions()).extracting(FaceRegion::name).containsExactly("Ada");
    }
}
