package app.facet.core.integrity;

import app.facet.core.rules.FaceRowRules;
import app.facet.core.rules.FaceRule;
import app.facet.core.rules.ManagedFolder;
import app.facet.core.catalog.IntegrityCheckStore;
import app.facet.core.catalog.Embeddings;
import app.facet.core.catalog.RepairFaceState;
import app.facet.core.catalog.LibraryLocation;
import app.facet.core.catalog.RepairFaceStore;
import app.facet.core.catalog.RepairPersonStore;
import app.facet.core.catalog.RepairPhotoStore;
import app.facet.core.catalog.Tx;
import app.facet.model.BoundingBox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static app.facet.core.integrity.CheckNames.*;

/**
 * Turns a full check (every finding kept) into the exact list of changes a repair makes, without changing anything.
 * Order matters and is the order of application: the file and the guard triggers first (so every later change runs
 * under the guards), then photos before faces (a photo row that is really a crop takes its faces along), faces
 * before persons (counts are recounted after faces moved), files and scan runs last.
 * <p>
 * A face already removed or re-pointed with its photo by an earlier change gets no second change. The planner also
 * follows what its own changes do to photos and persons: a photo that loses its last face is set to 'no_faces', one
 * that gains faces to 'done', and a person left without faces is removed, so one repair leaves a clean catalog.
 */
final class RepairPlanner {
    private final Tx tx;
    private final LibraryLocation location;
    private final ManagedFolder managed;
    private final OriginResolver resolver;
    private final IntegrityChecker.CheckRun run;
    private final List<RepairAction> actions = new ArrayList<>();
    /** Faces a photo-level change or a removal already takes care of. */
    private final Set<Long> handledFaces = new HashSet<>();
    private final Set<Long> handledPhotos = new HashSet<>();
    /** Faces each photo gains (+) or loses (-) through the planned changes. */
    private final Map<Long, Integer> photoDelta = new HashMap<>();
    /** Counted faces each person gains or loses through the planned changes. */
    private final Map<Long, Integer> personDelta = new HashMap<>();

    /** @param tx a read snapshot of the catalog the check {@code run} was made on */
    RepairPlanner(Tx tx, LibraryLocation location, IntegrityChecker.CheckRun run) {
        this.tx = tx;
        this.location = location;
        this.managed = new ManagedFolder(CheckContext.managedDir(tx, location));
        this.resolver = new OriginResolver(tx, managed);
        this.run = run;
    }

    List<RepairAction> plan() throws IOException {
        sqliteIntegrity();
        schemaTriggers();
        foreignKeys();
        photosInManagedDir();
        facesPointingAtCrops();
        facesWithStaleImagePath();
        cropsOutsideManaged();
        degenerateBoxes();
        boxesOutsideImage();
        badEmbeddings();
        unnormalisedEmbeddings();
        duplicateFaces();
        missingPhotos();
        missingCrops();
        scanStates();
        personCovers();
        emptyPersons();
        personCounts();
        orphanCrops();
        stuckScanRuns();
        return actions;
    }

    private void sqliteIntegrity() {
        List<String> messages = run.findings(SQLITE_INTEGRITY).stream().map(Sample::detail).toList();
        if (messages.isEmpty()) {
            return;
        }
        if (SqliteIntegrityCheck.onlyIndexDamage(messages)) {
            actions.add(new SchemaRepairs.Reindex(change(SQLITE_INTEGRITY, ChangeKind.REINDEX, Subject.DATABASE, null, null,
                    "rebuild every index from its table (" + messages.size() + " integrity_check messages, all about indexes)")));
        } else {
            actions.add(new SchemaRepairs.LeaveForUser(change(SQLITE_INTEGRITY, ChangeKind.LEAVE_FOR_USER, Subject.DATABASE, null, null,
                    "table pages are damaged (" + messages.get(0) + "): restore a catalog copy from " + location.backupsDir())));
        }
    }

    private void schemaTriggers() {
        if (run.findings(SCHEMA_TRIGGERS).isEmpty()) {
            return;
        }
        // read again for the CREATE statements the findings do not carry
        for (SchemaTriggersCheck.Deviation d : SchemaTriggersCheck.deviations(tx)) {
            actions.add(new SchemaRepairs.RecreateTrigger(change(SCHEMA_TRIGGERS, ChangeKind.RECREATE_TRIGGER, Subject.TRIGGER, null, d.name(),
                    (d.missing() ? "create missing trigger " : "re-create altered trigger ") + d.name() + " as the migrations wrote it"),
                    d.name(), d.expected()));
        }
    }

    private void foreignKeys() {
        if (run.findings(FOREIGN_KEYS).isEmpty()) {
            return; // the check scanned every reference already: no second foreign_key_check on a clean catalog
        }
        for (ForeignKeyCheck.Violation v : ForeignKeyCheck.violations(tx)) {
            String where = v.table() + "." + v.column() + " of row " + v.rowId();
            Subject subject = ForeignKeyCheck.subject(v.table());
            if (v.table().equals("face_crops") && v.column().equals("photo_id")) {
                danglingPhoto(v);
            } else if (v.table().equals("face_crops") && v.column().equals("person_id")) {
                Optional<RepairFaceState> face = RepairFaceStore.face(tx, v.rowId());
                if (face.isPresent()) {
                    actions.add(new FaceRepairs.Unassign(change(FOREIGN_KEYS, ChangeKind.UNASSIGN_FACE, Subject.FACE, v.rowId(), face.get().imagePath(),
                            "unassign face " + v.rowId() + " from person " + face.get().personId() + ", which does not exist"), face.get()));
                }
            } else if ((v.table().equals("face_crops") && v.column().equals("embedding_model_id"))
                    || (v.table().equals("persons") && v.column().equals("cover_face_id"))) {
                // planned by embedding_wrong_size_or_model and person_cover_invalid, which report the same rows
                continue;
            } else if (ForeignKeyCheck.nullable(tx, v.table(), v.column())) {
                actions.add(new SchemaRepairs.ClearLink(change(FOREIGN_KEYS, ChangeKind.CLEAR_LINK, subject, v.rowId(), null,
                        "set " + where + " to NULL: it points at a missing " + v.parent() + " row"), v));
            } else {
                actions.add(new SchemaRepairs.RemoveDangling(change(FOREIGN_KEYS, ChangeKind.REMOVE_ROW, subject, v.rowId(), null,
                        "remove " + v.table() + " row " + v.rowId() + ": its " + v.column() + " points at a missing " + v.parent() + " row"), v));
            }
        }
    }

    /** A face whose photo row is gone: re-link it through its image or crop path, else remove it (kept). */
    private void danglingPhoto(ForeignKeyCheck.Violation v) {
        Optional<RepairFaceState> face = RepairFaceStore.face(tx, v.rowId());
        if (face.isEmpty()) {
            return;
        }
        RepairFaceState f = face.get();
        Optional<OriginResolver.Origin> origin = Optional.empty();
        for (String path : new String[]{f.imagePath(), f.cropPath()}) {
            if (origin.isEmpty() && path != null) {
                origin = managed.containsStored(path) ? resolver.fromCropPath(path) : photoAt(path);
            }
        }
        handledFaces.add(f.id());
        if (origin.isPresent()) {
            actions.add(repoint(FOREIGN_KEYS, f, origin.get(), "its photo row " + f.photoId() + " does not exist"));
        } else {
            countRemoved(f);
            actions.add(new SchemaRepairs.RemoveDangling(change(FOREIGN_KEYS, ChangeKind.REMOVE_ROW, Subject.FACE, f.id(), f.imagePath(),
                    "remove face " + f.id() + ": its photo row " + f.photoId() + " does not exist and no original photo matches "
                            + f.imagePath()), v));
        }
    }

    private Optional<OriginResolver.Origin> photoAt(String path) {
        return RepairPhotoStore.at(tx, path).map(p -> new OriginResolver.Origin(p.id(), p.path(), "image path"));
    }

    private void photosInManagedDir() {
        for (Sample s : run.findings(PHOTO_PATH_IN_MANAGED_DIR)) {
            long photoId = s.id();
            String hash = photoHash(photoId);
            Optional<OriginResolver.Origin> origin = resolver.byContentHash(hash);
            if (origin.isEmpty()) {
                origin = resolver.fromCropPath(s.path());
            }
            handledPhotos.add(photoId);
            List<Long> faces = IntegrityCheckStore.faceIdsOfPhoto(tx, photoId);
            handledFaces.addAll(faces);
            if (origin.isPresent()) {
                OriginResolver.Origin o = origin.get();
                photoDelta.merge(o.photoId(), faces.size(), Integer::sum);
                actions.add(new PhotoRepairs.MergeIntoOriginal(change(PHOTO_PATH_IN_MANAGED_DIR, ChangeKind.MERGE_INTO_ORIGINAL_PHOTO, Subject.PHOTO,
                        photoId, s.path(), "move the faces of photo " + photoId + " (" + s.path() + ", a file in the managed folder) to photo "
                                + o.photoId() + " (" + o.path() + ", found through its " + o.via() + ") and remove the row"),
                        photoId, s.path(), o.photoId(), o.path()));
            } else {
                for (long faceId : faces) {
                    RepairFaceStore.face(tx, faceId).ifPresent(this::countRemoved);
                }
                String reason = "photo row for " + s.path() + " in the managed folder; no original photo found by content hash or file name";
                actions.add(new PhotoRepairs.RemovePhoto(change(PHOTO_PATH_IN_MANAGED_DIR, ChangeKind.REMOVE_ROW, Subject.PHOTO, photoId, s.path(),
                        "remove photo " + photoId + " and its " + IntegrityCheckStore.faceIdsOfPhoto(tx, photoId).size() + " faces: " + reason), photoId, s.path(), reason));
            }
        }
    }

    private void facesPointingAtCrops() {
        for (Sample s : run.findings(FACE_IMAGE_PATH_IS_CROP)) {
            Optional<RepairFaceState> face = unhandledFace(s.id());
            if (face.isEmpty() || face.get().photoPath() == null) {
                continue; // a face without its photo row is planned under foreign_keys
            }
            RepairFaceState f = face.get();
            Optional<OriginResolver.Origin> origin = resolver.properPhoto(f.photoId());
            if (origin.isPresent()) {
                actions.add(repoint(FACE_IMAGE_PATH_IS_CROP, f, origin.get(), "its image_path " + f.imagePath() + " is a face crop"));
            } else {
                removeFace(FACE_IMAGE_PATH_IS_CROP, f, "image_path " + f.imagePath() + " is a face crop and no original photo was found");
            }
        }
    }

    private void facesWithStaleImagePath() {
        for (Sample s : run.findings(FACE_IMAGE_PATH_MISMATCH)) {
            Optional<RepairFaceState> face = unhandledFace(s.id());
            if (face.isPresent()) {
                Optional<OriginResolver.Origin> origin = resolver.properPhoto(face.get().photoId());
                if (origin.isPresent()) {
                    actions.add(repoint(FACE_IMAGE_PATH_MISMATCH, face.get(), origin.get(),
                            "its image_path " + face.get().imagePath() + " is not its photo's path"));
                }
            }
        }
    }

    private RepairAction repoint(String check, RepairFaceState f, OriginResolver.Origin o, String why) {
        if (o.photoId() != f.photoId()) {
            photoDelta.merge(f.photoId(), -1, Integer::sum);
            photoDelta.merge(o.photoId(), 1, Integer::sum);
        }
        return new FaceRepairs.Repoint(change(check, ChangeKind.REPOINT_FACE, Subject.FACE, f.id(), f.imagePath(),
                "point face " + f.id() + " at photo " + o.photoId() + " (" + o.path() + ", found through " + o.via() + "): " + why),
                f, o.photoId(), o.path());
    }

    private void cropsOutsideManaged() {
        for (Sample s : run.findings(CROP_PATH_OUTSIDE_MANAGED)) {
            Optional<RepairFaceState> face = unhandledFace(s.id());
            if (face.isEmpty()) {
                continue;
            }
            RepairFaceState f = face.get();
            Path out = uniqueCropPath(f.id());
            recutOrLeave(CROP_PATH_OUTSIDE_MANAGED, f, out, "crop_path " + f.cropPath() + " is outside the managed folder (that file is kept)");
        }
    }

    private void recutOrLeave(String check, RepairFaceState f, Path out, String why) {
        Path photo = f.photoPath() == null ? null : Path.of(f.photoPath());
        if (photo != null && f.box() != null && Files.isRegularFile(photo) && !managed.contains(photo.toString())) {
            actions.add(new FaceRepairs.RecutCrop(change(check, ChangeKind.RECUT_CROP, Subject.FACE, f.id(), out.toString(),
                    "cut the crop of face " + f.id() + " again from " + photo + " into " + out + ": " + why), f, photo, out));
        } else {
            actions.add(new SchemaRepairs.LeaveForUser(change(check, ChangeKind.LEAVE_FOR_USER, Subject.FACE, f.id(), f.cropPath(),
                    "face " + f.id() + ": " + why + ", but its photo " + f.photoPath() + " is not on disk; reconnect it and repair again")));
        }
    }

    private Path uniqueCropPath(long faceId) {
        Path out = location.cropsDir().resolve("face-" + faceId + ".jpg");
        for (int n = 2; Files.exists(out); n++) {
            out = location.cropsDir().resolve("face-" + faceId + "-" + n + ".jpg");
        }
        return out;
    }

    private void degenerateBoxes() {
        for (Sample s : run.findings(BOX_DEGENERATE)) {
            Optional<RepairFaceState> face = unhandledFace(s.id());
            if (face.isPresent()) {
                removeFace(BOX_DEGENERATE, face.get(), "degenerate box " + face.get().boxText());
            }
        }
    }

    private void boxesOutsideImage() {
        for (Sample s : run.findings(BOX_OUTSIDE_IMAGE)) {
            Optional<RepairFaceState> face = unhandledFace(s.id());
            if (face.isEmpty()) {
                continue;
            }
            RepairFaceState f = face.get();
            BoundingBox clipped = f.box().clippedTo(f.photoWidth(), f.photoHeight());
            if (clipped != null && !FaceRule.isDegenerate(clipped.x(), clipped.y(), clipped.w(), clipped.h())) {
                actions.add(new FaceRepairs.ClipBox(change(BOX_OUTSIDE_IMAGE, ChangeKind.CLIP_BOX, Subject.FACE, f.id(), f.imagePath(),
                        "clip the box of face " + f.id() + " from " + f.boxText() + " to " + clipped.x() + "," + clipped.y() + " "
                                + clipped.w() + "x" + clipped.h() + " (photo " + f.photoWidth() + "x" + f.photoHeight() + ")"), f, clipped));
            } else {
                removeFace(BOX_OUTSIDE_IMAGE, f, "box " + f.boxText() + " has no pixel inside the " + f.photoWidth() + "x" + f.photoHeight() + " photo");
            }
        }
    }

    private void badEmbeddings() {
        for (Sample s : run.findings(EMBEDDING_WRONG_SIZE_OR_MODEL)) {
            Optional<RepairFaceState> face = unhandledFace(s.id());
            face.ifPresent(f -> actions.add(new FaceRepairs.ClearEmbedding(change(EMBEDDING_WRONG_SIZE_OR_MODEL, ChangeKind.CLEAR_EMBEDDING,
                    Subject.FACE, f.id(), f.imagePath(), "drop the embedding of face " + f.id() + " (" + s.detail() + "); the next scan computes it again"), f)));
        }
    }

    private void unnormalisedEmbeddings() {
        for (Sample s : run.findings(EMBEDDING_NOT_NORMALISED)) {
            Optional<RepairFaceState> face = unhandledFace(s.id());
            if (face.isEmpty()) {
                continue;
            }
            RepairFaceState f = face.get();
            double norm = FaceRowRules.norm(Embeddings.fromBytes(f.embedding()));
            if (Double.isFinite(norm) && norm > 1e-6) {
                actions.add(new FaceRepairs.NormaliseEmbedding(change(EMBEDDING_NOT_NORMALISED, ChangeKind.NORMALISE_EMBEDDING, Subject.FACE, f.id(),
                        f.imagePath(), "divide the embedding of face " + f.id() + " by its L2 norm (" + s.detail() + ")"), f));
            } else {
                actions.add(new FaceRepairs.ClearEmbedding(change(EMBEDDING_NOT_NORMALISED, ChangeKind.CLEAR_EMBEDDING, Subject.FACE, f.id(),
                        f.imagePath(), "drop the embedding of face " + f.id() + " (" + s.detail() + ": no direction to keep); the next scan computes it again"), f));
            }
        }
    }

    /** Groups faces of one photo linked by overlaps above the IoU limit; keeps the one carrying the user's decision. */
    private void duplicateFaces() {
        Set<Long> photos = new LinkedHashSet<>();
        for (Sample s : run.findings(DUPLICATE_FACES)) {
            unhandledFace(s.id()).ifPresent(f -> photos.add(f.photoId()));
        }
        for (long photoId : photos) {
            Map<Long, RepairFaceState> faces = new LinkedHashMap<>();
            for (long id : IntegrityCheckStore.faceIdsOfPhoto(tx, photoId)) {
                unhandledFace(id).filter(f -> f.box() != null).ifPresent(f -> faces.put(f.id(), f));
            }
            List<FaceGeometryCheck.FaceBox> boxes = faces.values().stream().map(f -> new FaceGeometryCheck.FaceBox(f.id(), f.box())).toList();
            Map<Long, Long> parent = new HashMap<>();
            for (FaceGeometryCheck.Duplicate d : FaceGeometryCheck.duplicates(boxes)) {
                parent.put(find(parent, d.duplicateId()), find(parent, d.originalId()));
            }
            Map<Long, List<RepairFaceState>> groups = new LinkedHashMap<>();
            for (long id : faces.keySet()) {
                if (parent.containsKey(id) || parent.containsValue(id)) {
                    groups.computeIfAbsent(find(parent, id), k -> new ArrayList<>()).add(faces.get(id));
                }
            }
            for (List<RepairFaceState> group : groups.values()) {
                planDuplicateGroup(group);
            }
        }
    }

    private static long find(Map<Long, Long> parent, long id) {
        Long p = parent.get(id);
        return p == null || p == id ? id : find(parent, p);
    }

    private void planDuplicateGroup(List<RepairFaceState> group) {
        Set<String> decisions = new LinkedHashSet<>();
        for (RepairFaceState f : group) {
            if (f.notAFace()) {
                decisions.add("not a face");
            } else if ("user".equals(f.assignedBy())) {
                decisions.add("person " + f.personId());
            }
        }
        RepairFaceState keep = group.stream().max(Comparator.comparing(RepairFaceState::isUserDecision)
                .thenComparing(f -> f.personId() != null).thenComparingDouble(RepairFaceState::detectionScore)
                .thenComparing(RepairFaceState::id, Comparator.reverseOrder())).orElseThrow();
        for (RepairFaceState f : group) {
            if (f.id() == keep.id()) {
                continue;
            }
            if (decisions.size() > 1) {
                actions.add(new SchemaRepairs.LeaveForUser(change(DUPLICATE_FACES, ChangeKind.LEAVE_FOR_USER, Subject.FACE, f.id(), f.imagePath(),
                        "faces " + group.stream().map(g -> String.valueOf(g.id())).toList() + " are one face found more than once, but you gave them "
                                + "different answers (" + String.join(", ", decisions) + "): keep the right one and delete the others")));
            } else {
                handledFaces.add(f.id());
                countRemoved(f);
                if (keep.personId() == null && f.personId() != null && !keep.notAFace()) {
                    personDelta.merge(f.personId(), 1, Integer::sum);
                }
                actions.add(new FaceRepairs.MergeDuplicate(change(DUPLICATE_FACES, ChangeKind.MERGE_DUPLICATE_FACE, Subject.FACE, f.id(), f.imagePath(),
                        "remove face " + f.id() + ", a duplicate of face " + keep.id() + " in the same photo"
                                + (keep.personId() == null && f.personId() != null ? ", moving its person " + f.personId() + " to face " + keep.id() : "")),
                        keep, f));
            }
        }
    }

    private void missingPhotos() throws IOException {
        Map<Long, RepairPhotoStore.PhotoFile> missing = new LinkedHashMap<>();
        Set<Long> sizes = new HashSet<>();
        for (Sample s : run.findings(FACE_PHOTO_MISSING)) {
            Optional<RepairFaceState> face = RepairFaceStore.face(tx, s.id());
            if (face.isEmpty() || handledPhotos.contains(face.get().photoId()) || missing.containsKey(face.get().photoId())) {
                continue;
            }
            RepairPhotoStore.file(tx, face.get().photoId()).ifPresent(p -> {
                missing.put(p.id(), p);
                sizes.add(p.sizeBytes());
            });
        }
        if (missing.isEmpty()) {
            return;
        }
        PhotoFinder finder = new PhotoFinder(PhotoRoots.of(tx), sizes, location.managedDir());
        for (RepairPhotoStore.PhotoFile photo : missing.values()) {
            long id = photo.id();
            String path = photo.path();
            String hash = photo.contentHash();
            Optional<Path> found = finder.find(photo.sizeBytes(), hash, Set.of(path));
            if (found.isPresent() && photoAt(found.get().toString()).isEmpty()) {
                actions.add(new PhotoRepairs.Relink(change(FACE_PHOTO_MISSING, ChangeKind.RELINK_PHOTO, Subject.PHOTO, id, path,
                        "photo " + id + " moved: point it (and its faces) at " + found.get() + ", the file with the same content hash"),
                        id, path, found.get(), hash));
            } else {
                actions.add(new PhotoRepairs.MarkMissing(change(FACE_PHOTO_MISSING, ChangeKind.MARK_PHOTO_MISSING, Subject.PHOTO, id, path,
                        "mark photo " + id + " missing (" + path + " is gone and no file in the photo folders has its content): "
                                + "its faces and names are kept"), id, path));
            }
        }
    }

    private void missingCrops() {
        for (Sample s : run.findings(CROP_FILE_MISSING)) {
            Optional<RepairFaceState> face = unhandledFace(s.id());
            face.ifPresent(f -> recutOrLeave(CROP_FILE_MISSING, f, managed.file(f.cropPath()), "the crop file is missing"));
        }
    }

    /** Photos the check found, and photos whose faces this repair changes: the state follows the faces they will have. */
    private void scanStates() {
        Set<Long> photos = new LinkedHashSet<>();
        run.findings(PHOTO_SCAN_STATE_INCONSISTENT).forEach(s -> photos.add(s.id()));
        photos.addAll(photoDelta.keySet());
        photos.removeAll(handledPhotos);
        for (long id : photos) {
            String from = RepairPhotoStore.scanState(tx, id);
            if (from == null) {
                continue;
            }
            long faces = RepairFaceStore.countFacesOfPhoto(tx, id) + photoDelta.getOrDefault(id, 0);
            String to = faces > 0 ? ("no_faces".equals(from) ? "done" : from) : ("done".equals(from) ? "no_faces" : from);
            if (!to.equals(from)) {
                String path = IntegrityCheckStore.photoPath(tx, id);
                actions.add(new PhotoRepairs.SetScanState(change(PHOTO_SCAN_STATE_INCONSISTENT, ChangeKind.SET_SCAN_STATE, Subject.PHOTO, id, path,
                        "set the scan state of photo " + id + " from " + from + " to " + to + " (it will have " + faces + " faces)"), id, from, to));
            }
        }
    }

    private void personCovers() {
        for (Sample s : run.findings(PERSON_COVER_INVALID)) {
            Long cover = RepairPersonStore.coverFaceId(tx, s.id());
            if (cover != null) {
                actions.add(new PersonRepairs.ClearCover(change(PERSON_COVER_INVALID, ChangeKind.CLEAR_COVER, Subject.PERSON, s.id(), null,
                        "clear the cover face of person " + s.id() + " (" + s.detail() + ")"), s.id(), cover));
            }
        }
    }

    /** Persons the check found empty, and persons this repair leaves without faces. */
    private void emptyPersons() {
        Set<Long> persons = new LinkedHashSet<>();
        run.findings(PERSON_WITHOUT_FACES).forEach(s -> persons.add(s.id()));
        personDelta.forEach((id, delta) -> {
            if (delta < 0) {
                persons.add(id);
            }
        });
        for (long id : persons) {
            String name = RepairPersonStore.name(tx, id);
            long faces = RepairPersonStore.countedFaces(tx, id) + personDelta.getOrDefault(id, 0);
            if (name != null && faces <= 0) {
                actions.add(new PersonRepairs.RemoveEmpty(change(PERSON_WITHOUT_FACES, ChangeKind.REMOVE_ROW, Subject.PERSON, id, null,
                        "remove person " + id + " (\"" + name + "\" has no faces" + (run.findings(PERSON_WITHOUT_FACES).stream()
                                .anyMatch(s -> s.id() == id) ? "" : " once this repair removed theirs") + "); kept in integrity_removed_rows"), id));
            }
        }
    }

    private void personCounts() {
        for (Sample s : run.findings(PERSON_COUNTS_STALE)) {
            actions.add(new PersonRepairs.Recount(change(PERSON_COUNTS_STALE, ChangeKind.RECOUNT_PERSON, Subject.PERSON, s.id(), null,
                    "recount person " + s.id() + " (" + s.detail() + ")"), s.id()));
        }
    }

    private void orphanCrops() {
        for (Sample s : run.findings(ORPHAN_CROP_FILES)) {
            actions.add(new SchemaRepairs.MoveOrphanCrop(change(ORPHAN_CROP_FILES, ChangeKind.MOVE_ORPHAN_CROP, Subject.CROP_FILE, null, s.path(),
                    "move " + s.path() + " (no face refers to it) into " + location.backupsDir().resolve("orphan-crops-TIME")), Path.of(s.path())));
        }
    }

    private void stuckScanRuns() {
        for (Sample s : run.findings(SCAN_RUN_STUCK)) {
            actions.add(new PhotoRepairs.CloseScanRun(change(SCAN_RUN_STUCK, ChangeKind.CLOSE_SCAN_RUN, Subject.SCAN_RUN, s.id(), null,
                    "mark scan run " + s.id() + " cancelled (" + s.detail() + ")"), s.id()));
        }
    }

    private void removeFace(String check, RepairFaceState f, String reason) {
        handledFaces.add(f.id());
        countRemoved(f);
        actions.add(new FaceRepairs.Remove(change(check, ChangeKind.REMOVE_ROW, Subject.FACE, f.id(), f.imagePath(),
                "remove face " + f.id() + (f.personId() != null ? " (on person " + f.personId() + ")" : "") + ": " + reason
                        + "; kept in integrity_removed_rows"), f, reason));
    }

    private void countRemoved(RepairFaceState f) {
        photoDelta.merge(f.photoId(), -1, Integer::sum);
        if (f.personId() != null && !f.notAFace()) {
            personDelta.merge(f.personId(), -1, Integer::sum);
        }
    }

    private Optional<RepairFaceState> unhandledFace(long id) {
        return handledFaces.contains(id) ? Optional.empty() : RepairFaceStore.face(tx, id);
    }

    private String photoHash(long photoId) {
        return RepairPhotoStore.contentHash(tx, photoId);
    }

    private static PlannedChange change(String check, ChangeKind kind, Subject subject, Long id, String path, String description) {
        return new PlannedChange(check, kind, subject, id, path, description);
    }
}
