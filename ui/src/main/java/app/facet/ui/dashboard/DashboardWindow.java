package app.facet.ui.dashboard;

import app.facet.core.browse.PersonSummary;
import app.facet.core.dashboard.Coverage;
import app.facet.core.dashboard.Distributions;
import app.facet.core.dashboard.FaceDashboard;
import app.facet.core.dashboard.FaceListing;
import app.facet.core.dashboard.FacePage;
import app.facet.core.dashboard.FaceQuery;
import app.facet.core.dashboard.PersonFaceCount;
import app.facet.core.editor.RedetectResult;
import app.facet.model.Face;
import app.facet.model.Person;
import app.facet.ui.dialogs.Dialogs;
import app.facet.ui.editor.FaceEditorWindow;
import app.facet.ui.people.PeopleActions;
import app.facet.ui.session.LibraryContext;
import app.facet.ui.session.LibrarySession;
import app.facet.ui.tasks.LatestOnly;
import app.facet.ui.tasks.TaskRunner;
import app.facet.ui.theme.Icons;
import app.facet.ui.theme.ThemeSwitcher;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Faces → Face Quality Dashboard: coverage numbers, charts of the quality score, face size and faces per person, and
 * the table of faces with thumbnails. Actions on the selected faces: review in the crop editor, "not a face", delete,
 * detect the photo's faces again. Opening or refreshing runs the validation pass first, so rows broken since the last
 * scan are flagged; invalid rows are shown with their reason, never hidden.
 */
public final class DashboardWindow {
    private static final String STYLESHEET = Objects.requireNonNull(DashboardWindow.class.getResource("dashboard.css")).toExternalForm();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final LibrarySession session;
    private final TaskRunner tasks;
    private final PeopleActions people;
    private final FaceEditorWindow editor;
    private final Stage stage = new Stage();
    private final CoveragePane coverage = new CoveragePane();
    private final DashboardCharts charts = new DashboardCharts();
    private final FaceTable faces;
    private final Label checked = new Label();
    private final LatestOnly dashboardReads;
    private final LatestOnly pageReads;
    private boolean loaded;

    /** Everything one refresh reads. */
    private record Snapshot(Coverage coverage, Distributions distributions, List<PersonFaceCount> perPerson, List<Person> people,
                            FacePage page, String checkedNote) {
    }

    public DashboardWindow(Window owner, LibrarySession session, TaskRunner tasks, PeopleActions people, FaceEditorWindow editor) {
        this.session = session;
        this.tasks = tasks;
        this.dashboardReads = tasks.latestOnly();
        this.pageReads = tasks.latestOnly();
        this.people = people;
        this.editor = editor;
        this.faces = new FaceTable(this::review);
        stage.initOwner(owner);
        stage.setTitle("Facet — Face Quality Dashboard");

        Label heading = new Label("Face Quality Dashboard");
        heading.getStyleClass().add("dashboard-heading");
        checked.setId("dashboardChecked");
        checked.getStyleClass().add("dashboard-checked");
        Button refresh = new Button("Check and Refresh", Icons.small(MaterialDesignR.REFRESH));
        refresh.setId("dashboardRefresh");
        refresh.setTooltip(new Tooltip("Check every face row against the validation rules again, then reload (F5)"));
        refresh.setOnAction(e -> refresh(true));
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox top = new HBox(10, heading, grow, checked, refresh);
        top.setAlignment(Pos.CENTER_LEFT);
        top.getStyleClass().add("dashboard-toolbar");

        HBox.setHgrow(charts, Priority.ALWAYS);
        HBox overview = new HBox(12, coverage, charts);
        overview.getStyleClass().add("dashboard-overview");

        TableSelection sel = new TableSelection(faces.table().getSelectionModel().getSelectedItems());
        Button reviewButton = action("Review in Editor", "actionReview", Icons.small(MaterialDesignF.FACE_RECOGNITION),
                "Open the selected face's photo in the crop editor");
        reviewButton.disableProperty().bind(sel.reviewable.not());
        reviewButton.setOnAction(e -> faces.table().getSelectionModel().getSelectedItems().stream().findFirst().ifPresent(this::review));
        Button notAFace = action("Not a Face", "actionNotAFace", Icons.small(MaterialDesignI.IMAGE_OFF_OUTLINE),
                "Mark the selected detections as not a face (undo with Shortcut+Z in the main window)");
        notAFace.disableProperty().bind(sel.markable.not());
        notAFace.setOnAction(e -> markNotAFace());
        Button delete = action("Delete…", "actionDelete", Icons.small(MaterialDesignD.DELETE_OUTLINE),
                "Delete the selected face rows and their crops");
        delete.disableProperty().bind(sel.any.not());
        delete.setOnAction(e -> deleteSelected());
        Button redetect = action("Re-detect Photo…", "actionRedetect", Icons.small(MaterialDesignR.RELOAD),
                "Detect the faces of the selected faces' photos again");
        redetect.disableProperty().bind(sel.withPhoto.not());
        redetect.setOnAction(e -> redetectSelected());
        Label selectedCount = new Label();
        selectedCount.textProperty().bind(Bindings.size(faces.table().getSelectionModel().getSelectedItems()).asString("%d selected"));
        HBox actions = new HBox(8, reviewButton, notAFace, delete, redetect, selectedCount);
        actions.setAlignment(Pos.CENTER_LEFT);
        actions.getStyleClass().add("dashboard-actions");

        VBox.setVgrow(faces, Priority.ALWAYS);
        VBox body = new VBox(10, overview, faces, actions);
        body.getStyleClass().add("dashboard-body");
        BorderPane root = new BorderPane(body, top, null, null, null);
        root.getStyleClass().add("face-dashboard");
        var screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = ThemeSwitcher.style(new Scene(root, Math.min(1280, screen.getWidth()), Math.min(900, screen.getHeight())));
        scene.getStylesheets().add(STYLESHEET);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F5), () -> refresh(true));
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN), stage::close);
        stage.setScene(scene);

        faces.queryProperty().addListener((o, a, q) -> loadPage(q));
        session.revisionProperty().addListener((o, a, b) -> {
            if (stage.isShowing()) {
                refresh(false);
            }
        });
        session.libraryProperty().addListener((o, a, b) -> stage.close());
    }

    /** Shows the dashboard (or brings it to front) and refreshes it, validation pass included. */
    public void show() {
        stage.show();
        stage.toFront();
        refresh(true);
    }

    public Stage stage() {
        return stage;
    }

    /** The rows of the page shown (tests). */
    public List<FaceListing> rows() {
        return List.copyOf(faces.table().getItems());
    }

    /** The coverage number shown under a label id such as {@code coverageInvalid} (tests). */
    public String coverageValue(String id) {
        return coverage.value(id);
    }

    /** True once the first refresh has been shown. */
    public boolean isLoaded() {
        return loaded;
    }

    /**
     * Reloads every number and the current page.
     *
     * @param validate run the validation pass over every stored row first (a few seconds on a very large library)
     */
    private void refresh(boolean validate) {
        LibraryContext library = session.library();
        if (library == null) {
            return;
        }
        FaceQuery query = faces.queryProperty().get();
        FaceDashboard d = library.faceQuality().dashboard();
        dashboardReads.background("Reading the face dashboard", (p, c) -> {
            String note = null;
            if (validate) {
                var r = d.revalidate();
                note = "Checked " + r.checked() + " face rows at " + LocalTime.now().format(TIME)
                        + (r.flaggedInvalid() > 0 ? " · " + r.flaggedInvalid() + " newly invalid" : "");
            }
            return new Snapshot(d.coverage(), d.distributions(), d.facesPerPerson(DashboardCharts.TOP_PEOPLE),
                    library.people().people().stream().map(PersonSummary::person).toList(), d.faces(query), note);
        }, s -> {
            coverage.show(s.coverage());
            charts.show(s.distributions(), s.perPerson());
            faces.setPeople(s.people());
            if (faces.queryProperty().get().equals(query)) {
                faces.show(s.page());
            } else {
                loadPage(faces.queryProperty().get());
            }
            if (s.checkedNote() != null) {
                checked.setText(s.checkedNote());
            }
            loaded = true;
        }, error -> checked.setText("Could not read the dashboard: " + TaskRunner.describe(error)));
    }

    private void loadPage(FaceQuery q) {
        LibraryContext library = session.library();
        if (library == null) {
            return;
        }
        pageReads.background("Listing faces", (p, c) -> library.faceQuality().dashboard().faces(q), page -> {
            if (q.equals(faces.queryProperty().get())) {
                faces.show(page);
            }
        }, null);
    }

    // ---- actions ----

    private void review(FaceListing row) {
        if (row.reviewable()) {
            editor.open(row.photoId(), row.faceId());
        }
    }

    private void markNotAFace() {
        for (FaceListing r : List.copyOf(faces.table().getSelectionModel().getSelectedItems())) {
            if (!r.invalid() && r.assignment() != app.facet.core.dashboard.FaceAssignment.NOT_A_FACE) {
                people.notAFace(asFace(r));
            }
        }
    }

    private void deleteSelected() {
        List<FaceListing> rows = List.copyOf(faces.table().getSelectionModel().getSelectedItems());
        LibraryContext library = session.library();
        if (rows.isEmpty() || library == null) {
            return;
        }
        String what = rows.size() == 1 ? "this face" : rows.size() + " faces";
        if (!Dialogs.confirm(stage, "Delete " + what + "?", "The face rows and their crop images are deleted; the photos stay. "
                + "A photo left without any face is recorded as having none and is not searched for faces again.", "Delete")) {
            return;
        }
        List<Long> ids = rows.stream().map(FaceListing::faceId).toList();
        tasks.run("Deleting " + what, "faces", (p, c) -> library.faceQuality().editor().deleteFaces(ids),
                n -> session.catalogChanged(),
                error -> Dialogs.error(stage, "The faces were not deleted", TaskRunner.describe(error)));
    }

    private void redetectSelected() {
        Set<Long> photos = new LinkedHashSet<>();
        faces.table().getSelectionModel().getSelectedItems().stream().filter(r -> r.photoPath() != null).forEach(r -> photos.add(r.photoId()));
        LibraryContext library = session.library();
        if (photos.isEmpty() || library == null) {
            return;
        }
        String what = photos.size() == 1 ? "this photo" : photos.size() + " photos";
        if (!Dialogs.confirm(stage, "Detect the faces of " + what + " again?", "Their faces are replaced by what detection finds now. "
                + "A face found at the same place keeps its person and its \"not a face\" mark; faces you drew by hand that "
                + "detection does not find are removed; a face you deleted stays deleted.", "Re-detect")) {
            return;
        }
        List<Long> ids = List.copyOf(photos);
        tasks.run("Detecting faces again", "photos", (p, c) -> {
            int done = 0, found = 0;
            for (long id : ids) {
                if (c.isCancelled()) {
                    break;
                }
                RedetectResult r = library.faceQuality().redetector().redetect(id);
                found += r.facesAfter();
                p.report(++done, ids.size(), null);
            }
            return found;
        }, found -> {
            checked.setText("Re-detected " + what + ": " + found + (found == 1 ? " face" : " faces") + " found");
            session.catalogChanged();
        }, error -> {
            session.catalogChanged();
            Dialogs.error(stage, "Re-detection failed", TaskRunner.describe(error));
        });
    }

    /** The people actions take a Face; only its id matters to them. */
    private static Face asFace(FaceListing r) {
        return new Face(r.faceId(), r.photoId(), r.imagePath(), r.cropPath(), r.box(), null, r.detectionScore(), r.detector(),
                r.quality(), r.hasEmbedding(), null, r.personId(), r.personName(), r.assignedBy(), null,
                r.assignment() == app.facet.core.dashboard.FaceAssignment.NOT_A_FACE, r.status(), r.invalidReason());
    }

    private static Button action(String text, String id, javafx.scene.Node icon, String tip) {
        Button b = new Button(text, icon);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        return b;
    }

    /** What the selection allows, as bindings over the table's selected rows. */
    private static final class TableSelection {
        final BooleanBinding any;
        final BooleanBinding reviewable;
        final BooleanBinding markable;
        final BooleanBinding withPhoto;

        TableSelection(ObservableList<FaceListing> selected) {
            any = Bindings.isNotEmpty(selected);
            reviewable = Bindings.createBooleanBinding(() -> selected.size() == 1 && selected.get(0) != null && selected.get(0).reviewable(), selected);
            markable = Bindings.createBooleanBinding(() -> !selected.isEmpty() && selected.stream().allMatch(r -> r != null && !r.invalid()
                    && r.assignment() != app.facet.core.dashboard.FaceAssignment.NOT_A_FACE), selected);
            withPhoto = Bindings.createBooleanBinding(() -> !selected.isEmpty() && selected.stream().allMatch(r -> r != null && r.photoPath() != null), selected);
        }
    }
}
