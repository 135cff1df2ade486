package app.facet.ui.people;

import app.facet.core.browse.PersonFilter;
import app.facet.core.browse.PersonSummary;
import app.facet.core.people.FaceCluster;
import app.facet.core.people.NameTakenException;
import app.facet.core.people.PeopleService;
import app.facet.core.people.Suggestion;
import app.facet.core.people.UndoableAction;
import app.facet.model.Face;
import app.facet.ui.dialogs.Dialogs;
import app.facet.ui.session.LibraryContext;
import app.facet.ui.session.LibrarySession;
import app.facet.ui.tasks.CoreJob;
import app.facet.ui.tasks.TaskRunner;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextInputDialog;
import javafx.stage.Window;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The user's corrections to people, from the sidebar, the photo viewer and Find People: rename, merge, hide, delete,
 * assign, unassign, "not a face", name a group, confirm or reject a suggestion, and undo. Each asks what it needs (a name, a confirmation), runs through the core
 * {@link PeopleService} as a foreground task, then tells every view the catalog changed. The last action stays
 * undoable (Shortcut+Z or the status bar's Undo) for the session.
 */
public final class PeopleActions {
    private final Window owner;
    private final LibrarySession session;
    private final TaskRunner tasks;
    private final ReadOnlyObjectWrapper<UndoableAction> lastAction = new ReadOnlyObjectWrapper<>();

    public PeopleActions(Window owner, LibrarySession session, TaskRunner tasks) {
        this.owner = owner;
        this.session = session;
        this.tasks = tasks;
        session.libraryProperty().addListener((o, a, b) -> lastAction.set(null)); // undo history is per library session
    }

    /** The action Undo would revert next, null when there is none. */
    public ReadOnlyObjectProperty<UndoableAction> lastActionProperty() {
        return lastAction.getReadOnlyProperty();
    }

    public void rename(PersonSummary person) {
        TextInputDialog dialog = Dialogs.styled(new TextInputDialog(person.person().name()), owner);
        dialog.setHeaderText("Rename " + person.person().name());
        dialog.setContentText("New name:");
        dialog.getEditor().setId("renameField");
        Optional<String> name = dialog.showAndWait().map(String::trim).filter(n -> !n.isEmpty());
        name.filter(n -> !n.equals(person.person().name())).ifPresent(n -> renameTo(person, n));
    }

    /** A name another person has is the normal way to say "these are the same person": ask to merge, log no error. */
    private void renameTo(PersonSummary person, String name) {
        LibraryContext library = session.library();
        if (library == null) {
            return;
        }
        String old = person.person().name();
        long id = person.person().id();
        tasks.run("Renaming " + old, "changes", (p, c) -> Renamed.attempt(library.peopleService(), id, name), renamed -> {
            if (renamed.taken() == null) {
                lastAction.set(renamed.action());
                session.catalogChanged();
            } else if (Dialogs.confirm(owner, renamed.taken().getMessage(), "Merge " + old + " into the existing " + name
                    + "? Every face of " + old + " moves to " + name + ". You can undo this.", "Merge")) {
                long target = renamed.taken().existingPersonId();
                edit("Merging " + old, l -> l.peopleService().merge(target, List.of(id)), () -> followMerge(id, target));
            }
        }, error -> {
            session.catalogChanged(); // nothing changed, but what the user sees may be stale
            Dialogs.error(owner, "Renaming " + old + " failed", TaskRunner.describe(error));
        });
    }

    /** A rename's outcome: the undoable action, or the person who already has the name. */
    private record Renamed(UndoableAction action, NameTakenException taken) {
        static Renamed attempt(PeopleService people, long personId, String name) {
            try {
                return new Renamed(people.rename(personId, name), null);
            } catch (NameTakenException taken) {
                return new Renamed(null, taken);
            }
        }
    }

    /** Asks which person {@code source} merges into, among {@code others}. */
    public void mergeInto(PersonSummary source, List<PersonSummary> others) {
        List<PersonSummary> targets = others.stream().filter(p -> p.person().id() != source.person().id())
                .sorted(Comparator.comparing(p -> p.person().name().toLowerCase())).toList();
        if (targets.isEmpty()) {
            Dialogs.error(owner, "Nobody to merge with", "There is no other person to merge " + source.person().name() + " into.");
            return;
        }
        ChoiceDialog<Choice> dialog = Dialogs.styled(new ChoiceDialog<>(null, targets.stream().map(Choice::new).toList()), owner);
        dialog.setHeaderText("Merge " + source.person().name() + " into…");
        dialog.setContentText("Person:");
        // ChoiceDialog selects the first entry when given no default: a merge target must be the user's choice
        ComboBox<?> choices = (ComboBox<?>) dialog.getDialogPane().lookup(".combo-box");
        choices.getSelectionModel().clearSelection();
        choices.setPromptText("Choose a person");
        dialog.getDialogPane().lookupButton(ButtonType.OK).disableProperty().bind(dialog.selectedItemProperty().isNull());
        dialog.showAndWait().ifPresent(choice -> merge(source, choice.person()));
    }

    /** Merges {@code source} into {@code target} after a confirmation (also the drop of a sidebar drag). */
    public void merge(PersonSummary source, PersonSummary target) {
        if (source.person().id() == target.person().id()) {
            return;
        }
        if (Dialogs.confirm(owner, "Merge " + source.person().name() + " into " + target.person().name() + "?",
                "Every face of " + source.person().name() + " (" + source.person().faceCount() + ") moves to "
                        + target.person().name() + ", and " + source.person().name() + " is removed. You can undo this.", "Merge")) {
            long from = source.person().id(), to = target.person().id();
            edit("Merging " + source.person().name() + " into " + target.person().name(),
                    l -> l.peopleService().merge(to, List.of(from)), () -> followMerge(from, to));
        }
    }

    /** The grid filtered on a person merged away shows the person it was merged into. */
    private void followMerge(long source, long target) {
        if (session.filter().person() instanceof PersonFilter.Only only && only.personId() == source) {
            session.showPerson(PersonFilter.only(target));
        }
    }

    public void setHidden(PersonSummary person, boolean hidden) {
        edit((hidden ? "Hiding " : "Showing ") + person.person().name(), l -> l.peopleService().hidePerson(person.person().id(), hidden), null);
    }

    public void delete(PersonSummary person) {
        if (Dialogs.confirm(owner, "Delete " + person.person().name() + "?",
                "The " + person.person().faceCount() + " faces of " + person.person().name()
                        + " become Unknown; the photos stay in the library. You can undo this.", "Delete")) {
            if (session.filter().person() instanceof PersonFilter.Only only && only.personId() == person.person().id()) {
                session.showPerson(PersonFilter.any());
            }
            edit("Deleting " + person.person().name(), l -> l.peopleService().deletePerson(person.person().id()), null);
        }
    }

    /** Puts a face on the person named {@code name} (created when nobody has that name yet). */
    public void assignFace(Face face, String name) {
        edit("Assigning a face to " + name, l -> l.peopleService().assignFaceToNewPerson(face.id(), name.trim()), null);
    }

    public void unassignFace(Face face) {
        edit("Unassigning a face", l -> l.peopleService().unassignFace(face.id()), null);
    }

    public void notAFace(Face face) {
        edit("Marking not a face", l -> l.peopleService().notAFace(face.id()), null);
    }

    /**
     * Moves the faces to the person named {@code name}: an existing person (any case) gets them in one undoable step,
     * a new name splits them off into a new person.
     *
     * @param people every person of the library, to recognise an existing name
     */
    public void moveFaces(List<Long> faceIds, String name, List<PersonSummary> people) {
        String clean = name.trim();
        Optional<PersonSummary> existing = people.stream().filter(p -> p.person().name().equalsIgnoreCase(clean)).findFirst();
        String what = SidebarCell.plural(faceIds.size(), "face");
        if (existing.isPresent()) {
            long target = existing.get().person().id();
            edit("Moving " + what + " to " + existing.get().person().name(), l -> l.peopleService().moveFaces(faceIds, target), null);
        } else {
            edit("Splitting " + what + " off to " + clean, l -> l.peopleService().split(faceIds, clean), null);
        }
    }

    /** Takes the faces off their person, remembered as "not this person". */
    public void unassignFaces(List<Long> faceIds) {
        edit("Unassigning " + SidebarCell.plural(faceIds.size(), "face"), l -> l.peopleService().unassignFaces(faceIds), null);
    }

    /** Remembers that the faces are not {@code personId} (and takes them off that person). */
    public void notThisPerson(List<Long> faceIds, long personId) {
        edit("Marking " + SidebarCell.plural(faceIds.size(), "face") + " as not this person",
                l -> l.peopleService().notThisPerson(faceIds, personId), null);
    }

    /** Marks the detections as not faces. */
    public void notAFace(List<Long> faceIds) {
        edit("Marking " + SidebarCell.plural(faceIds.size(), "face") + " as not a face", l -> l.peopleService().notAFace(faceIds), null);
    }

    /** Makes the face the person's cover (the avatar in the sidebar). */
    public void setCover(long personId, long faceId) {
        edit("Setting the cover face", l -> l.peopleService().setCoverFace(personId, faceId), null);
    }

    /**
     * Merges several people into one the user picks among them (nothing is preselected); the grid filtered on a
     * merged person follows to the target.
     */
    public void mergeSeveral(List<PersonSummary> selected) {
        if (selected.size() < 2) {
            return;
        }
        new MergeDialog(owner, selected).ask().ifPresent(target -> {
            List<Long> sources = selected.stream().map(p -> p.person().id()).filter(id -> id != target.person().id()).toList();
            long to = target.person().id();
            edit("Merging " + selected.size() + " people into " + target.person().name(), l -> l.peopleService().merge(to, sources),
                    () -> sources.forEach(from -> followMerge(from, to)));
        });
    }

    /** Hides (or shows) several people in one undoable step. */
    public void setHidden(List<PersonSummary> people, boolean hidden) {
        List<Long> ids = people.stream().map(p -> p.person().id()).toList();
        edit((hidden ? "Hiding " : "Showing ") + MergeDialog.people(ids.size()), l -> l.peopleService().hidePeople(ids, hidden), null);
    }

    /** Deletes several people after a confirmation, in one undoable step; their faces become Unknown. */
    public void delete(List<PersonSummary> people) {
        long faces = people.stream().mapToLong(p -> p.person().faceCount()).sum();
        String names = people.stream().map(p -> p.person().name()).collect(java.util.stream.Collectors.joining(", "));
        if (!Dialogs.confirm(owner, "Delete " + people.size() + " people?", names + ": their " + faces
                + " faces become Unknown; the photos stay in the library. You can undo this.", "Delete")) {
            return;
        }
        List<Long> ids = people.stream().map(p -> p.person().id()).toList();
        if (session.filter().person() instanceof PersonFilter.Only only && ids.contains(only.personId())) {
            session.showPerson(PersonFilter.any());
        }
        edit("Deleting " + people.size() + " people", l -> l.peopleService().deletePeople(ids), null);
    }

    /**
     * Faces → Find People: recognises unknown faces against the named people (confident matches are assigned,
     * unsure ones become suggestions), then groups the remaining unknown faces.
     */
    public void findPeople(Consumer<FindPeopleResult> onDone) {
        LibraryContext library = session.library();
        if (library == null) {
            return;
        }
        tasks.run("Finding people", "faces", (p, c) -> {
            p.report(0, 2, "recognising faces of named people");
            var recognition = library.recognition().recognize(false);
            p.report(1, 2, "grouping unknown faces");
            var clustering = library.clusters().cluster();
            p.report(2, 2, null);
            var coverage = library.faceQuality().dashboard().coverage();
            long withoutEmbedding = Math.max(0, coverage.faces() - coverage.withEmbedding());
            return new FindPeopleResult(recognition, clustering, withoutEmbedding,
                    withoutEmbedding == 0 ? null : whyNoEmbedding(library));
        }, result -> {
            // recognition's assignments are undoable like any edit
            lastAction.set(library.peopleService().history().peek().orElse(null));
            session.catalogChanged();
            onDone.accept(result);
        }, error -> Dialogs.error(owner, "Finding people failed", TaskRunner.describe(error)));
    }

    /** Off the UI thread (may load the face models). */
    private static String whyNoEmbedding(LibraryContext library) throws Exception {
        var models = library.models().call();
        if (models.embeddingModel() == null) {
            return "no embedding model is in use" + (models.note() == null ? "" : " (" + models.note() + ")")
                    + "; see Tools → Models…";
        }
        return "they were stored by a scan that computed no embedding for them (an older scan without the "
                + models.embeddingModel() + " model, or a face crop it could not read)";
    }

    /** Names a group of unknown faces (a name that exists adds them to that person). */
    public void nameCluster(FaceCluster cluster, String name) {
        edit("Naming " + cluster.size() + " faces " + name, l -> l.clusters().nameCluster(cluster.clusterId(), name.trim()), null);
    }

    public void confirmSuggestion(Suggestion suggestion) {
        edit("Confirming " + suggestion.personName(), l -> l.recognition().confirmSuggestion(suggestion.faceId()), null);
    }

    public void rejectSuggestion(Suggestion suggestion) {
        edit("Rejecting " + suggestion.personName(), l -> l.recognition().rejectSuggestion(suggestion.faceId()), null);
    }

    /** Reverts the last action of this session. */
    public void undo() {
        LibraryContext library = session.library();
        if (library == null || lastAction.get() == null) {
            return;
        }
        PeopleService service = library.peopleService();
        tasks.run("Undoing " + lastAction.get().description(), "changes", (p, c) -> {
            service.undo();
            return service.history().peek();
        }, previous -> {
            lastAction.set(previous.orElse(null));
            session.catalogChanged();
        }, error -> {
            session.catalogChanged();
            Dialogs.error(owner, "Cannot undo", TaskRunner.describe(error));
        });
    }

    /**
     * Runs one people edit as a foreground task.
     *
     * @param afterwards runs on the UI thread once the change is made, before the views reload; may be null
     */
    private void edit(String title, Function<LibraryContext, UndoableAction> change, Runnable afterwards) {
        LibraryContext library = session.library();
        if (library == null) {
            return;
        }
        CoreJob<UndoableAction> job = (p, c) -> change.apply(library);
        tasks.run(title, "changes", job, action -> {
            lastAction.set(action);
            if (afterwards != null) {
                afterwards.run();
            }
            session.catalogChanged();
        }, error -> {
            session.catalogChanged(); // nothing changed, but what the user sees may be stale
            Dialogs.error(owner, title + " failed", TaskRunner.describe(error));
        });
    }

    /** A person in a choice list, shown by name. */
    private record Choice(PersonSummary person) {
        @Override
        public String toString() {
            return person.person().name() + "  (" + SidebarCell.plural(person.person().photoCount(), "photo") + ")";
        }
    }
}
