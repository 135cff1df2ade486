package app.facet.core.catalog;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The guards live in the database: raw SQL, bypassing all Java code, must still be refused. */
class CatalogGuardTest {
    @TempDir
    Path tmp;
    Catalog catalog;
    String photo;
    String crop;

    @BeforeEach
    void open() throws Exception {
        catalog = Catalog.open(new LibraryLocation(tmp.resolve("lib")));
        photo = tmp.resolve("photos/a.jpg").toString();
        crop = catalog.location().cropsDir().resolve("00/p1-r1-f0.jpg").toString();
        sql("INSERT INTO photos (id, path, size_bytes, mtime_ms, width, height) VALUES (1, '" + photo + "', 10, 0, 100, 80)");
        sql("INSERT INTO embedding_models (id, dimension, sha256) VALUES ('m', 4, 'x')");
    }

    @Test
    void rawInsertOfACropPathAsImagePathIsRefusedByTheDatabase() throws Exception {
        assertThatThrownBy(() -> sql("INSERT INTO face_crops (photo_id, image_path, crop_path, x, y, w, h, detection_score, detector) "
                + "VALUES (1, '" + crop + "', '" + crop + "', 0, 0, 10, 10, 0.9, 'yunet')"))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("face crop is never an original photo");
        assertThat(count("SELECT count(*) FROM face_crops")).isZero();
    }

    @Test
    void imagePathMustEqualItsPhotosPath() {
        assertThatThrownBy(() -> insertFace("'" + tmp.resolve("photos/other.jpg") + "'", 10, 10, "NULL", "NULL"))
                .hasMessageContaining("must equal the path of its photo");
    }

    @Test
    void updateToACropPathIsRefusedToo() throws Exception {
        insertFace("'" + photo + "'", 10, 10, "NULL", "NULL");
        assertThatThrownBy(() -> sql("UPDATE face_crops SET image_path = '" + crop + "'"))
                .hasMessageContaining("face crop is never an original photo");
    }

    @Test
    void boxMustHaveArea() {
        assertThatThrownBy(() -> insertFace("'" + photo + "'", 0, 10, "NULL", "NULL")).hasMessageContaining("CHECK");
        assertThatThrownBy(() -> insertFace("'" + photo + "'", 10, -1, "NULL", "NULL")).hasMessageContaining("CHECK");
    }

    @Test
    void embeddingLengthMustMatchItsModel() throws Exception {
        assertThatThrownBy(() -> insertFace("'" + photo + "'", 10, 10, "zeroblob(12)", "'m'"))
                .hasMessageContaining("embedding length does not match");
        insertFace("'" + photo + "'", 10, 10, "zeroblob(16)", "'m'");
        assertThat(count("SELECT count(*) FROM face_crops")).isEqualTo(1);
    }

    @Test
    void photosInsideTheManagedFolderAreRefused() {
        assertThatThrownBy(() -> sql("INSERT INTO photos (path, size_bytes, mtime_ms) VALUES ('" + crop + "', 1, 0)"))
                .hasMessageContaining("never catalogues its own crops");
    }

    @Test
    void deletingAPhotoCascadesItsFacesAndQueuesTheirCropFiles() throws Exception {
        Files.createDirectories(Path.of(crop).getParent());
        Files.write(Path.of(crop), new byte[]{1, 2, 3});
        insertFace("'" + photo + "'", 10, 10, "NULL", "NULL");
        sql("DELETE FROM photos WHERE id = 1");
        assertThat(count("SELECT count(*) FROM face_crops")).isZero();
        assertThat(count("SELECT count(*) FROM crop_files_to_delete")).isEqualTo(1);
        assertThat(new CropFileJanitor(catalog).sweep()).isEqualTo(1);
        assertThat(Path.of(crop)).doesNotExist();
        assertThat(count("SELECT count(*) FROM crop_files_to_delete")).isZero();
    }

    @Test
    void janitorNeverDeletesOutsideTheCropsFolder() throws Exception {
        Path original = Files.createDirectories(tmp.resolve("photos")).resolve("keep.jpg");
        Files.write(original, new byte[]{1});
        sql("INSERT INTO crop_files_to_delete (path) VALUES ('" + original + "')");
        new CropFileJanitor(catalog).sweep();
        assertThat(original).exists();
    }

    @Test
    void movingAPhotoCarriesItsFacesImagePath() throws Exception {
        insertFace("'" + photo + "'", 10, 10, "NULL", "NULL");
        String moved = tmp.resolve("photos/moved.jpg").toString();
        sql("UPDATE photos SET path = '" + moved + "' WHERE id = 1");
        try (Connection c = catalog.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT image_path FROM face_crops")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo(moved);
        }
    }

    @Test
    void personCountsFollowAssignmentsAndDeletingAPersonUnassignsItsFaces() throws Exception {
        sql("INSERT INTO persons (id, name) VALUES (7, 'Ann')");
        insertFace("'" + photo + "'", 10, 10, "NULL", "NULL");
        sql("UPDATE face_crops SET person_id = 7, assigned_by = 'user'");
        assertThat(count("SELECT face_count FROM persons WHERE id = 7")).isEqualTo(1);
        assertThat(count("SELECT photo_count FROM persons WHERE id = 7")).isEqualTo(1);
        sql("DELETE FROM persons WHERE id = 7");
        assertThat(count("SELECT count(*) FROM face_crops WHERE person_id IS NULL AND assigned_by = 'none'")).isEqualTo(1);
    }

    @Test
    void reopeningAnExistingCatalogKeepsItsRows() throws Exception {
        Catalog again = Catalog.open(catalog.location());
        try (Connection c = again.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM photos")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
        }
    }

    private void insertFace(String imagePath, double w, double h, String embedding, String model) throws SQLException {
        sql("INSERT INTO face_crops (photo_id, image_path, crop_path, x, y, w, h, detection_score, detector, embedding, embedding_model_id) "
                + "VALUES (1, " + imagePath + ", '" + crop + "', 1, 1, " + w + ", " + h + ", 0.9, 'yunet', " + embedding + ", " + model + ")");
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
}
