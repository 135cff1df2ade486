package app.facet.app.cli.people;

import app.facet.app.cli.UserError;
import app.facet.core.people.UndoableAction;
import app.facet.model.Face;
import app.facet.model.Person;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * {@code facet people rename|hide|delete|split|cover}: the corrections of one person, through the same
 * {@link app.facet.core.people.PeopleService} calls as the desktop window. PERSON is a name (any case) or an id.
 */
public final class PersonEdits {
    private PersonEdits() {
    }

    /** {@code facet people rename PERSON NAME}. */
    @Command(name = "rename", mixinStandardHelpOptions = true,
            description = "Rename a person (a name another person has is refused: merge them instead).")
    public static final class Rename extends PeopleAction {
        @Parameters(index = "0", paramLabel = "PERSON", description = "The person (name or id).")
        String person;
        @Parameters(index = "1..*", paramLabel = "NAME", description = "The new name (several words are joined by spaces).")
        List<String> name;

        @Override
        protected String act(PeopleSession session) {
            Person p = session.person(person);
            return session.people.rename(p.id(), String.join(" ", name)).description() + " (person " + p.id() + ").";
        }
    }

    /** {@code facet people hide PERSON [--show]}. */
    @Command(name = "hide", mixinStandardHelpOptions = true,
            description = "Hide a person from the people lists (faces stay assigned); --show shows them again.")
    public static final class Hide extends PeopleAction {
        @Parameters(index = "0", paramLabel = "PERSON", description = "The person (name or id).")
        String person;
        @Option(names = "--show", description = "Show the person again instead.")
        boolean show;

        @Override
        protected String act(PeopleSession session) {
            Person p = session.person(person);
            return session.people.hidePerson(p.id(), !show).description() + " (person " + p.id() + ").";
        }
    }

    /** {@code facet people delete PERSON}. */
    @Command(name = "delete", mixinStandardHelpOptions = true,
            description = "Delete a person: their faces become unknown faces again (the photos and faces stay).")
    public static final class Delete extends PeopleAction {
        @Parameters(index = "0", paramLabel = "PERSON", description = "The person (name or id).")
        String person;

        @Override
        protected String act(PeopleSession session) {
            Person p = session.person(person);
            UndoableAction done = session.people.deletePerson(p.id());
            return done.description() + (p.faceCount() == 1 ? ": its face is unknown again." : ": its " + p.faceCount() + " faces are unknown again.");
        }
    }

    /** {@code facet people split PERSON --faces ID[,ID...] --to NAME}. */
    @Command(name = "split", mixinStandardHelpOptions = true,
            description = "Move some faces of a person to another person, created when no one has the name.")
    public static final class Split extends PeopleAction {
        @Parameters(index = "0", paramLabel = "PERSON", description = "The person the faces are on now (name or id).")
        String person;
        @Option(names = "--faces", paramLabel = "ID", split = ",", required = true,
                description = "Face ids of PERSON to move (see `facet faces --person PERSON`), separated by commas.")
        List<Long> faces;
        @Option(names = "--to", paramLabel = "NAME", required = true,
                description = "The person they are (an existing name, in any case, adds them to that person).")
        String to;

        @Override
        protected String act(PeopleSession session) {
            Person from = session.person(person);
            for (Face f : session.faces(faces)) {
                if (f.personId() == null || f.personId() != from.id()) {
                    throw new UserError("Face " + f.id() + " is not a face of \"" + from.name() + "\""
                            + (f.personName() == null ? "" : " but of \"" + f.personName() + "\"") + ", so it cannot be split from it.");
                }
            }
            if (session.find(to).filter(p -> p.id() == from.id()).isPresent()) {
                throw new UserError("The faces are already on \"" + from.name() + "\": give another name with --to.");
            }
            UndoableAction done = session.people.split(faces, to);
            Person left = session.people.person(from.id()).orElseThrow();
            return String.format(Locale.ROOT, "%s (person %d); \"%s\" keeps %d faces.", done.description(), done.personId(),
                    left.name(), left.faceCount());
        }
    }

    /** {@code facet people cover PERSON FACE_ID} and {@code facet people cover PERSON --auto}. */
    @Command(name = "cover", mixinStandardHelpOptions = true,
            description = "Choose the face shown for a person, or --auto to go back to the best-quality face.")
    public static final class Cover extends PeopleAction {
        @Parameters(index = "0", paramLabel = "PERSON", description = "The person (name or id).")
        String person;
        @Parameters(index = "1", arity = "0..1", paramLabel = "FACE_ID", description = "One of the person's faces.")
        Long face;
        @Option(names = "--auto", description = "Let Facet choose: the person's best-quality face.")
        boolean auto;

        @Override
        protected String act(PeopleSession session) {
            if ((face == null) == !auto) {
                throw new UserError("Give either a FACE_ID or --auto (see `facet people cover --help`).");
            }
            Person p = session.person(person);
            UndoableAction done = session.people.setCoverFace(p.id(), auto ? null : face);
            OptionalLong cover = session.people.coverFace(p.id());
            return done.description() + (auto && cover.isPresent() ? " (face " + cover.getAsLong() + ")." : ".");
        }
    }
}
