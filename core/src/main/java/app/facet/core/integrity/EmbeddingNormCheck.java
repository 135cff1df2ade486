package app.facet.core.integrity;

import app.facet.core.rules.FaceRule;
import app.facet.core.rules.FaceRowFacts;
import app.facet.core.catalog.Embeddings;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Embeddings of the right size whose L2 norm is not 1 (decoded as float32 little-endian). Wrong-size and
 * unknown-model embeddings are another check.
 */
final class EmbeddingNormCheck implements IntegrityCheck.Single {
    private static final CheckInfo INFO = new CheckInfo(CheckNames.EMBEDDING_NOT_NORMALISED, "Embeddings not L2-normalised", Severity.ERROR,
            CheckMode.FULL, "Repair normalises them (an all-zero or non-finite embedding is dropped and computed again by the next scan).", true);

    static final String WELL_SIZED = "FROM face_crops f JOIN embedding_models m ON m.id = f.embedding_model_id"
            + " WHERE f.embedding IS NOT NULL AND typeof(f.embedding) = 'blob' AND length(f.embedding) = 4 * m.dimension";

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    public long workItems(CheckContext ctx) throws SQLException {
        return Queries.count(ctx.connection(), "SELECT count(*) " + WELL_SIZED);
    }

    @Override
    public void run(CheckContext ctx, Findings findings) throws SQLException {
        try (PreparedStatement ps = ctx.connection().prepareStatement("SELECT f.id, f.image_path, f.embedding " + WELL_SIZED + " ORDER BY f.id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                float[] embedding = Embeddings.fromBytes(rs.getBytes(3));
                String detail = FaceRule.EMBEDDING_NOT_NORMALISED.detail(new FaceRowFacts(null, null, null, 0, 0, 1, 1, null, null, 0,
                        4 * embedding.length, embedding, null, embedding.length), null, path -> false);
                if (detail != null) {
                    findings.add(Subject.FACE, rs.getLong(1), rs.getString(2), detail);
                }
                ctx.progress().advance(1);
            }
        }
    }
}
