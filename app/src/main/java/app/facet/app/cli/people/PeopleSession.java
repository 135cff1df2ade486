package app.facet.app.cli.people;

import app.facet.app.cli.LibraryOption;
import app.facet.app.cli.UserError;
import app.facet.core.catalog.Catalog;
import app.facet.core.editor.FaceEditException;
import app.facet.core.editor.FaceEditService;
import app.facet.core.library.FacetLibrary;
import app.facet.core.library.PeopleServices;
import app.facet.core.people.ClusterService;
import app.facet.core.people.PeopleException;
import app.facet.core.people.PeopleService;
import app.facet.core.people.RecognitionService;
import app.facet.model.Face;
import app.facet.model.Person;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The people services of one command run over an existing library (core's {@link PeopleServices}), with the command
 * line's error sentences, and the one reading of a PERSON argument (a name in any case, else an id) and a FACE_ID.
 */
public final class PeopleSession {
    public final FacetLibrary library;
    public final Catalog catalog;
    public final PeopleService people;
    public final ClusterService clusters;
    public final RecognitionService recognition;

    private PeopleSession(FacetLibrary library) {
        this.library = library;
        this.catalog = library.catalog();
        PeopleServices services = library.people();
        people = services.people();
        clusters = services.clusters();
        recognition = services.recognition();
    }

    /** @throws UserError when there is no library at the location */
    public static PeopleSession open(LibraryOption library) {
        return new PeopleSession(library.existing());
    }

    /** The people services of a library a command has already opened. */
    public static PeopleSession of(FacetLibrary library) {
        return new PeopleSession(library);
    }

    /** The crop editor's core over this library (its analyzer loads the face models only when a box is analysed). */
    public FaceEditService editor() {
        return new FaceEditService(catalog, library.analyzer());
    }

    /**
     * Runs a people or face edit; its refusal (unknown id, refused name, a box that cannot be analysed...) becomes the
     * one-sentence user error. Core changes nothing when it refuses.
     */
    public static <T> T userErrors(Supplier<T> action) {
        try {
            return action.get();
        } catch (PeopleException | FaceEditException e) {
            throw new UserError(e.getMessage());
        }
    }

    /** A person by name (case-insensitive) or, failing that, by id. @throws UserError when there is no such person */
    public Person person(String nameOrId) {
        return find(nameOrId).orElseThrow(() -> new UserError(
                "No person is named or numbered \"" + nameOrId + "\" (see `facet people list`)."));
    }

    /** A person by name (case-insensitive) or, failing that, by id; empty when there is none. */
    public Optional<Person> find(String nameOrId) {
        Optional<Person> byName = userErrors(() -> people.findByName(nameOrId));
        if (byName.isPresent() || !isId(nameOrId)) {
            return byName;
        }
        return userErrors(() -> people.person(Long.parseLong(nameOrId.strip())));
    }

    /** @return true when the argument can only be an id (digits), never a new person's name on the command line */
    public static boolean isId(String argument) {
        return argument.strip().matches("\\d{1,18}");
    }

    /** @throws UserError when there is no face with this id */
    public Face face(long faceId) {
        return faces(List.of(faceId)).get(0);
    }

    /** @return the faces, in the order given @throws UserError naming the first id that is no face */
    public List<Face> faces(List<Long> faceIds) {
        List<Face> found = userErrors(() -> people.faces(faceIds));
        List<Long> ids = found.stream().map(Face::id).toList();
        faceIds.stream().filter(id -> !ids.contains(id)).findFirst().ifPresent(id -> {
            throw new UserError("There is no face with id " + id + " (see `facet faces`).");
        });
        return found;
    }
}
