package app.facet.ui.people;

import app.facet.core.browse.PeopleBrowser;
import app.facet.core.browse.PersonFilter;
import app.facet.core.browse.PersonSummary;
import app.facet.core.browse.UnknownFaces;
import app.facet.ui.session.LibraryContext;
import app.facet.ui.session.LibrarySession;
import app.facet.ui.tasks.LatestOnly;
import app.facet.ui.tasks.TaskRunner;
import app.facet.ui.theme.Icons;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The people sidebar: "All photos", "Unknown" and one row per person (round avatar, name, photo count), a search box
 * with "X of Y people", and a toggle for hidden people. Clicking a row filters the grid. Reloads off the UI thread
 * whenever the library or the catalog changes.
 */
public final class PeopleSidebar extends VBox {
    private final LibrarySession session;
    private final TaskRunner tasks;
    private final PersonMenu menu;
    private final PersonDrag drag;
    private final TextField search = new TextField();
    private final Label matchCount = new Label();
    private final CheckBox showHidden = new CheckBox("Show hidden people");
    private final ListView<SidebarEntry> list = new ListView<>();
    private final Avatar.Images avatars = new Avatar.Images();
    private final Map<Long, PersonSummary> byId = new HashMap<>();
    private List<PersonSummary> people = List.of();
    private UnknownFaces unknown = new UnknownFaces(0, 0);
    private long photoCount;
    private final LatestOnly reads;
    private boolean syncing;
    private java.util.function.Consumer<PersonSummary> onOpenFaces = p -> {
    };

    public PeopleSidebar(LibrarySession session, TaskRunner tasks, PeopleActions actions) {
        this.session = session;
        this.tasks = tasks;
        this.reads = tasks.latestOnly();
        this.menu = new PersonMenu(actions, () -> people, this::selectedPeople, p -> onOpenFaces.accept(p));
        this.drag = new PersonDrag(id -> byId.get(id), actions::merge);
        getStyleClass().add("people-sidebar");
        setId("peopleSidebar");

        Label title = new Label("People");
        title.getStyleClass().add("sidebar-title");
        search.setId("peopleSearch");
        search.setPromptText("Search people");
        HBox.setHgrow(search, Priority.ALWAYS);
        HBox searchRow = new HBox(6, Icons.small(MaterialDesignM.MAGNIFY), search);
        searchRow.setAlignment(Pos.CENTER_LEFT);
        matchCount.setId("peopleCount");
        matchCount.getStyleClass().add("sidebar-match-count");
        showHidden.setId("showHidden");

        list.setId("peopleList");
        list.setCellFactory(v -> newCell());
        VBox.setVgrow(list, Priority.ALWAYS);
        // Ctrl/Shift+click selects several people (to merge, hide or delete them); a single selection filters the grid
        list.getSelectionModel().setSelectionMode(javafx.scene.control.SelectionMode.MULTIPLE);
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null && !syncing && list.getSelectionModel().getSelectedIndices().size() == 1) {
                session.showPerson(b.filter());
            }
        });
        session.filterProperty().addListener((o, a, b) -> selectFilter(b.person()));
        list.setOnKeyPressed(e -> {
            List<PersonSummary> several = selectedPeople();
            if (several.size() > 1) {
                if (e.getCode() == javafx.scene.input.KeyCode.DELETE) {
                    actions.delete(several);
                    e.consume();
                }
            } else if (list.getSelectionModel().getSelectedItem() instanceof SidebarEntry.PersonRow row) {
                if (e.getCode() == javafx.scene.input.KeyCode.F2) {
                    menu.rename(row.summary());
                    e.consume();
                } else if (e.getCode() == javafx.scene.input.KeyCode.DELETE) {
                    menu.delete(row.summary());
                    e.consume();
                }
            }
        });
        search.textProperty().addListener((o, a, b) -> rebuild());
        showHidden.selectedProperty().addListener((o, a, b) -> rebuild());
        session.libraryProperty().addListener((o, a, b) -> reload());
        session.revisionProperty().addListener((o, a, b) -> reload());

        getChildren().addAll(title, searchRow, matchCount, list, showHidden);
        rebuild();
    }

    /** The search box (Ctrl+F focuses it). */
    public TextField searchField() {
        return search;
    }

    /** @return the name of a person, or null when unknown to the sidebar */
    public String nameOf(long personId) {
        PersonSummary p = byId.get(personId);
        return p == null ? null : p.person().name();
    }

    /** Called with a person when the user opens their face gallery (double-click, or "Show Faces" in the menu). */
    public void setOnOpenFaces(java.util.function.Consumer<PersonSummary> handler) {
        onOpenFaces = handler;
    }

    /** The people selected in the list, in list order ("All photos" and "Unknown" left out). */
    public List<PersonSummary> selectedPeople() {
        return list.getSelectionModel().getSelectedItems().stream().filter(e -> e instanceof SidebarEntry.PersonRow)
                .map(e -> ((SidebarEntry.PersonRow) e).summary()).toList();
    }

    /** Every person of the library, hidden ones included, as last read. */
    public List<PersonSummary> people() {
        return people;
    }

    public ListView<SidebarEntry> listView() {
        return list;
    }

    /** Re-reads people and counts from the catalog. */
    public void reload() {
        LibraryContext library = session.library();
        if (library == null) {
            reads.drop();
            apply(List.of(), new UnknownFaces(0, 0), 0);
            return;
        }
        PeopleBrowser browser = library.people();
        reads.background("Listing people", (progress, cancel) -> new Snapshot(browser.people(), browser.unknown(), library.photos().count()),
                s -> apply(s.people(), s.unknown(), s.photoCount()), null);
    }

    SidebarCell newCell() {
        SidebarCell cell = new SidebarCell(avatars, menu, drag);
        cell.setOnMouseClicked(e -> {
            if (e.getButton() == javafx.scene.input.MouseButton.PRIMARY && e.getClickCount() == 2 && cell.person() != null) {
                onOpenFaces.accept(cell.person());
            }
        });
        return cell;
    }

    Optional<PersonSummary> person(long id) {
        return Optional.ofNullable(byId.get(id));
    }

    private void apply(List<PersonSummary> newPeople, UnknownFaces newUnknown, long newPhotoCount) {
        people = newPeople;
        unknown = newUnknown;
        photoCount = newPhotoCount;
        byId.clear();
        newPeople.forEach(p -> byId.put(p.person().id(), p));
        newPeople.stream().filter(p -> p.coverCrop() != null).forEach(p -> avatars.forget(p.coverCrop()));
        rebuild();
    }

    private void rebuild() {
        String query = search.getText() == null ? "" : search.getText().trim().toLowerCase(Locale.ROOT);
        boolean hidden = showHidden.isSelected();
        List<SidebarEntry> entries = new ArrayList<>();
        entries.add(new SidebarEntry.AllPhotos(photoCount));
        entries.add(new SidebarEntry.Unknown(unknown));
        int shown = 0, total = 0;
        for (PersonSummary p : people) {
            if (p.person().hidden() && !hidden) {
                continue;
            }
            total++;
            if (query.isEmpty() || p.person().name().toLowerCase(Locale.ROOT).contains(query)) {
                entries.add(new SidebarEntry.PersonRow(p));
                shown++;
            }
        }
        matchCount.setText(shown + " of " + total + (total == 1 ? " person" : " people"));
        // a reload (after an edit or a scan) keeps a selection of several people that still exist
        java.util.Set<Long> kept = new java.util.HashSet<>();
        selectedPeople().forEach(p -> kept.add(p.person().id()));
        syncing = true;
        try {
            list.getItems().setAll(entries);
            if (kept.size() > 1) {
                for (int i = 0; i < entries.size(); i++) {
                    if (entries.get(i) instanceof SidebarEntry.PersonRow row && kept.contains(row.summary().person().id())) {
                        list.getSelectionModel().select(i);
                    }
                }
            }
        } finally {
            syncing = false;
        }
        if (list.getSelectionModel().getSelectedIndices().size() < 2) {
            selectFilter(session.filter().person());
        }
    }

    private void selectFilter(PersonFilter filter) {
        SidebarEntry selected = list.getSelectionModel().getSelectedItem();
        if (selected != null && selected.filter().equals(filter)) {
            return; // already shown (and changing the selection from inside its own change event breaks ListView)
        }
        syncing = true;
        try {
            for (int i = 0; i < list.getItems().size(); i++) {
                if (list.getItems().get(i).filter().equals(filter)) {
                    list.getSelectionModel().clearAndSelect(i);
                    return;
                }
            }
            list.getSelectionModel().clearSelection();
        } finally {
            syncing = false;
        }
    }

    private record Snapshot(List<PersonSummary> people, UnknownFaces unknown, long photoCount) {
    }
}
