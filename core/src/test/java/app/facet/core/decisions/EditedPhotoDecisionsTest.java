package app.facet.core.decisions;

import app.facet.core.catalog.OrphanedDecisionRow;
import app.facet.core.editor.EditedBox;
import app.facet.core.editor.FaceEditService;
import app.facet.core.editor.ScannedLibrary;
import app.facet.core.editor.PersonAssignment;
import app.facet.core.people.PeopleService;
import app.facet.core.scan.ScanSummary;
import app.facet.model.BoundingBox;
import app.facet.model.Face;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Decisions belong to faces, not bytes (issue 10, item 1): a real scan of copies of the shared photos, real user
 * decisions (names, a cover, "not this person", "not a face", a box moved in the crop editor, "no faces"), then the
 * files are edited by real tools (ExifTool, ImageMagick, jpegtran) and scanned again. Every decision must be on the
 * face at the same place of the edited picture, or, when its face was cropped away, kept and listed for review.
 */
class EditedPhotoDecisionsTest {
    static final String TWO = "groups/two_people.jpg";
    static final String KIT_ROSE = "groups/kit_with_rose.jpg";
    static final String ROSE = "people/rose_leslie/rose1.jpg";

    @TempDir
    Path tmp;

    /** A face row with its decisions, as the catalog holds them. */
    record Decided(long id, BoundingBox box, String person, String assignedBy, boolean notAFace, String refused,
                   String coverOf, String detector) {
        String decisions() {
            return person + "/" + assignedBy + " notAFace=" + notAFace + " refused=" + refused + " cover=" + coverOf
                    + " manual=" + "manual".equals(detector);
        }
    }

    @Test
    void aMetadataWriteKeepsEveryDecision() throws Exception {
        editAndCheck(List.of("exiftool", "-q", "-overwrite_original", "-XMP-dc:Subject=Family", "{}"), UnaryOperator.identity());
    }

    @Test
    void aReEncodeKeepsEveryDecision() throws Exception {
        editAndCheck(List.of("convert", "{}", "-quality", "85", "{}"), UnaryOperator.identity());
    }

    /**
     * What photo managers do to a photo shown rotated by its EXIF tag: turn the pixels losslessly and reset the tag.
     * The picture looks the same, but every pixel moved; the photos start as camera files with orientation 6.
     */
    @Test
    void aLosslessRotationWithTheOrientationTagResetKeepsEveryDecision() throws Exception {
        requireTools("jpegtran", "exiftool");
        try (ScannedLibrary lib = decidedLibrary(f -> {
            rotate(f, "270");
            run("exiftool", "-q", "-overwrite_original", "-Orientation=6", "-n", f.toString());
        })) {
            List<Snapshot> before = snapshots(lib);
            assertThat(lib.number("SELECT count(*) FROM photos WHERE orientation = 6")).isEqualTo(3);
            for (Snapshot s : before) {
                Path f = lib.photo(s.relative);
                rotate(f, "90");
                run("exiftool", "-q", "-overwrite_original", "-Orientation=1", "-n", f.toString());
            }
            ScanSummary summary = lib.rescan();
            assertThat(lib.number("SELECT count(*) FROM photos WHERE orientation = 1")).isEqualTo(3);
            for (Snapshot s : before) {
                assertCarried(lib, s, UnaryOperator.identity());
            }
            assertNothingLeftForReview(lib, summary, before);
        }
    }

    /**
     * A photo the camera stored sideways without a tag: the detector misses the faces, the user draws and names them;
     * another program then turns the picture upright. The boxes follow the quarter turn to the detected faces.
     */
    @Test
    void aSidewaysPhotoTurnedUprightKeepsTheBoxesTheUserDrew() throws Exception {
        requireTools("jpegtran", "exiftool");
        Path probe = tmp.resolve("probe.jpg");
        Files.copy(app.facet.core.testing.SharedMaterial.photo(KIT_ROSE), probe);
        List<BoundingBox> upright;
        int w, h;
        try (var analyzer = app.facet.core.testing.TestAnalyzers.withEmbeddings()) {
            var a = analyzer.analyze(probe);
            upright = a.faces().stream().map(f -> f.box()).sorted(java.util.Comparator.comparingDouble(BoundingBox::x)).toList();
            w = a.width();
            h = a.height();
        }
        assertThat(upright).hasSize(2);
        // sideways = the upright picture turned a quarter counter-clockwise: (x, y) -> (y, W - x)
        List<BoundingBox> sideways = upright.stream().map(b -> new BoundingBox(b.y(), w - b.right(), b.h(), b.w())).toList();
        try (ScannedLibrary lib = ScannedLibrary.scan(tmp, f -> rotate(f, "270"), KIT_ROSE)) {
            FaceEditService editor = new FaceEditService(lib.catalog, lib.analyzer);
            long photo = lib.photoId(KIT_ROSE);
            List<EditedBox> edits = new ArrayList<>();
            for (long id : lib.faceIds(KIT_ROSE)) {
                edits.add(EditedBox.delete(id));   // whatever the detector made of the sideways faces
            }
            edits.add(EditedBox.add(sideways.get(0), PersonAssignment.named("Kit Harington")));
            edits.add(EditedBox.add(sideways.get(1), PersonAssignment.named("Rose Leslie")));
            editor.save(photo, edits);

            Path f = lib.photo(KIT_ROSE);
            rotate(f, "90");
            run("exiftool", "-q", "-overwrite_original", "-Orientation=1", "-n", f.toString());
            ScanSummary summary = lib.rescan();

            List<Decided> after = faces(lib, KIT_ROSE);
            assertThat(after).hasSize(2);
            assertThat(onlyFaceAt(after, upright.get(0)).decisions()).isEqualTo("Kit Harington/user notAFace=false refused=null cover=null manual=true");
            assertThat(onlyFaceAt(after, upright.get(1)).decisions()).isEqualTo("Rose Leslie/user notAFace=false refused=null cover=null manual=true");
            assertThat(new DecisionReview(lib.catalog).list()).isEmpty();
            assertThat(summary.decisionsCarried()).isEqualTo(4);
        }
    }

    private static void rotate(Path f, String degrees) throws IOException, InterruptedException {
        Path rotated = f.resolveSibling("rotated.tmp");
        run("jpegtran", "-rotate", degrees, "-copy", "all", "-outfile", rotated.toString(), f.toString());
        Files.move(rotated, f, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void aCropKeepsTheDecisionsOfTheFacesLeftAndListsTheOthersForReview() throws Exception {
        requireTools("jpegtran");
        try (ScannedLibrary lib = decidedLibrary()) {
            Snapshot two = snapshot(lib, TWO);
            Decided left = two.faces.get(0), right = two.faces.get(1);
            // keep the left face, with the crop's origin moved (jpegtran aligns it to the 16 px blocks)
            int x0 = 16 * (int) Math.floor(Math.max(0, left.box.x() - 64) / 16), y0 = 16 * (int) Math.floor(Math.max(0, left.box.y() - 64) / 16);
            int w = (int) Math.min(two.width - x0, (left.box.right() + right.box.x()) / 2 - x0);
            int h = two.height - y0;
            Path f = lib.photo(TWO);
            Path cropped = f.resolveSibling("cropped.tmp");
            run("jpegtran", "-crop", w + "x" + h + "+" + x0 + "+" + y0, "-copy", "all", "-outfile", cropped.toString(), f.toString());
            Files.move(cropped, f, java.nio.file.StandardCopyOption.REPLACE_EXISTING);

            ScanSummary summary = lib.rescan();

            List<Decided> after = faces(lib, TWO);
            Decided kept = onlyFaceAt(after, new BoundingBox(left.box.x() - x0, left.box.y() - y0, left.box.w(), left.box.h()));
            assertThat(kept.decisions()).as("the face left in the picture keeps its name and cover").isEqualTo(left.decisions());
            // the right face was cropped away: its name and its "not this person" are kept for review
            List<OrphanedDecisionRow> review = new DecisionReview(lib.catalog).list();
            assertThat(review).extracting(r -> r.decision().kind().sql() + ":" + r.personName())
                    .containsExactlyInAnyOrder("person:Joe Biden", "not_this_person:Barack Obama");
            assertThat(review).allSatisfy(r -> {
                assertThat(r.decision().needsReview()).isTrue();
                assertThat(r.decision().oldFaceId()).isEqualTo(right.id);
                assertThat(r.decision().box().iou(right.box)).isGreaterThan(0.99);
                assertThat(r.photoPath()).isEqualTo(f.toString());
                assertThat(r.decision().reason()).isNotBlank();
            });
            assertThat(summary.decisionsNeedingReview()).isEqualTo(2);
            assertThat(new DecisionReview(lib.catalog).countNeedingReview()).isEqualTo(2);
            assertThat(summary.decisionsCarried()).isEqualTo(2);
        }
    }

    @Test
    void aCropThatKeepsEveryFaceCutsTheHandDrawnBoxAgainFromTheNewPixels() throws Exception {
        requireTools("jpegtran");
        try (ScannedLibrary lib = decidedLibrary()) {
            Snapshot kit = snapshot(lib, KIT_ROSE);
            double minX = kit.faces.stream().mapToDouble(d -> d.box.x()).min().orElseThrow();
            double minY = kit.faces.stream().mapToDouble(d -> d.box.y()).min().orElseThrow();
            int x0 = 16 * (int) Math.floor(Math.max(0, minX - 32) / 16), y0 = 16 * (int) Math.floor(Math.max(0, minY - 32) / 16);
            assertThat(x0 + y0).as("the crop moves the origin").isPositive();
            Path f = lib.photo(KIT_ROSE);
            Path cropped = f.resolveSibling("cropped.tmp");
            run("jpegtran", "-crop", (kit.width - x0) + "x" + (kit.height - y0) + "+" + x0 + "+" + y0, "-copy", "all",
                    "-outfile", cropped.toString(), f.toString());
            Files.move(cropped, f, java.nio.file.StandardCopyOption.REPLACE_EXISTING);

            ScanSummary summary = lib.rescan();

            assertCarried(lib, kit, b -> new BoundingBox(b.x() - x0, b.y() - y0, b.w(), b.h()));
            assertThat(new DecisionReview(lib.catalog).list()).isEmpty();
            assertThat(summary.decisionsNeedingReview()).isZero();
        }
    }

    @Test
    void reDetectionKeepsForReviewTheDecisionsItCannotPair() throws Exception {
        try (ScannedLibrary lib = ScannedLibrary.scan(tmp, KIT_ROSE)) {
            FaceEditService editor = new FaceEditService(lib.catalog, lib.analyzer);
            long photo = lib.photoId(KIT_ROSE);
            // a box the user drew where no detector finds a face (a corner of the picture), with a name
            BoundingBox corner = new BoundingBox(4, 4, 60, 60);
            editor.save(photo, List.of(EditedBox.add(corner, PersonAssignment.named("Someone"))));

            new app.facet.core.editor.PhotoRedetector(lib.catalog, lib.analyzer).redetect(photo);

            assertThat(faces(lib, KIT_ROSE)).noneMatch(d -> "Someone".equals(d.person));
            List<OrphanedDecisionRow> review = new DecisionReview(lib.catalog).list();
            assertThat(review).extracting(r -> r.decision().kind().sql() + ":" + r.personName())
                    .containsExactlyInAnyOrder("person:Someone", "hand_drawn_box:null");
            assertThat(review).allSatisfy(r -> {
                assertThat(r.decision().needsReview()).isTrue();
                assertThat(r.decision().box().iou(corner)).isGreaterThan(0.9);
            });
        }
    }

    // ---- the library and its decisions ----

    /**
     * Two people named (one the other's "not this person", one a cover), a "not a face", a box moved in the crop
     * editor and named, and a photo whose only face the user deleted ("no faces").
     */
    private ScannedLibrary decidedLibrary() throws Exception {
        return decidedLibrary(f -> {
        });
    }

    /** @param before applied to each copied photo before the first scan */
    private ScannedLibrary decidedLibrary(ScannedLibrary.Prepare before) throws Exception {
        ScannedLibrary lib = ScannedLibrary.scan(tmp, before, TWO, KIT_ROSE, ROSE);
        PeopleService people = new PeopleService(lib.catalog);
        FaceEditService editor = new FaceEditService(lib.catalog, lib.analyzer);
        List<Long> two = lib.faceIds(TWO);
        assertThat(two).hasSize(2);
        people.assignFaceToNewPerson(two.get(0), "Barack Obama");
        long obama = lib.number("SELECT id FROM persons WHERE name = 'Barack Obama'");
        people.setCoverFace(obama, two.get(0));
        people.notThisPerson(two.get(1), obama);
        people.assignFaceToNewPerson(two.get(1), "Joe Biden");

        List<Long> kit = lib.faceIds(KIT_ROSE);
        assertThat(kit).hasSize(2);
        people.notAFace(kit.get(0));
        BoundingBox b = editor.open(lib.photoId(KIT_ROSE)).faces().stream().filter(x -> x.id() == kit.get(1)).findFirst()
                .orElseThrow().box();
        BoundingBox moved = new BoundingBox(b.x() - 0.08 * b.w(), b.y() - 0.05 * b.h(), b.w() * 1.12, b.h() * 1.1);
        editor.save(lib.photoId(KIT_ROSE), List.of(EditedBox.move(kit.get(1), moved, PersonAssignment.named("Rose Leslie"))));

        editor.deleteFaces(lib.faceIds(ROSE));
        assertThat(lib.text("SELECT scan_state FROM photos WHERE path = ?", lib.photo(ROSE).toString())).isEqualTo("no_faces");
        return lib;
    }

    /** One photo's size and decided faces before the edit. */
    record Snapshot(String relative, int width, int height, List<Decided> faces) {
    }

    private static List<Snapshot> snapshots(ScannedLibrary lib) throws Exception {
        return List.of(snapshot(lib, TWO), snapshot(lib, KIT_ROSE), snapshot(lib, ROSE));
    }

    private static Snapshot snapshot(ScannedLibrary lib, String relative) throws Exception {
        String path = lib.photo(relative).toString();
        return new Snapshot(relative, (int) lib.number("SELECT width FROM photos WHERE path = ?", path),
                (int) lib.number("SELECT height FROM photos WHERE path = ?", path), faces(lib, relative));
    }

    private void editAndCheck(List<String> command, UnaryOperator<BoundingBox> where) throws Exception {
        requireTools(command.get(0));
        try (ScannedLibrary lib = decidedLibrary()) {
            List<Snapshot> before = snapshots(lib);
            List<String> hashes = new ArrayList<>();
            for (Snapshot s : before) {
                hashes.add(lib.text("SELECT content_hash FROM photos WHERE path = ?", lib.photo(s.relative).toString()));
                run(command.stream().map(a -> a.replace("{}", lib.photo(s.relative).toString())).toArray(String[]::new));
            }
            ScanSummary summary = lib.rescan();
            assertThat(summary.photosChanged()).as("every edited file has a new content hash").isEqualTo(3);
            for (int i = 0; i < before.size(); i++) {
                Snapshot s = before.get(i);
                assertThat(lib.text("SELECT content_hash FROM photos WHERE path = ?", lib.photo(s.relative).toString()))
                        .isNotEqualTo(hashes.get(i));
                assertCarried(lib, s, where);
            }
            assertNothingLeftForReview(lib, summary, before);
        }
    }

    /** Every face of the snapshot is at its mapped place with the same decisions; the "no faces" photo has none. */
    private static void assertCarried(ScannedLibrary lib, Snapshot s, UnaryOperator<BoundingBox> where) throws Exception {
        List<Decided> after = faces(lib, s.relative);
        String state = lib.text("SELECT scan_state FROM photos WHERE path = ?", lib.photo(s.relative).toString());
        if (s.faces.isEmpty()) {
            assertThat(state).as("the user's \"no faces\" on " + s.relative).isEqualTo("no_faces");
            assertThat(after).isEmpty();
            return;
        }
        assertThat(state).isEqualTo("done");
        assertThat(after).as("one face for each face before on " + s.relative + " (no duplicate of a hand-drawn box)")
                .hasSameSizeAs(s.faces);
        for (Decided old : s.faces) {
            Decided now = onlyFaceAt(after, where.apply(old.box));
            assertThat(now.decisions()).as("decisions of the face at " + old.box + " on " + s.relative).isEqualTo(old.decisions());
        }
    }

    private static void assertNothingLeftForReview(ScannedLibrary lib, ScanSummary summary, List<Snapshot> before) {
        assertThat(new DecisionReview(lib.catalog).list()).isEmpty();
        assertThat(summary.decisionsNeedingReview()).isZero();
        // Obama: name + cover; Biden: name + not this person; Kit/Rose: not a face; name + hand-drawn box
        assertThat(summary.decisionsCarried()).isEqualTo(7);
    }

    private static Decided onlyFaceAt(List<Decided> faces, BoundingBox box) {
        List<Decided> at = faces.stream().filter(d -> d.box.iou(box) >= 0.5).toList();
        assertThat(at).as("one face at " + box + " among " + faces).hasSize(1);
        return at.get(0);
    }

    private static List<Decided> faces(ScannedLibrary lib, String relative) throws Exception {
        List<Decided> out = new ArrayList<>();
        try (var c = lib.catalog.connect(); var ps = c.prepareStatement("""
                SELECT f.id, f.x, f.y, f.w, f.h, pn.name, f.assigned_by, f.not_a_face,
                       (SELECT group_concat(rp.name) FROM face_person_rejections r JOIN persons rp ON rp.id = r.person_id WHERE r.face_id = f.id),
                       (SELECT group_concat(cp.name) FROM persons cp WHERE cp.cover_face_id = f.id), f.detector
                  FROM face_crops f JOIN photos p ON p.id = f.photo_id LEFT JOIN persons pn ON pn.id = f.person_id
                 WHERE p.path = ? ORDER BY f.x""")) {
            ps.setString(1, lib.photo(relative).toString());
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Decided(rs.getLong(1), new BoundingBox(rs.getDouble(2), rs.getDouble(3), rs.getDouble(4), rs.getDouble(5)),
                            rs.getString(6), rs.getString(7), rs.getInt(8) == 1, rs.getString(9), rs.getString(10), rs.getString(11)));
                }
            }
        }
        return out;
    }

    // ---- tools ----

    private static void requireTools(String... tools) {
        for (String t : tools) {
            boolean found = System.getenv("PATH") != null && java.util.Arrays.stream(System.getenv("PATH").split(java.io.File.pathSeparator))
                    .anyMatch(d -> Files.isExecutable(Path.of(d, t)));
            if (!found) {
                System.out.println("SKIPPED: " + t + " is not installed; this test edits photos with it");
            }
            Assumptions.assumeTrue(found, t + " is not installed");
        }
    }

    private static void run(String... command) throws IOException, InterruptedException {
        requireTools(command[0]);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", command) + ": " + out).isZero();
    }
}
