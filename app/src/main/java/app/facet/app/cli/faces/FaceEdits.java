package app.facet.app.cli.faces;

import app.facet.app.cli.LibraryOption;
import app.facet.app.cli.ModelOptions;
import app.facet.app.cli.UserError;
import app.facet.app.cli.people.FaceAction;
import app.facet.app.cli.people.PeopleAction;
import app.facet.app.cli.people.PeopleSession;
import app.facet.core.editor.EditRefusedException;
import app.facet.core.editor.EditablePhoto;
import app.facet.core.editor.EditedBox;
import app.facet.core.editor.FaceEditService;
import app.facet.core.editor.PersonAssignment;
import app.facet.core.editor.SaveResult;
import app.facet.core.library.FacetLibrary;
import app.facet.core.people.UndoableAction;
import app.facet.model.BoundingBox;
import app.facet.model.Face;
import app.facet.model.Person;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code facet faces add|remove|clear|assign|unassign|not-a-face}: the corrections of single faces, through the same
 * core calls as the desktop crop editor ({@link FaceEditService}) and people views
 * ({@link app.facet.core.people.PeopleService}). PHOTO is a path of a scanned photo (or its id); boxes are in
 * original-image pixels after EXIF orientation.
 */
public final class FaceEdits {
    private FaceEdits() {
    }

    /** A scanned original photo by path or, when no such file exists, by id. @throws UserError when the editor refuses it */
    static EditablePhoto photo(FaceEditService editor, String photo) {
        Path path = Path.of(photo);
        try {
            return !Files.exists(path) && PeopleSession.isId(photo) ? editor.open(Long.parseLong(photo.strip())) : editor.open(path);
        } catch (EditRefusedException e) {
            throw new UserError(e.getMessage());
        }
    }

    /** {@code facet faces add PHOTO --box X,Y,W,H [--person NAME]}: prints the new face id alone on its line. */
    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Add a face you drew: crop, landmarks, embedding and quality are computed from the photo; prints the new face id.")
    public static final class Add implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "PHOTO", description = "A scanned photo: its path (or its id from `facet photos`).")
        String photo;
        @Option(names = "--box", required = true, split = ",", paramLabel = "X,Y,W,H",
                description = "The face's bounding box in pixels of the photo as shown (after EXIF orientation): left, top, width, height.")
        List<Double> box;
        @Option(names = "--person", paramLabel = "NAME",
                description = "Who it is: a person's name (any case) or id; a new name creates the person.")
        String person;
        @Mixin
        LibraryOption library;
        @Mixin
        ModelOptions models;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            if (box.size() != 4) {
                throw new UserError("--box takes four numbers X,Y,W,H, got " + box.size() + ".");
            }
            BoundingBox b = new BoundingBox(box.get(0), box.get(1), box.get(2), box.get(3));
            AtomicReference<String> photoModel = new AtomicReference<>();
            // without --embedding-model, embed with the model of the photo's other faces, so the new face is compared with them
            try (FacetLibrary opened = library.existing(models, photoModel::get)) {
                PeopleSession session = PeopleSession.of(opened);
                PersonAssignment who = person == null ? PersonAssignment.keep() : assignment(session, person);
                FaceEditService editor = session.editor();
                EditablePhoto target = photo(editor, photo);
                target.faces().stream().map(Face::embeddingModelId).filter(Objects::nonNull).findFirst().ifPresent(photoModel::set);
                SaveResult saved = PeopleSession.userErrors(() -> editor.save(target.photoId(), List.of(EditedBox.add(b, who))));
                long id = saved.newFaceIds().get(0);
                spec.commandLine().getOut().println(id);
                if (!session.face(id).hasEmbedding()) {
                    spec.commandLine().getErr().println("facet: face " + id + " has no embedding, so it cannot be recognised: "
                            + opened.analyzer().embeddingUnavailableReason().orElse("the face could not be aligned.").strip());
                }
            }
            return 0;
        }

        private static PersonAssignment assignment(PeopleSession session, String person) {
            Optional<Person> known = session.find(person);
            if (known.isPresent()) {
                return PersonAssignment.person(known.get().id());
            }
            if (PeopleSession.isId(person)) {
                session.person(person); // an unknown number is a mistake, not a new person's name
            }
            return PersonAssignment.named(person);
        }
    }

    /** {@code facet faces remove FACE_ID}. */
    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = "Delete a face (a photo left without faces is remembered as having none).")
    public static final class Remove extends PeopleAction {
        @Parameters(index = "0", paramLabel = "FACE_ID", description = "The face (see `facet faces`).")
        long face;

        @Override
        protected String act(PeopleSession session) {
            Face f = session.face(face);
            session.editor().deleteFaces(List.of(face));
            return "Removed face " + face + " from " + f.imagePath() + ".";
        }
    }

    /** {@code facet faces clear PHOTO}. */
    @Command(name = "clear", mixinStandardHelpOptions = true,
            description = "Say a photo shows no face: its faces are deleted and later scans keep it so while the file is unchanged.")
    public static final class Clear extends PeopleAction {
        @Parameters(index = "0", paramLabel = "PHOTO", description = "A scanned photo: its path (or its id from `facet photos`).")
        String photo;

        @Override
        protected String act(PeopleSession session) {
            FaceEditService editor = session.editor();
            EditablePhoto target = photo(editor, photo);
            int removed = editor.clearFaces(target.photoId());
            return target.path() + " has no faces now (" + removed + " removed).";
        }
    }

    /** {@code facet faces assign FACE_ID PERSON [--create]}. */
    @Command(name = "assign", mixinStandardHelpOptions = true,
            description = "Say who a face is (your decision: recognition never changes it).")
    public static final class Assign extends PeopleAction {
        @Parameters(index = "0", paramLabel = "FACE_ID", description = "The face (see `facet faces`).")
        long face;
        @Parameters(index = "1", paramLabel = "PERSON", description = "The person (name or id).")
        String person;
        @Option(names = "--create", description = "Create the person when no one has this name.")
        boolean create;

        @Override
        protected String act(PeopleSession session) {
            session.face(face);
            Optional<Person> known = session.find(person);
            if (known.isEmpty() && create && !PeopleSession.isId(person)) {
                return session.people.assignFaceToNewPerson(face, person).description() + ".";
            }
            Person p = known.orElseGet(() -> session.person(person));
            return session.people.assignFace(face, p.id()).description() + ".";
        }
    }

    /** {@code facet faces unassign FACE_ID}. */
    @Command(name = "unassign", mixinStandardHelpOptions = true,
            description = "Take a face off its person; it is never suggested for that person again.")
    public static final class Unassign extends FaceAction {
        @Override
        protected UndoableAction apply(PeopleSession session, long faceId) {
            return session.people.unassignFace(faceId);
        }
    }

    /** {@code facet faces not-a-face FACE_ID}. */
    @Command(name = "not-a-face", mixinStandardHelpOptions = true,
            description = "Mark a detection as not a face: off its person, out of clustering, recognition and counts.")
    public static final class NotAFace extends FaceAction {
        @Override
        protected UndoableAction apply(PeopleSession session, long faceId) {
            return session.people.notAFace(faceId);
        }
    }
}
