package app.facet.core.validation;

import app.facet.core.rules.ManagedFolder;
import app.facet.core.catalog.NewFaceCrop;

import app.facet.core.catalog.Catalog;
import app.facet.core.catalog.LibraryLocation;
import app.facet.model.AssignedBy;
import app.facet.model.BoundingBox;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

/** Every face write goes through one validator; a refused write is recorded, never silent, and leaves no crop file. */
class FaceCropWriterTest {
    @TempDir
    Path tmp;
    Catalog catalog;
    FaceCropWriter writer;
    String photo;

    @BeforeEach
    void setUp() throws Exception {
        catalog = Catalog.open(new LibraryLocation(tmp.resolve("lib")));
        writer = new FaceCropWriter(ManagedFolder.of(catalog.location().managedDir()), catalog.location().cropsDir());
        photo = tmp.resolve("photos/a.jpg").toString();
        sql("INSERT INTO photos (id, path, size_bytes, mtime_ms, width, height) VALUES (1, '" + photo + "', 10, 0, 200, 100)");
        sql("INSERT INTO embedding_models (id, dimension, sha256) VALUES ('m4', 4, 'x')");
    }

    @Test
    void aValidFaceIsStored() throws Exception {
        OptionalLong id = insert(face(photo, crop("ok.jpg"), new BoundingBox(10, 10, 50, 50), 0.9, unit(4)));
        assertThat(id).isPresent();
        assertThat(count("SELECT count(*) FROM face_crops WHERE status = 'valid'")).isEqualTo(1);
    }

    @Test
    void aCropPathAsImagePathIsRejectedRecordedAndItsCropRemoved() throws Exception {
        String crop = crop("bad.jpg");
        OptionalLong id = insert(face(crop, crop, new BoundingBox(10, 10, 50, 50), 0.9, null));
        assertThat(id).isEmpty();
        assertThat(count("SELECT count(*) FROM face_crops")).isZero();
        assertThat(text("SELECT reason FROM rejected_writes")).startsWith("image_path_is_crop");
        assertThat(Path.of(crop)).doesNotExist();
    }

    @Test
    void boxOutsideTheImageScoreOutOfRangeAndWrongEmbeddingAreEachRejectedWithTheirReason() throws Exception {
        assertThat(insert(face(photo, crop("a.jpg"), new BoundingBox(180, 10, 50, 50), 0.9, null))).isEmpty();
        assertThat(insert(face(photo, crop("b.jpg"), new BoundingBox(10, 10, 50, 50), 1.5, null))).isEmpty();
        assertThat(insert(face(photo, crop("c.jpg"), new BoundingBox(10, 10, 50, 50), 0.9, unit(3)))).isEmpty();
        assertThat(insert(face(photo, crop("d.jpg"), new BoundingBox(10, 10, 50, 50), 0.9, new float[]{1, 1, 1, 1}))).isEmpty();
        assertThat(count("SELECT count(*) FROM face_crops")).isZero();
        assertThat(count("SELECT count(*) FROM rejected_writes WHERE reason LIKE 'box_outside_image:%'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM rejected_writes WHERE reason LIKE 'detection_score_out_of_range:%'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM rejected_writes WHERE reason LIKE 'embedding_wrong_size:%'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM rejected_writes WHERE reason LIKE 'embedding_not_normalised:%'")).isEqualTo(1);
    }

    @Test
    void aMissingCropFileIsRejected() throws Exception {
        String never = catalog.location().cropsDir().resolve("00/never-written.jpg").toString();
        assertThat(insert(face(photo, never, new BoundingBox(10, 10, 50, 50), 0.9, null))).isEmpty();
        assertThat(text("SELECT reason FROM rejected_writes")).startsWith("crop_file_missing");
    }

    @Test
    void storedRowsThatBreakTheRulesAreFlaggedInvalidWithTheirReasonNotDeleted() throws Exception {
        insert(face(photo, crop("ok.jpg"), new BoundingBox(10, 10, 50, 50), 0.9, null));
        // plant the old corruption by raw SQL with the guard dropped, as a legacy import would
        String crop = crop("legacy.jpg");
        sql("DROP TRIGGER face_crops_guard_insert");
        sql("INSERT INTO face_crops (photo_id, image_path, crop_path, x, y, w, h, detection_score, detector) "
                + "VALUES (1, '" + crop + "', '" + crop + "', 1, 1, 20, 20, 0.8, 'legacy')");

        FaceRowRevalidator.Result r = new FaceRowRevalidator(catalog).run();

        assertThat(r.checked()).isEqualTo(2);
        assertThat(r.flaggedInvalid()).isEqualTo(1);
        assertThat(text("SELECT invalid_reason FROM face_crops WHERE status = 'invalid'")).startsWith("image_path_is_crop").doesNotContain("image_path_not_photo_path");
        assertThat(count("SELECT count(*) FROM face_crops WHERE status = 'valid'")).isEqualTo(1);
    }

    @Test
    void theFacesOfOnePhotoAreJudgedAgainstItsRowAsReadOnce() throws Exception {
        try (Connection c = catalog.connect()) {
            FaceCropWriter.PhotoFaces faces = writer.forPhoto(app.facet.core.catalog.Tx.of(c), 1);
            // read once: a later change of the row is not seen (the scan writes the image size before forPhoto)
            try (Statement st = c.createStatement()) {
                st.executeUpdate("UPDATE photos SET width = 1000 WHERE id = 1");
            }
            assertThat(faces.insert(face(photo, crop("1.jpg"), new BoundingBox(10, 10, 50, 50), 0.9, unit(4)), null)).isPresent();
            assertThat(faces.insert(face(photo, crop("2.jpg"), new BoundingBox(300, 10, 50, 50), 0.9, unit(4)), null)).isEmpty();
            assertThat(faces.insert(face(photo, crop("3.jpg"), new BoundingBox(100, 10, 50, 50), 0.9, unit(3)), null)).isEmpty();
            assertThat(faces.insert(face(photo, crop("4.jpg"), new BoundingBox(120, 40, 50, 50), 0.9, unit(4)), null)).isPresent();
            NewFaceCrop ofAnotherPhoto = new NewFaceCrop(2, photo, crop("5.jpg"), new BoundingBox(10, 10, 50, 50), null, 0.9,
                    "test", null, null, null, null, AssignedBy.NONE);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> faces.insert(ofAnotherPhoto, null))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(count("SELECT count(*) FROM face_crops")).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM rejected_writes WHERE reason LIKE 'box_outside_image:%'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM rejected_writes WHERE reason LIKE 'embedding_wrong_size:%'")).isEqualTo(1);
    }

    private NewFaceCrop face(String imagePath, String cropPath, BoundingBox box, double score, float[] embedding) {
        return new NewFaceCrop(1, imagePath, cropPath, box, null, score, "test", null, embedding,
                embedding == null ? null : "m4", null, AssignedBy.NONE);
    }

    private String crop(String name) throws Exception {
        Path p = catalog.location().cropsDir().resolve("00").resolve(name);
        Files.createDirectories(p.getParent());
        Files.write(p, new byte[]{(byte) 0xFF, (byte) 0xD8});
        return p.toString();
    }

    private static float[] unit(int dim) {
        float[] v = new float[dim];
        v[0] = 1;
        return v;
    }

    private OptionalLong insert(NewFaceCrop f) throws SQLException {
        try (Connection c = catalog.connect()) {
            return writer.insert(app.facet.core.catalog.Tx.of(c), f, null);
        }
    }

    private void sql(String s) throws SQLException {
        try (Connection c = catalog.connect(); Statement st = c.createStatement()) {
            st.executeUpdate(s);
        }
    }

    private long count(String q) throws SQLException {
        try (Connection c = catalog.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(q)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private String text(String q) throws SQLException {
        try (Connection c = catalog.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(q)) {
            rs.next();
            return rs.getString(1);
        }
    }

}
