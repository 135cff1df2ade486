package app.facet.core.transfer;

import app.facet.core.catalog.MetadataFaceStore;
import app.facet.core.catalog.AssignmentStore;
import app.facet.core.catalog.Catalog;
import app.facet.core.catalog.CatalogException;
import app.facet.core.catalog.PeopleTables;
import app.facet.core.catalog.CropFileJanitor;
import app.facet.core.catalog.EditStore;
import app.facet.core.catalog.FaceDeletionStore;
import app.facet.core.catalog.FaceDeletionStore.DeletedFace;
import app.facet.core.decisions.DeletedFaces;
import app.facet.core.editor.EditedBox;
import app.facet.core.editor.FaceEditException;
import app.facet.core.editor.FaceEditService;
import app.facet.core.editor.PersonAssignment;
import app.facet.core.editor.SaveResult;
import app.facet.core.integrity.CatalogBackup;
import app.facet.core.rules.PersonNames;
import app.facet.core.integrity.PhotoRoots;
import app.facet.model.BoundingBox;
import app.facet.model.Person;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Applies an assignment export to a catalog of the same photos: persons, every face's person, "not a face", "not this
 * person", covers, hand-drawn boxes and "no faces" decisions.
 * <ul>
 *   <li>A face's photo is found by content hash (so moved photos are found; among copies the one at the same path
 *       wins, else the lowest id), else by path.</li>
 *   <li>Within the photo, the file's boxes and the catalog's faces are paired one to one, best intersection over union
 *       first, pairs below IoU {@value #MIN_IOU} left unmatched (a rescan finds boxes a few pixels apart).</li>
 *   <li>A user's assignment in the file is applied (over whatever the face has); an automatic one only to a face no
 *       one assigned; "not a face", "not this person" and covers are added; nothing is taken away.</li>
 *   <li>The file is validated whole before anything is written: malformed files, unknown columns, bad values, photos in
 *       the managed folder, and photos outside the library's photo folders that no catalogued photo matches by content
 *       hash give a {@link RestoreInputException}.</li>
 *   <li>A hand-drawn box ({@code manual}) no catalog face matches is added as a face through the crop editor's
 *       {@link FaceEditService#save} (crop, landmarks, embedding from the photo and the box), before the transaction;
 *       a photo the user decided has no faces loses the faces a fresh scan found, unless one carries a decision.</li>
 *   <li>A face the user deleted is recorded in {@code face_deletions} (unless an equal one is there: same photo, box and
 *       image size), so a later re-analysis does not bring it back; the catalog face at its place ({@link DeletedFaces},
 *       the scan's rule) goes the way a user's delete takes it ({@link FaceEditService#removeFaces}) when it carries no
 *       decision, and is kept and reported ({@link KeptFace}) when it carries one of this library (the deletion is then
 *       not recorded). A face the file itself gives a decision stays.</li>
 *   <li>A file putting one face on two persons, or holding a name the one name rule ({@link PersonNames}) refuses, is
 *       refused whole ({@link RestoreInputException}).</li>
 *   <li>All changes are one {@code WriteTransaction} ({@code BEGIN IMMEDIATE}, planned again under the write lock), after
 *       a catalog backup: a failure applies nothing. The plan of a dry run is read in one read transaction.</li>
 * </ul>
 */
public final class AssignmentRestorer {
    private static final Logger log = LoggerFactory.getLogger(AssignmentRestorer.class);
    public static final double MIN_IOU = 0.5;

    private final Catalog catalog;
    private final FaceEditService editor;

    /** A restorer without the face analyzer: hand-drawn boxes a fresh scan did not detect are reported unmatched. */
    public AssignmentRestorer(Catalog catalog) {
        this(catalog, null);
    }

    /**
     * @param editor the crop editor's service, which adds a hand-drawn box a fresh scan did not detect as a face (box,
     *               crop and embedding computed from the photo and the box, as when the user draws it); null to report
     *               such boxes unmatched instead
     */
    public AssignmentRestorer(Catalog catalog, FaceEditService editor) {
        this.catalog = catalog;
        this.editor = editor;
    }

    /** Reads {@code file} (CSV or JSON) and restores it. @see #restore(AssignmentExport, boolean) */
    public RestoreReport restore(Path file, boolean dryRun) {
        return restore(AssignmentFiles.read(file), dryRun, "the restore file " + file);
    }

    /**
     * @param dryRun when true, report what would change and change nothing
     * @throws RestoreInputException when a photo path is inside the managed folder or outside the library (nothing applied)
     * @throws CatalogException      when the catalog cannot be read or written (nothing applied)
     */
    public RestoreReport restore(AssignmentExport export, boolean dryRun) {
        return restore(export, dryRun, "the export");
    }

    private RestoreReport restore(AssignmentExport export, boolean dryRun, String source) {
        String failure = "The restore failed and nothing was applied";
        Plan planned = PeopleTables.readSnapshot(catalog, failure, t -> new Planner(t, export, source, editor != null).plan());
        if (dryRun || planned.changes.isEmpty()) {
            return planned.report(dryRun, null);
        }
        Path backup = CatalogBackup.create(catalog);
        List<RestoreChange> drawn = addDrawnFaces(planned);
        Plan plan = PeopleTables.write(catalog, failure, t -> {
            // planned again under the write lock: what is applied is judged against the catalog as it is now
            Plan again = new Planner(t, export, source, editor != null).plan();
            again.apply(t);
            return again;
        });
        try {
            new CropFileJanitor(catalog).sweep();
        } catch (CatalogException e) {
            // the restore is committed; the queue keeps the crop files for the next sweep
            log.warn("event=crop_sweep_failed error=\"{}\"", e.getMessage());
        }
        plan.changes.addAll(0, drawn);
        RestoreReport report = plan.report(false, backup);
        log.info("event=assignments_restored changes={} matched={} unmatched={} drawn_faces_added={} deletions_recorded={} "
                + "deleted_faces_removed={} kept_for_decision={} backup={}", plan.changes.size(), plan.matched, plan.unmatched.size(),
                drawn.size(), report.deletionsRecorded(), report.deletedFacesRemoved(), plan.kept.size(), backup);
        return report;
    }

    /**
     * Adds the hand-drawn boxes no face of the catalog matched through the crop editor's save (one save per photo), so
     * that the write that follows matches them like any face and applies their decisions.
     */
    private List<RestoreChange> addDrawnFaces(Plan planned) {
        Map<Long, List<EditedBox>> byPhoto = new LinkedHashMap<>();
        List<RestoreChange> done = new ArrayList<>();
        for (Drawn d : planned.drawn) {
            byPhoto.computeIfAbsent(d.photoId(), k -> new ArrayList<>()).add(EditedBox.add(d.box(), PersonAssignment.keep()));
        }
        for (Map.Entry<Long, List<EditedBox>> e : byPhoto.entrySet()) {
            try {
                SaveResult saved = editor.save(e.getKey(), e.getValue());
                for (long id : saved.newFaceIds()) {
                    done.add(new RestoreChange(RestoreChange.Kind.ADD_DRAWN_FACE, id, null, "add hand-drawn face " + id + " to photo " + e.getKey()));
                }
            } catch (FaceEditException ex) {
                throw new CatalogException("The restore could not add the hand-drawn boxes of photo " + e.getKey() + " ("
                        + ex.getMessage() + "); the boxes added before were kept, nothing else was applied", ex);
            }
        }
        return done;
    }

    /** Two equal deletions: the same box and image size (restoring a file twice records each once). */
    private static boolean sameDeletion(DeletedFace a, ExportedDeletion b) {
        return Objects.equals(a.photoWidth(), b.photoWidth()) && Objects.equals(a.photoHeight(), b.photoHeight())
                && Math.abs(a.box().x() - b.x()) < 0.01 && Math.abs(a.box().y() - b.y()) < 0.01
                && Math.abs(a.box().w() - b.w()) < 0.01 && Math.abs(a.box().h() - b.h()) < 0.01;
    }

    /** A catalog face as the matcher sees it. */
    private record CatalogFace(long id, BoundingBox box, Long personId, String assignedBy, boolean notAFace) {
    }

    private record Photo(long id, String path) {
    }

    /** A person after the restore: id null until created. */
    private static final class PersonSlot {
        Long id;
        final String name;
        boolean hidden;
        Long cover;

        PersonSlot(Long id, String name, boolean hidden, Long cover) {
            this.id = id;
            this.name = name;
            this.hidden = hidden;
            this.cover = cover;
        }
    }

    /** A hand-drawn box of the file that no catalog face matched, to be added through the editor. */
    private record Drawn(long photoId, BoundingBox box) {
    }

    /** The changes, in application order, with what they need to be applied. */
    private static final class Plan {
        final List<RestoreChange> changes = new ArrayList<>();
        final List<Drawn> drawn = new ArrayList<>();
        final List<Step> steps = new ArrayList<>();
        final List<UnmatchedFace> unmatched = new ArrayList<>();
        final List<KeptFace> kept = new ArrayList<>();
        int deletions;
        int faces;
        int decisions;
        int matched;

        void add(RestoreChange change, Step step) {
            changes.add(change);
            steps.add(step);
        }

        void apply(PeopleTables t) {
            for (Step s : steps) {
                s.run(t);
            }
        }

        RestoreReport report(boolean dryRun, Path backup) {
            return new RestoreReport(dryRun, backup, faces, decisions, matched, changes, unmatched, deletions, kept);
        }
    }

    @FunctionalInterface
    private interface Step {
        void run(PeopleTables t);
    }

    /** Matches the file against the catalog and plans the changes; reads only. */
    private static final class Planner {
        private final PeopleTables t;
        private final AssignmentExport export;
        private final String source;
        private final String managed;
        private final Plan plan = new Plan();
        private final Map<String, PersonSlot> persons = new LinkedHashMap<>();
        private final boolean canDraw;
        private final Map<Long, AssignmentStore.PhotoRow> photoRows = new HashMap<>();
        /** Catalog faces a row of the file carrying a decision matched: the file says they stand. */
        private final Set<Long> decidedByFile = new HashSet<>();
        /** Photos whose "no faces" decision is applied: every face of them goes anyway. */
        private final Set<Long> emptied = new HashSet<>();

        Planner(PeopleTables t, AssignmentExport export, String source, boolean canDraw) {
            this.t = t;
            this.export = export;
            this.source = source;
            this.canDraw = canDraw;
            this.managed = t.assignments().managedDir().orElse(null);
        }

        Plan plan() {
            Map<String, List<Photo>> byHash = new HashMap<>();
            Map<String, Photo> byPath = new HashMap<>();
            for (AssignmentStore.PhotoRow row : t.assignments().photos()) {
                photoRows.put(row.id(), row);
                Photo p = new Photo(row.id(), row.path());
                if (managed != null && p.path().startsWith(managed)) {
                    continue;
                }
                byPath.put(p.path(), p);
                if (row.contentHash() != null) {
                    byHash.computeIfAbsent(row.contentHash().toLowerCase(java.util.Locale.ROOT), k -> new ArrayList<>()).add(p);
                }
            }
            List<Path> roots = t.onTx(PhotoRoots::of);
            Map<Long, List<ExportedFace>> byPhoto = new LinkedHashMap<>();
            List<String> problems = new ArrayList<>();
            for (int i = 0; i < export.faces().size(); i++) {
                ExportedFace f = export.faces().get(i);
                List<Photo> sameContent = sameContent(f.contentHash(), byHash);
                String refused = refusal("face " + (i + 1), f.photoPath(), sameContent, roots);
                if (refused != null) {
                    problems.add(refused);
                    continue;
                }
                Photo target = target(f.photoPath(), sameContent, byPath);
                if (target == null) {
                    if (f.carriesDecision()) {
                        plan.unmatched.add(new UnmatchedFace(f.photoPath(), f.person(), "the photo is not in the catalog"));
                    }
                    continue;
                }
                byPhoto.computeIfAbsent(target.id(), k -> new ArrayList<>()).add(f);
            }
            Map<Long, List<ExportedDeletion>> deletedByPhoto = new LinkedHashMap<>();
            for (int i = 0; i < export.deletedFaces().size(); i++) {
                ExportedDeletion d = export.deletedFaces().get(i);
                List<Photo> sameContent = sameContent(d.contentHash(), byHash);
                String refused = refusal("deleted face " + (i + 1), d.photoPath(), sameContent, roots);
                if (refused != null) {
                    problems.add(refused);
                    continue;
                }
                Photo target = target(d.photoPath(), sameContent, byPath);
                if (target == null) {
                    plan.unmatched.add(new UnmatchedFace(d.photoPath(), d.personName(), "the photo is not in the catalog (its deleted face was not recorded)"));
                    continue;
                }
                deletedByPhoto.computeIfAbsent(target.id(), k -> new ArrayList<>()).add(d);
            }
            if (!problems.isEmpty()) {
                throw new RestoreInputException((problems.size() == 1 ? "A photo" : problems.size() + " photos") + " of " + source + " "
                        + (problems.size() == 1 ? "is" : "are") + " not in this library, first: " + problems.get(0) + "; nothing was applied.", problems);
            }
            plan.faces = export.faces().size();
            plan.decisions = (int) export.faces().stream().filter(ExportedFace::carriesDecision).count();
            plan.deletions = export.deletedFaces().size();
            loadPersons();
            planPersons();
            for (Map.Entry<Long, List<ExportedFace>> e : byPhoto.entrySet()) {
                planPhoto(e.getKey(), e.getValue());
            }
            for (ExportedPhoto p : export.noFaces()) {
                planNoFaces(p, byHash, byPath, byPhoto);
            }
            for (Map.Entry<Long, List<ExportedDeletion>> e : deletedByPhoto.entrySet()) {
                planDeletions(e.getKey(), e.getValue());
            }
            return plan;
        }

        /** @return the catalogued photos with this content hash (SHA-256 hex, any case; none when null) */
        private static List<Photo> sameContent(String contentHash, Map<String, List<Photo>> byHash) {
            return contentHash == null ? List.of() : byHash.getOrDefault(contentHash.toLowerCase(java.util.Locale.ROOT), List.of());
        }

        /**
         * @return the catalogued photo an exported row names: of those with its content, the one at its path, else the
         * first (the photo moved); without one of its content, the one at its path; null when none
         */
        private static Photo target(String photoPath, List<Photo> sameContent, Map<String, Photo> byPath) {
            return sameContent.stream().filter(p -> p.path().equals(photoPath)).findFirst()
                    .orElse(sameContent.isEmpty() ? byPath.get(photoPath) : sameContent.get(0));
        }

        /**
         * @param what the row, for the sentence (e.g. "face 3")
         * @return why the row's photo cannot be one of this library (inside its managed folder; outside its photo folders
         * with no catalogued photo of its content), or null when it can
         */
        private String refusal(String what, String photoPath, List<Photo> sameContent, List<Path> roots) {
            if (managed != null && photoPath.startsWith(managed)) {
                return what + ": photo " + photoPath + " is inside the library's managed folder (a face crop is never a photo)";
            }
            if (sameContent.isEmpty() && !PhotoRoots.contains(roots, Path.of(photoPath))) {
                return what + ": photo " + photoPath + " is outside the library's photo folders " + roots
                        + " and no catalogued photo has its content hash";
            }
            return null;
        }

        /**
         * The faces the user deleted from one photo: each recorded unless an equal deletion is there, and the catalog face
         * at its place ({@link DeletedFaces}) removed unless a decision rests on it (kept and reported, deletion not recorded).
         */
        private void planDeletions(long photoId, List<ExportedDeletion> deletions) {
            AssignmentStore.PhotoRow row = photoRows.get(photoId);
            List<DeletedFace> recorded = new ArrayList<>(t.onTx(tx -> FaceDeletionStore.of(tx, photoId)));
            List<DeletedFace> asDeleted = new ArrayList<>();
            for (int k = 0; k < deletions.size(); k++) {
                ExportedDeletion d = deletions.get(k);
                asDeleted.add(new DeletedFace(k, photoId, new BoundingBox(d.x(), d.y(), d.w(), d.h()), d.photoWidth(), d.photoHeight(),
                        d.personName(), d.metadataSource(), null));
            }
            List<AssignmentStore.PhotoFace> faces = t.assignments().facesOf(photoId).stream()
                    .filter(f -> f.w() > 0 && f.h() > 0 && Double.isFinite(f.w()) && Double.isFinite(f.h())).toList();
            AssignmentStore.PhotoFace[] at = new AssignmentStore.PhotoFace[deletions.size()];
            if (!faces.isEmpty() && row.width() != null && row.height() != null) {
                List<DeletedFace> again = DeletedFaces.of(asDeleted, row.width(), row.height())
                        .match(faces.stream().map(f -> new BoundingBox(f.x(), f.y(), f.w(), f.h())).toList());
                for (int i = 0; i < faces.size(); i++) {
                    if (again.get(i) != null) {
                        at[(int) again.get(i).id()] = faces.get(i);
                    }
                }
            }
            for (int k = 0; k < deletions.size(); k++) {
                ExportedDeletion d = deletions.get(k);
                AssignmentStore.PhotoFace face = at[k];
                if (face != null && !decidedByFile.contains(face.id()) && (face.decided() || face.manual())) {
                    plan.kept.add(new KeptFace(row.path(), face.id(), personName(face.personId()), "face " + face.id()
                            + " is at the place of a face deleted in the exported library but carries a decision here ("
                            + (face.manual() ? "a box drawn by hand" : "a person chosen, \"not a face\", \"not this person\" or a cover")
                            + "): kept, and its deletion not recorded"));
                    continue;
                }
                if (face != null && !decidedByFile.contains(face.id()) && !emptied.contains(photoId)) {
                    long faceId = face.id();
                    String was = face.personId() == null ? "" : " (on \"" + personName(face.personId()) + "\" by " + face.assignedBy() + ")";
                    plan.add(new RestoreChange(RestoreChange.Kind.REMOVE_DELETED_FACE, faceId, personName(face.personId()),
                            "remove face " + faceId + " of photo " + photoId + was + ": the user deleted the face at this place"),
                            tn -> tn.onTx(tx -> FaceEditService.removeFaces(EditStore.on(tx), List.of(faceId), false)));
                }
                if (recorded.stream().noneMatch(r -> sameDeletion(r, d))) {
                    DeletedFace deletion = asDeleted.get(k);
                    recorded.add(deletion);
                    plan.add(new RestoreChange(RestoreChange.Kind.RECORD_DELETION, null, d.personName(), String.format(java.util.Locale.ROOT,
                            "remember that the face at %.0f,%.0f %.0fx%.0f of photo %d was deleted%s", d.x(), d.y(), d.w(), d.h(), photoId,
                            d.personName() == null ? "" : " (it was \"" + d.personName() + "\")")),
                            tn -> tn.onTx(tx -> FaceDeletionStore.record(tx, photoId, deletion)));
                }
            }
        }

        /** @return the name of a catalog person, null for none */
        private String personName(Long personId) {
            if (personId == null) {
                return null;
            }
            return persons.values().stream().filter(p -> personId.equals(p.id)).map(p -> p.name).findFirst().orElse(null);
        }

        /** The user's "no faces": the fresh scan's faces go, unless one carries a decision (nothing is taken away). */
        private void planNoFaces(ExportedPhoto p, Map<String, List<Photo>> byHash, Map<String, Photo> byPath,
                                 Map<Long, List<ExportedFace>> byPhoto) {
            plan.decisions++;
            Photo target = target(p.photoPath(), sameContent(p.contentHash(), byHash), byPath);
            if (target == null) {
                plan.unmatched.add(new UnmatchedFace(p.photoPath(), null, "the photo is not in the catalog (its \"no faces\" decision was not applied)"));
                return;
            }
            AssignmentStore.PhotoRow row = photoRows.get(target.id());
            if ("no_faces".equals(row.scanState()) && row.noFacesByUser()) {
                plan.matched++;
                return;
            }
            if (!"no_faces".equals(row.scanState()) && !"done".equals(row.scanState())) {
                plan.unmatched.add(new UnmatchedFace(p.photoPath(), null, "the photo is " + row.scanState() + ", not analysed (its \"no faces\" decision was not applied)"));
                return;
            }
            List<AssignmentStore.PhotoFace> faces = t.assignments().facesOf(target.id());
            boolean decided = faces.stream().anyMatch(AssignmentStore.PhotoFace::decided)
                    || byPhoto.getOrDefault(target.id(), List.of()).stream().anyMatch(ExportedFace::carriesDecision);
            if (decided) {
                plan.unmatched.add(new UnmatchedFace(p.photoPath(), null, "a face of the photo carries a decision, so its \"no faces\" decision was not applied"));
                return;
            }
            plan.matched++;
            long photoId = target.id();
            emptied.add(photoId);
            plan.add(new RestoreChange(RestoreChange.Kind.NO_FACES, null, null, "record that photo " + photoId + " has no faces (remove its "
                    + faces.size() + " detected face" + (faces.size() == 1 ? "" : "s") + ")"), tn -> tn.assignments().recordNoFaces(photoId));
        }

        private void loadPersons() {
            for (Person p : t.persons().all()) {
                persons.put(AssignmentFiles.key(p.name()), new PersonSlot(p.id(), p.name(), p.hidden(), p.coverFaceId()));
            }
        }

        private void planPersons() {
            for (ExportedPerson p : export.persons()) {
                PersonSlot slot = persons.get(AssignmentFiles.key(p.name()));
                if (slot == null) {
                    create(p.name(), p.hidden());
                } else if (slot.hidden != p.hidden()) {
                    slot.hidden = p.hidden();
                    plan.add(new RestoreChange(RestoreChange.Kind.SET_HIDDEN, null, slot.name, (p.hidden() ? "hide" : "show") + " person \"" + slot.name + "\""),
                            tn -> tn.persons().setHidden(slot.id, p.hidden()));
                }
            }
        }

        private PersonSlot person(String name) {
            PersonSlot slot = persons.get(AssignmentFiles.key(name));
            return slot != null ? slot : create(name, false);
        }

        private PersonSlot create(String name, boolean hidden) {
            // the file was validated: the one name rule accepts the name; store it as that rule gives it
            PersonSlot slot = new PersonSlot(null, PersonNames.check(name).value(), hidden, null);
            persons.put(AssignmentFiles.key(name), slot);
            plan.add(new RestoreChange(RestoreChange.Kind.CREATE_PERSON, null, slot.name, "create person \"" + slot.name + "\"" + (hidden ? " (hidden)" : "")),
                    tn -> slot.id = tn.persons().insert(slot.name, slot.hidden));
            return slot;
        }

        /** Pairs the file's faces of one photo with the catalog's, best IoU first, one to one. */
        private void planPhoto(long photoId, List<ExportedFace> rows) {
            List<CatalogFace> faces = new ArrayList<>();
            for (AssignmentStore.PhotoFace f : t.assignments().facesOf(photoId)) {
                if (f.w() > 0 && f.h() > 0 && Double.isFinite(f.w()) && Double.isFinite(f.h())) {
                    faces.add(new CatalogFace(f.id(), new BoundingBox(f.x(), f.y(), f.w(), f.h()), f.personId(), f.assignedBy(), f.notAFace()));
                }
            }
            record Pair(ExportedFace row, CatalogFace face, double iou) {
            }
            List<Pair> pairs = new ArrayList<>();
            for (ExportedFace row : rows) {
                BoundingBox box = new BoundingBox(row.x(), row.y(), row.w(), row.h());
                for (CatalogFace face : faces) {
                    double iou = box.iou(face.box());
                    if (iou >= MIN_IOU) {
                        pairs.add(new Pair(row, face, iou));
                    }
                }
            }
            refuseOneFaceTwoPersons(photoId, rows, faces, pairs.stream().map(p -> Map.entry(p.row(), p.face())).toList());
            pairs.sort(Comparator.comparingDouble(Pair::iou).reversed());
            // identity, not equality: a file may hold two identical rows, each needing its own face
            Set<ExportedFace> rowsDone = Collections.newSetFromMap(new IdentityHashMap<>());
            Set<Long> facesDone = new HashSet<>();
            for (Pair p : pairs) {
                if (!rowsDone.contains(p.row()) && !facesDone.contains(p.face().id())) {
                    rowsDone.add(p.row());
                    facesDone.add(p.face().id());
                    if (p.row().carriesDecision()) {
                        decidedByFile.add(p.face().id());
                        plan.matched++;
                        planFace(p.row(), p.face());
                    }
                }
            }
            for (ExportedFace row : rows) {
                if (!rowsDone.contains(row) && row.manual() && canDraw && !drawnOverlaps(photoId, row)) {
                    plan.matched++;
                    plan.drawn.add(new Drawn(photoId, new BoundingBox(row.x(), row.y(), row.w(), row.h())));
                    plan.changes.add(new RestoreChange(RestoreChange.Kind.ADD_DRAWN_FACE, null, row.person(), "add the hand-drawn box "
                            + row.x() + "," + row.y() + " " + row.w() + "x" + row.h() + " to photo " + photoId + " as a face"));
                    continue;
                }
                if (!rowsDone.contains(row) && row.carriesDecision()) {
                    plan.unmatched.add(new UnmatchedFace(row.photoPath(), row.person(), "no face of the photo overlaps box " + row.x() + ","
                            + row.y() + " " + row.w() + "x" + row.h() + " with IoU " + MIN_IOU + " or more"));
                }
            }
        }

        private void planFace(ExportedFace row, CatalogFace face) {
            Long personAfter = face.personId();
            if (row.person() != null) {
                PersonSlot target = person(row.person());
                boolean user = row.assignedBy().equals("user");
                boolean apply = user ? !("user".equals(face.assignedBy()) && Objects.equals(face.personId(), target.id))
                        : "none".equals(face.assignedBy());
                if (apply) {
                    String was = face.personId() == null ? "unassigned" : "on person " + face.personId() + " by " + face.assignedBy();
                    plan.add(new RestoreChange(RestoreChange.Kind.ASSIGN, face.id(), target.name, "assign face " + face.id() + " to \""
                            + target.name + "\" (" + row.assignedBy() + "; was " + was + ")"),
                            tn -> {
                                tn.assignments().assign(face.id(), target.id, row.assignedBy());
                                // a name read from a face region stays told apart from one typed in Facet
                                tn.onTx(tx -> {
                                    MetadataFaceStore.restoreProvenance(tx, face.id(), row.metadataSource(), row.metadataName());
                                    return null;
                                });
                            });
                    personAfter = null; // known only once the person exists
                }
                if (row.cover()) {
                    boolean onTarget = apply || Objects.equals(personAfter, target.id);
                    if (onTarget && !Objects.equals(target.cover, face.id())) {
                        target.cover = face.id();
                        plan.add(new RestoreChange(RestoreChange.Kind.SET_COVER, face.id(), target.name,
                                "make face " + face.id() + " the cover of \"" + target.name + "\""),
                                tn -> tn.persons().setCover(target.id, face.id()));
                    }
                }
            }
            if (row.notAFace() && !face.notAFace()) {
                plan.add(new RestoreChange(RestoreChange.Kind.MARK_NOT_A_FACE, face.id(), null, "mark face " + face.id() + " not a face"),
                        tn -> tn.assignments().markNotAFace(face.id()));
            }
            for (String name : row.rejectedPersons()) {
                PersonSlot rejected = person(name);
                if (rejected.id == null || !isRejected(face.id(), rejected.id)) {
                    plan.add(new RestoreChange(RestoreChange.Kind.REJECT_PERSON, face.id(), rejected.name,
                            "remember face " + face.id() + " is not \"" + rejected.name + "\""),
                            tn -> tn.rejections().add(face.id(), rejected.id));
                }
            }
        }

        /** Two drawn boxes of one photo that are one face are added once. */
        private boolean drawnOverlaps(long photoId, ExportedFace row) {
            BoundingBox box = new BoundingBox(row.x(), row.y(), row.w(), row.h());
            return plan.drawn.stream().anyMatch(d -> d.photoId() == photoId && d.box().iou(box) >= MIN_IOU);
        }

        /**
         * A file that puts one face on two persons is refused whole: two of its rows of one photo whose boxes overlap
         * (IoU at least {@value #MIN_IOU}) with different persons, or two rows matching one catalog face with different persons.
         */
        private void refuseOneFaceTwoPersons(long photoId, List<ExportedFace> rows, List<CatalogFace> faces,
                                             List<Map.Entry<ExportedFace, CatalogFace>> matches) {
            for (int i = 0; i < rows.size(); i++) {
                for (int j = i + 1; j < rows.size(); j++) {
                    ExportedFace a = rows.get(i), b = rows.get(j);
                    if (twoPersons(a, b) && box(a).iou(box(b)) >= MIN_IOU) {
                        throw twoPersonsRefusal(a, a, b);
                    }
                }
            }
            for (CatalogFace face : faces) {
                List<ExportedFace> on = matches.stream().filter(m -> m.getValue() == face).map(Map.Entry::getKey).toList();
                for (int i = 0; i < on.size(); i++) {
                    for (int j = i + 1; j < on.size(); j++) {
                        if (twoPersons(on.get(i), on.get(j))) {
                            throw twoPersonsRefusal(on.get(i), on.get(i), on.get(j));
                        }
                    }
                }
            }
        }

        private static boolean twoPersons(ExportedFace a, ExportedFace b) {
            return a.person() != null && b.person() != null && !AssignmentFiles.key(a.person()).equals(AssignmentFiles.key(b.person()));
        }

        private static BoundingBox box(ExportedFace f) {
            return new BoundingBox(f.x(), f.y(), f.w(), f.h());
        }

        private RestoreInputException twoPersonsRefusal(ExportedFace face, ExportedFace a, ExportedFace b) {
            String where = String.format(java.util.Locale.ROOT, "%.0f,%.0f %.0fx%.0f", face.x(), face.y(), face.w(), face.h());
            return new RestoreInputException(cap(source) + " gives one face two persons: the face at " + where + " of "
                    + face.photoPath() + " is on \"" + PersonNames.escaped(a.person()) + "\" and on \"" + PersonNames.escaped(b.person())
                    + "\"; nothing was applied.", List.of());
        }

        private static String cap(String s) {
            return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
        }

        private boolean isRejected(long faceId, long personId) {
            return t.rejections().exists(faceId, personId);
        }
    }
}
