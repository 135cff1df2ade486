package app.facet.core.integrity;

import app.facet.core.testing.LibraryFixture;
import app.facet.core.testing.LibraryFixture.FaceRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The face rules have two sides, the catalog-wide check (SQL and one geometry pass) and {@link FaceRowRules} (for the
 * scan's write validator). On every kind of bad row both must give the same verdict, or the validator would accept
 * what the check then reports (or refuse what it would pass).
 */
class FaceRulesAgreementTest {
    @TempDir
    Path dir;

    @Test
    void checkerAndRowRulesAgreeOnEveryKindOfRow() throws Exception {
        LibraryFixture fx = LibraryFixture.build(dir);
        fx.dropGuardTriggers();
        List<FaceRow> f = fx.faces();
        Map<Long, Set<FaceRule>> planted = new HashMap<>();
        plant(fx, planted, f.get(0), EnumSet.of(FaceRule.IMAGE_PATH_IS_CROP), "UPDATE face_crops SET image_path = crop_path WHERE id = ?");
        plant(fx, planted, f.get(1), EnumSet.of(FaceRule.IMAGE_PATH_IS_CROP),
                "UPDATE face_crops SET image_path = '" + f.get(2).cropPath() + "' WHERE id = ?");
        plant(fx, planted, f.get(3), EnumSet.of(FaceRule.IMAGE_PATH_NOT_PHOTO_PATH), "UPDATE face_crops SET image_path = '/elsewhere/a.jpg' WHERE id = ?");
        plant(fx, planted, f.get(4), EnumSet.of(FaceRule.CROP_PATH_OUTSIDE_MANAGED, FaceRule.BOX_DEGENERATE),
                "UPDATE face_crops SET crop_path = '/tmp/x.jpg', w = 0.9 WHERE id = ?");
        // outside the managed folder, a path is still a crop when it is some face's crop_path
        plant(fx, planted, f.get(12), EnumSet.of(FaceRule.IMAGE_PATH_IS_CROP), "UPDATE face_crops SET image_path = '/tmp/x.jpg' WHERE id = ?");
        plant(fx, planted, f.get(5), EnumSet.of(FaceRule.BOX_DEGENERATE), "UPDATE face_crops SET x = 'left' WHERE id = ?");
        plant(fx, planted, f.get(6), EnumSet.of(FaceRule.BOX_DEGENERATE), "UPDATE face_crops SET h = 1e999 WHERE id = ?");
        plant(fx, planted, f.get(7), EnumSet.of(FaceRule.BOX_OUTSIDE_IMAGE), "UPDATE face_crops SET x = -1.5 WHERE id = ?");
        plant(fx, planted, f.get(8), EnumSet.noneOf(FaceRule.class), "UPDATE face_crops SET x = -1.0 WHERE id = ?");
        plant(fx, planted, f.get(9), EnumSet.of(FaceRule.BOX_OUTSIDE_IMAGE, FaceRule.EMBEDDING_WRONG_SIZE),
                "UPDATE face_crops SET y = 100000, embedding = x'00000000' WHERE id = ?");
        plant(fx, planted, f.get(10), EnumSet.of(FaceRule.EMBEDDING_WRONG_SIZE), "UPDATE face_crops SET embedding = 'text' WHERE id = ?");
        try (Connection c = fx.catalog().connect(); var st = c.createStatement()) {
            st.execute("PRAGMA foreign_keys = OFF");
            st.executeUpdate("UPDATE face_crops SET embedding_model_id = 'ghost' WHERE id = " + f.get(11).id());
        }
        planted.put(f.get(11).id(), EnumSet.of(FaceRule.EMBEDDING_UNKNOWN_MODEL));

        IntegrityReport report = new IntegrityChecker(fx.catalog()).check(CheckMode.QUICK);
        Map<Long, Set<FaceRule>> byCheck = new HashMap<>();
        collect(report, CheckNames.FACE_IMAGE_PATH_IS_CROP, FaceRule.IMAGE_PATH_IS_CROP, byCheck);
        collect(report, CheckNames.FACE_IMAGE_PATH_MISMATCH, FaceRule.IMAGE_PATH_NOT_PHOTO_PATH, byCheck);
        collect(report, CheckNames.CROP_PATH_OUTSIDE_MANAGED, FaceRule.CROP_PATH_OUTSIDE_MANAGED, byCheck);
        collect(report, CheckNames.BOX_DEGENERATE, FaceRule.BOX_DEGENERATE, byCheck);
        collect(report, CheckNames.BOX_OUTSIDE_IMAGE, FaceRule.BOX_OUTSIDE_IMAGE, byCheck);
        for (Sample s : report.result(CheckNames.EMBEDDING_WRONG_SIZE_OR_MODEL).orElseThrow().samples()) {
            byCheck.computeIfAbsent(s.id(), k -> EnumSet.noneOf(FaceRule.class))
                    .add(s.detail().contains("not registered") ? FaceRule.EMBEDDING_UNKNOWN_MODEL : FaceRule.EMBEDDING_WRONG_SIZE);
        }

        Map<Long, Set<FaceRule>> byRules = new HashMap<>();
        try (Connection c = fx.catalog().connect()) {
            String managedDir = CheckContext.managedDir(c, fx.location());
            FaceRowRules rules = new FaceRowRules(managedDir, path -> {
                try {
                    return fx.queryLong("SELECT count(*) FROM face_crops WHERE crop_path = '" + path + "'") > 0;
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            for (FaceRow row : f) {
                for (RuleViolation v : rules.checkRow(FaceState.load(c, row.id()).orElseThrow().facts())) {
                    byRules.computeIfAbsent(row.id(), k -> EnumSet.noneOf(FaceRule.class)).add(v.rule());
                }
            }
        }

        Map<Long, Set<FaceRule>> expected = new HashMap<>(planted);
        expected.values().removeIf(Set::isEmpty);
        assertThat(byCheck).isEqualTo(expected);
        assertThat(byRules).isEqualTo(expected);
    }

    private static void plant(LibraryFixture fx, Map<Long, Set<FaceRule>> planted, FaceRow row, Set<FaceRule> rules, String sql) throws Exception {
        fx.sql(sql.replace("?", String.valueOf(row.id())));
        planted.put(row.id(), rules);
    }

    private static void collect(IntegrityReport report, String check, FaceRule rule, Map<Long, Set<FaceRule>> out) {
        for (Sample s : report.result(check).orElseThrow().samples()) {
            out.computeIfAbsent(s.id(), k -> EnumSet.noneOf(FaceRule.class)).add(rule);
        }
    }
}
