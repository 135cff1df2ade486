package app.facet.core.integrity;

import app.facet.core.catalog.Embeddings;
import app.facet.core.catalog.FaceCropStore;
import app.facet.core.catalog.NewFaceCrop;
import app.facet.core.catalog.Tx;
import app.facet.core.rules.FaceRule;
import app.facet.core.rules.ManagedFolder;
import app.facet.core.testing.LibraryFixture;
import app.facet.core.testing.LibraryFixture.FaceRow;
import app.facet.core.validation.FaceCropWriter;
import app.facet.core.validation.FaceRowRevalidator;
import app.facet.model.AssignedBy;
import app.facet.model.BoundingBox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One rule set, four users: on a table of planted face rows, one or more per {@link FaceRule}, the scan's writer
 * refuses, the post-write flagging marks, the integrity check reports and each rule's own SQL test selects exactly
 * the same rows with the same rule codes. Rows planted with raw SQL (guards dropped, as a legacy import or another
 * program would) are the rows these users disagreed on before the rules were one.
 */
class FaceRulesAgreementTest {
    @TempDir
    Path dir;

    @Test
    void writerFlaggingCheckAndSqlAgreeOnEveryPlantedRow() throws Exception {
        LibraryFixture fx = LibraryFixture.build(dir);
        fx.dropGuardTriggers();
        fx.dropBoxTriggers();
        Map<Long, Set<FaceRule>> planted = plant(fx, fx.faces());
        Map<Long, Set<FaceRule>> expected = new HashMap<>(planted);
        expected.values().removeIf(Set::isEmpty);
        assertThat(EnumSet.copyOf(expected.values().stream().flatMap(Set::stream).toList()))
                .as("every rule is planted at least once").isEqualTo(EnumSet.allOf(FaceRule.class));

        assertThat(bySql(fx)).as("each rule's SQL test").isEqualTo(withSqlRulesOnly(expected));
        assertThat(byWriter(fx, planted.keySet())).as("the writer, on every planted row it can be handed")
                .isEqualTo(representable(fx, expected));
        assertThat(byFlagging(fx)).as("the post-write flagging").isEqualTo(expected);
        assertThat(byCheck(new IntegrityChecker(fx.catalog()).check(CheckMode.FULL))).as("the integrity check").isEqualTo(expected);
    }

    private static Map<Long, Set<FaceRule>> plant(LibraryFixture fx, List<FaceRow> f) throws Exception {
        Map<Long, Set<FaceRule>> p = new HashMap<>();
        plant(fx, p, f.get(0), EnumSet.of(FaceRule.IMAGE_PATH_IS_CROP), "UPDATE face_crops SET image_path = crop_path WHERE id = ?");
        plant(fx, p, f.get(1), EnumSet.of(FaceRule.IMAGE_PATH_IS_CROP),
                "UPDATE face_crops SET image_path = '" + f.get(2).cropPath() + "' WHERE id = ?");
        plant(fx, p, f.get(3), EnumSet.of(FaceRule.IMAGE_PATH_NOT_PHOTO_PATH), "UPDATE face_crops SET image_path = '/elsewhere/a.jpg' WHERE id = ?");
        // 0.9 px passed the old writer (w > 0) while the check called it degenerate
        plant(fx, p, f.get(4), EnumSet.of(FaceRule.CROP_PATH_OUTSIDE_MANAGED, FaceRule.BOX_DEGENERATE),
                "UPDATE face_crops SET crop_path = '/tmp/x.jpg', w = 0.9 WHERE id = ?");
        // outside the managed folder, a path is still a crop when it is some face's crop_path
        plant(fx, p, f.get(12), EnumSet.of(FaceRule.IMAGE_PATH_IS_CROP), "UPDATE face_crops SET image_path = '/tmp/x.jpg' WHERE id = ?");
        plant(fx, p, f.get(5), EnumSet.of(FaceRule.BOX_DEGENERATE), "UPDATE face_crops SET x = 'left' WHERE id = ?");
        plant(fx, p, f.get(6), EnumSet.of(FaceRule.BOX_DEGENERATE), "UPDATE face_crops SET h = 1e999 WHERE id = ?");
        plant(fx, p, f.get(7), EnumSet.of(FaceRule.BOX_OUTSIDE_IMAGE), "UPDATE face_crops SET x = -1.5 WHERE id = ?");
        plant(fx, p, f.get(8), EnumSet.noneOf(FaceRule.class), "UPDATE face_crops SET x = -1.0 WHERE id = ?");
        plant(fx, p, f.get(9), EnumSet.of(FaceRule.BOX_OUTSIDE_IMAGE, FaceRule.EMBEDDING_WRONG_SIZE),
                "UPDATE face_crops SET y = 100000, embedding = x'00000000' WHERE id = ?");
        plant(fx, p, f.get(10), EnumSet.of(FaceRule.EMBEDDING_WRONG_SIZE), "UPDATE face_crops SET embedding = 'text' WHERE id = ?");
        plant(fx, p, f.get(13), EnumSet.of(FaceRule.EMBEDDING_NOT_NORMALISED), "UPDATE face_crops SET embedding = ? WHERE id = ?");
        Files.delete(f.get(14).cropPath());
        p.put(f.get(14).id(), EnumSet.of(FaceRule.CROP_FILE_MISSING));
        try (Connection c = fx.catalog().connect(); var st = c.createStatement()) {
            st.execute("PRAGMA foreign_keys = OFF");
            st.execute("PRAGMA ignore_check_constraints = ON");
            st.executeUpdate("UPDATE face_crops SET embedding_model_id = 'ghost' WHERE id = " + f.get(11).id());
            st.executeUpdate("UPDATE face_crops SET detection_score = 1.5 WHERE id = " + f.get(15).id());
            st.executeUpdate("UPDATE face_crops SET photo_id = 999999 WHERE id = " + f.get(16).id());
        }
        p.put(f.get(11).id(), EnumSet.of(FaceRule.EMBEDDING_UNKNOWN_MODEL));
        p.put(f.get(15).id(), EnumSet.of(FaceRule.DETECTION_SCORE_OUT_OF_RANGE));
        p.put(f.get(16).id(), EnumSet.of(FaceRule.PHOTO_NOT_IN_CATALOG));
        return p;
    }

    private static void plant(LibraryFixture fx, Map<Long, Set<FaceRule>> planted, FaceRow row, Set<FaceRule> rules, String sql) throws Exception {
        if (sql.contains("embedding = ?")) {
            float[] twice = new float[LibraryFixture.DIMENSION];
            Arrays.fill(twice, (float) (2 / Math.sqrt(twice.length)));
            try (Connection c = fx.catalog().connect(); var ps = c.prepareStatement(sql)) {
                ps.setBytes(1, Embeddings.toBytes(twice));
                ps.setLong(2, row.id());
                ps.executeUpdate();
            }
        } else {
            fx.sql(sql.replace("?", String.valueOf(row.id())));
        }
        planted.put(row.id(), rules);
    }

    private static Map<Long, Set<FaceRule>> bySql(LibraryFixture fx) throws Exception {
        Map<Long, Set<FaceRule>> out = new HashMap<>();
        try (Connection c = fx.catalog().connect()) {
            for (FaceRule rule : FaceRule.values()) {
                if (rule.sqlPredicate() == null) {
                    continue;
                }
                try (var st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT f.id FROM face_crops f"
                        + " LEFT JOIN photos p ON p.id = f.photo_id LEFT JOIN embedding_models m ON m.id = f.embedding_model_id"
                        + " WHERE " + rule.sqlPredicate())) {
                    while (rs.next()) {
                        out.computeIfAbsent(rs.getLong(1), k -> EnumSet.noneOf(FaceRule.class)).add(rule);
                    }
                }
            }
        }
        return out;
    }

    private static Map<Long, Set<FaceRule>> withSqlRulesOnly(Map<Long, Set<FaceRule>> expected) {
        Map<Long, Set<FaceRule>> out = new HashMap<>();
        expected.forEach((id, rules) -> {
            Set<FaceRule> sql = rules.stream().filter(r -> r.sqlPredicate() != null)
                    .collect(Collectors.toCollection(() -> EnumSet.noneOf(FaceRule.class)));
            if (!sql.isEmpty()) {
                out.put(id, sql);
            }
        });
        return out;
    }

    /** The writer judges typed rows: a box that is not finite or an embedding that is not float32 cannot be handed to it. */
    private static Map<Long, Set<FaceRule>> byWriter(LibraryFixture fx, Set<Long> ids) {
        FaceCropWriter writer = new FaceCropWriter(ManagedFolder.of(fx.location().managedDir()), fx.location().cropsDir());
        FaceCropStore store = new FaceCropStore();
        Map<Long, Set<FaceRule>> out = new HashMap<>();
        Tx.read(fx.catalog(), "judge planted rows", tx -> {
            store.forEachFacts(tx, ids, row -> {
                NewFaceCrop f = asNewFace(fx, row);
                if (f != null) {
                    writer.violations(tx, f).forEach(v -> out.computeIfAbsent(row.faceId(), k -> EnumSet.noneOf(FaceRule.class)).add(v.rule()));
                }
            });
            return null;
        });
        return out;
    }

    private static Map<Long, Set<FaceRule>> representable(LibraryFixture fx, Map<Long, Set<FaceRule>> expected) {
        Map<Long, Set<FaceRule>> out = new HashMap<>();
        Tx.read(fx.catalog(), "judge planted rows", tx -> {
            new FaceCropStore().forEachFacts(tx, expected.keySet(), row -> {
                if (asNewFace(fx, row) != null) {
                    out.put(row.faceId(), expected.get(row.faceId()));
                }
            });
            return null;
        });
        assertThat(out).as("most planted kinds reach the writer").hasSizeGreaterThanOrEqualTo(expected.size() - 3);
        return out;
    }

    private static NewFaceCrop asNewFace(LibraryFixture fx, FaceCropStore.StoredFacts row) {
        var f = row.facts();
        boolean boxOk = Double.isFinite(f.x()) && Double.isFinite(f.y()) && Double.isFinite(f.w()) && Double.isFinite(f.h())
                && f.w() > 0 && f.h() > 0;
        boolean embeddingOk = f.embeddingBytes() == null || f.embedding() != null;
        if (!boxOk || !embeddingOk) {
            return null;
        }
        long photoId;
        try {
            photoId = fx.queryLong("SELECT photo_id FROM face_crops WHERE id = " + row.faceId());
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return new NewFaceCrop(photoId, f.imagePath(), f.cropPath(), new BoundingBox(f.x(), f.y(), f.w(), f.h()), null,
                f.detectionScore(), "planted", null, f.embedding(), f.embeddingModelId(), null, AssignedBy.NONE);
    }

    private static Map<Long, Set<FaceRule>> byFlagging(LibraryFixture fx) throws Exception {
        List<Long> all = fx.faces().stream().map(FaceRow::id).toList();
        Tx.write(fx.catalog(), "flag planted rows", tx -> new FaceRowRevalidator(fx.catalog()).flag(tx, all));
        Map<Long, Set<FaceRule>> out = new HashMap<>();
        try (Connection c = fx.catalog().connect(); var st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT id, invalid_reason FROM face_crops WHERE status = 'invalid'")) {
            while (rs.next()) {
                Set<FaceRule> rules = EnumSet.noneOf(FaceRule.class);
                for (String part : rs.getString(2).split("; ")) {
                    String code = part.substring(0, part.indexOf(':'));
                    rules.add(Arrays.stream(FaceRule.values()).filter(r -> r.code().equals(code)).findFirst().orElseThrow());
                }
                out.put(rs.getLong(1), rules);
            }
        }
        return out;
    }

    private static Map<Long, Set<FaceRule>> byCheck(IntegrityReport report) {
        Map<Long, Set<FaceRule>> out = new HashMap<>();
        collect(report, CheckNames.FACE_IMAGE_PATH_IS_CROP, FaceRule.IMAGE_PATH_IS_CROP, out);
        collect(report, CheckNames.FACE_IMAGE_PATH_MISMATCH, FaceRule.IMAGE_PATH_NOT_PHOTO_PATH, out);
        collect(report, CheckNames.CROP_PATH_OUTSIDE_MANAGED, FaceRule.CROP_PATH_OUTSIDE_MANAGED, out);
        collect(report, CheckNames.CROP_FILE_MISSING, FaceRule.CROP_FILE_MISSING, out);
        collect(report, CheckNames.BOX_DEGENERATE, FaceRule.BOX_DEGENERATE, out);
        collect(report, CheckNames.BOX_OUTSIDE_IMAGE, FaceRule.BOX_OUTSIDE_IMAGE, out);
        collect(report, CheckNames.DETECTION_SCORE_OUT_OF_RANGE, FaceRule.DETECTION_SCORE_OUT_OF_RANGE, out);
        collect(report, CheckNames.EMBEDDING_NOT_NORMALISED, FaceRule.EMBEDDING_NOT_NORMALISED, out);
        for (Sample s : report.result(CheckNames.EMBEDDING_WRONG_SIZE_OR_MODEL).orElseThrow().samples()) {
            out.computeIfAbsent(s.id(), k -> EnumSet.noneOf(FaceRule.class))
                    .add(s.detail().contains("not registered") ? FaceRule.EMBEDDING_UNKNOWN_MODEL : FaceRule.EMBEDDING_WRONG_SIZE);
        }
        for (Sample s : report.result(CheckNames.FOREIGN_KEYS).orElseThrow().samples()) {
            if (s.subject() == Subject.FACE && s.detail().contains("photos")) {
                out.computeIfAbsent(s.id(), k -> EnumSet.noneOf(FaceRule.class)).add(FaceRule.PHOTO_NOT_IN_CATALOG);
            }
        }
        return out;
    }

    private static void collect(IntegrityReport report, String check, FaceRule rule, Map<Long, Set<FaceRule>> out) {
        for (Sample s : report.result(check).orElseThrow().samples()) {
            out.computeIfAbsent(s.id(), k -> EnumSet.noneOf(FaceRule.class)).add(rule);
        }
    }
}
