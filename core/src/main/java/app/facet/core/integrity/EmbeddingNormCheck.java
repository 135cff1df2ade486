package app.facet.core.integrity;

import app.facet.core.rules.FaceRule;
import app.facet.core.catalog.IntegrityCheckStore;

/**
 * Embeddings of the right size whose L2 norm is not 1 (decoded as float32 little-endian). Wrong-size and
 * unknown-model embeddings are another check.
 */
final class EmbeddingNormCheck implements IntegrityCheck.Single {
    private static final CheckInfo INFO = new CheckInfo(CheckNames.EMBEDDING_NOT_NORMALISED, "Embeddings not L2-normalised", Severity.ERROR,
            CheckMode.FULL, "Repair normalises them (an all-zero or non-finite embedding is dropped and computed again by the next scan).", true);

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    public long workItems(CheckContext ctx) {
        return IntegrityCheckStore.countWellSizedEmbeddings(ctx.tx());
    }

    @Override
    public void run(CheckContext ctx, Findings findings) {
        IntegrityCheckStore.wellSizedEmbeddings(ctx.tx(), row -> {
            String detail = FaceRule.normalisationProblem(row.embedding());
            if (detail != null) {
                findings.add(Subject.FACE, row.faceId(), row.imagePath(), detail);
            }
            ctx.progress().advance(1);
        });
    }
}
