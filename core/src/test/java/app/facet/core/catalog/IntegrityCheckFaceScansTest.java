package app.facet.core.catalog;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The face-rule pass binds the registered models' ids and dimensions as parameters: a model id with a quote in it
 * is matched as text, and each embedding is judged against its own model's dimension.
 */
class IntegrityCheckFaceScansTest {
    @TempDir
    Path tmp;

    @Test
    void eachEmbeddingIsJudgedAgainstItsOwnModelWhateverTheModelIdHoldsInIt() throws Exception {
        Catalog catalog = Catalog.open(new LibraryLocation(tmp.resolve("lib")));
        String photo = tmp.resolve("photos/a.jpg").toString();
        String crop = catalog.location().cropsDir().resolve("00/a.jpg").toString();
        try (Connection c = catalog.connect(); Statement st = c.createStatement()) {
            st.execute("DROP TRIGGER face_crops_guard_insert"); // as a legacy import would: the check must still see it
            st.execute("INSERT INTO photos (id, path, size_bytes, mtime_ms, width, height) VALUES (1, '" + photo + "', 10, 0, 100, 80)");
            st.execute("INSERT INTO embedding_models (id, dimension, sha256) VALUES ('it''s'' four', 4, 'x'), ('two', 2, 'y')");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO face_crops (photo_id, image_path, crop_path, x, y, w, h,"
                    + " detection_score, detector, embedding, embedding_model_id) VALUES (1, ?, ?, 0, 0, 10, 10, 0.9, 'yunet', ?, ?)")) {
                for (String model : List.of("it's' four", "two")) {
                    ps.setString(1, photo);
                    ps.setString(2, crop);
                    ps.setBytes(3, Embeddings.toBytes(new float[]{0.5f, 0.5f, 0.5f, 0.5f}));
                    ps.setString(4, model);
                    ps.executeUpdate();
                }
            }
        }
        List<IntegrityCheckFaceScans.FaceRuleRow> rows = new ArrayList<>();
        Tx.read(catalog, "scan the face rows", tx -> {
            IntegrityCheckFaceScans.faceRuleRows(tx, rows::add);
            return null;
        });
        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.embeddingModelId()).isEqualTo("two");
            assertThat(r.dimension()).isEqualTo(2L);
            assertThat(r.embeddingBytes()).isEqualTo(16L);
            assertThat(r.badEmbedding()).isTrue();
        });
    }
}
