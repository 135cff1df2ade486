package app.facet.ui.findpeople;

import app.facet.core.people.FaceCluster;
import app.facet.core.people.Suggestion;
import app.facet.ui.people.FindPeopleResult;
import app.facet.ui.people.PeopleActions;
import app.facet.ui.session.LibraryContext;
import app.facet.ui.session.LibrarySession;
import app.facet.ui.tasks.LatestOnly;
import app.facet.ui.tasks.TaskRunner;
import app.facet.ui.theme.Icons;
import app.facet.ui.theme.ThemeSwitcher;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Faces → Find People: recognises unknown faces against the named people, groups the rest into clusters, and lets the
 * user name each group (a name that exists adds the faces to that person) and confirm or reject each suggestion
 * (keys Y / N). Every answer is a people edit: undoable, and the sidebar follows.
 */
public final class FindPeopleWindow {
    private final LibrarySession session;
    private final TaskRunner tasks;
    private final PeopleActions actions;
    private final Supplier<List<String>> names;
    private final Stage stage = new Stage();
    private final Label summary = new Label();
    private final Label remaining = new Label();
    private final ListView<FaceCluster> groups = new ListView<>();
    private final ListView<Suggestion> suggestions = new ListView<>();
    private final Tab groupsTab = new Tab();
    private final Tab suggestionsTab = new Tab();
    private final CropImages crops = new CropImages();
    private Map<Long, Path> cropPaths = Map.of();
    private boolean read; // the lists were read at least once: until then there is no count to show
    private final LatestOnly reads;

    /** @param names the people's names, for completion */
    public FindPeopleWindow(Window owner, LibrarySession session, TaskRunner tasks, PeopleActions actions, Supplier<List<String>> names) {
        this.session = session;
        this.tasks = tasks;
        this.reads = tasks.latestOnly();
        this.actions = actions;
        this.names = names;
        stage.initOwner(owner);
        stage.setTitle("Facet — Find People");

        Label title = new Label("Find People");
        title.getStyleClass().add("find-people-title");
        summary.setId("findPeopleSummary");
        summary.getStyleClass().add("find-people-summary");
        summary.setWrapText(true);
        remaining.setId("findPeopleRemaining");
        remaining.getStyleClass().add("find-people-remaining");
        Button again = new Button("Find Again", Icons.small(MaterialDesignA.ACCOUNT_SEARCH_OUTLINE));
        again.setId("findAgain");
        again.disableProperty().bind(tasks.busyBinding());
        again.setOnAction(e -> run());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox header = new HBox(12, title, grow, again);
        header.setAlignment(Pos.CENTER_LEFT);
        VBox top = new VBox(6, header, remaining, summary);
        top.getStyleClass().add("find-people-header");

        groups.setId("clusterList");
        groups.setCellFactory(v -> new ClusterCell(crops, this::cropOf, names, actions::nameCluster));
        groups.setPlaceholder(new Label("No groups of unknown faces. Scan more photos, or name faces in the photo viewer."));
        suggestions.setId("suggestionList");
        suggestions.setCellFactory(v -> new SuggestionCell(crops, this::cropOf, actions::confirmSuggestion, actions::rejectSuggestion));
        suggestions.setPlaceholder(new Label("No suggestions to review."));
        suggestions.setOnKeyPressed(e -> {
            Suggestion s = suggestions.getSelectionModel().getSelectedItem();
            if (s == null) {
                return;
            }
            if (e.getCode() == KeyCode.Y) {
                actions.confirmSuggestion(s);
                e.consume();
            } else if (e.getCode() == KeyCode.N) {
                actions.rejectSuggestion(s);
                e.consume();
            }
        });
        groupsTab.setContent(groups);
        groupsTab.setClosable(false);
        suggestionsTab.setContent(suggestions);
        suggestionsTab.setClosable(false);
        TabPane tabs = new TabPane(groupsTab, suggestionsTab);

        BorderPane root = new BorderPane(tabs, top, null, null, null);
        root.getStyleClass().add("find-people");
        var screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = ThemeSwitcher.style(new Scene(root, Math.min(900, screen.getWidth()), Math.min(700, screen.getHeight())));
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ESCAPE), stage::close);
        stage.setScene(scene);
        session.revisionProperty().addListener((o, a, b) -> {
            if (stage.isShowing()) {
                reload();
            }
        });
        session.libraryProperty().addListener((o, a, b) -> stage.close());
        showCounts();
    }

    /** Shows the window and runs recognition and clustering. */
    public void open() {
        stage.show();
        stage.toFront();
        run();
    }

    public Stage stage() {
        return stage;
    }

    private void run() {
        summary.setText("Comparing faces…");
        actions.findPeople(this::describe);
    }

    private void describe(FindPeopleResult r) {
        summary.setText(FindPeopleText.summary(r));
    }

    private Path cropOf(long faceId) {
        return cropPaths.get(faceId);
    }

    /** Reads the stored groups and suggestions (and their face crops) from the catalog. */
    private void reload() {
        LibraryContext library = session.library();
        if (library == null) {
            return;
        }
        reads.background("Reading groups and suggestions", (p, c) -> FindPeopleModel.read(library), model -> {
            read = true;
            cropPaths = model.crops();
            groups.getItems().setAll(model.groups());
            suggestions.getItems().setAll(model.suggestions());
            showCounts();
        }, null);
    }

    /** The tabs and the header's "left to do" line follow the lists, so naming the last group says so. */
    private void showCounts() {
        int g = groups.getItems().size(), s = suggestions.getItems().size();
        groupsTab.setText("Groups to name (" + g + ")");
        suggestionsTab.setText("Suggestions (" + s + ")");
        if (read) {
            remaining.setText(FindPeopleText.remaining(g, s));
        }
    }
}
