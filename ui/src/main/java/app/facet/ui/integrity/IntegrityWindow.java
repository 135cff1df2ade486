package app.facet.ui.integrity;

import app.facet.core.integrity.CheckResult;
import app.facet.core.integrity.IntegrityReport;
import app.facet.core.integrity.Sample;
import app.facet.core.integrity.Severity;
import app.facet.ui.session.LibrarySession;
import app.facet.ui.tasks.TaskRunner;
import app.facet.ui.theme.Icons;
import app.facet.ui.theme.ThemeSwitcher;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;
import org.kordamp.ikonli.materialdesign2.MaterialDesignW;

import java.util.Comparator;
import java.util.Locale;

/**
 * Tools → Verify Database Integrity…: the report of the last check (every check with its count, severity and
 * suggested fix; the sample rows of the selected one), Check Again (full), Repair… (preview, backup, apply) and
 * Export Report….
 */
public final class IntegrityWindow {
    private final IntegrityActions actions;
    private final Stage stage = new Stage();
    private final Label summary = new Label();
    private final TableView<CheckResult> checks = new TableView<>();
    private final ListView<Sample> samples = new ListView<>();
    private IntegrityReport shown;

    public IntegrityWindow(Window owner, LibrarySession session, TaskRunner tasks, IntegrityActions actions) {
        this.actions = actions;
        stage.initOwner(owner);
        stage.setTitle("Facet — Verify Database Integrity");

        Label title = new Label("Catalog integrity");
        title.getStyleClass().add("integrity-title");
        summary.setId("integritySummary");
        summary.setWrapText(true);
        Button again = new Button("Check Again", Icons.small(MaterialDesignD.DATABASE_CHECK_OUTLINE));
        again.setId("integrityCheckAgain");
        Button repair = new Button("Repair…", Icons.small(MaterialDesignW.WRENCH_OUTLINE));
        repair.setId("integrityRepair");
        Button export = new Button("Export Report…", Icons.small(MaterialDesignE.EXPORT));
        export.setId("integrityExport");
        again.disableProperty().bind(tasks.busyBinding());
        repair.disableProperty().bind(tasks.busyBinding());
        export.disableProperty().bind(actions.lastReportProperty().isNull());
        again.setOnAction(e -> check());
        repair.setOnAction(e -> actions.repair(r -> show(r.after())));
        export.setOnAction(e -> {
            if (actions.lastReportProperty().get() != null) {
                actions.exportReport(actions.lastReportProperty().get());
            }
        });
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox header = new HBox(10, title, grow, again, repair, export);
        header.setAlignment(Pos.CENTER_LEFT);
        VBox top = new VBox(6, header, summary);
        top.getStyleClass().add("integrity-header");

        checks.setId("integrityChecks");
        TableColumn<CheckResult, String> name = new TableColumn<>("Check");
        name.setCellValueFactory(c -> new ReadOnlyStringWrapper((c.getValue().isProblem() ? "⚠ " : "✓ ") + c.getValue().title()));
        name.setPrefWidth(320);
        TableColumn<CheckResult, Long> found = new TableColumn<>("Found");
        found.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().count()));
        found.setPrefWidth(70);
        TableColumn<CheckResult, String> severity = new TableColumn<>("Severity");
        // the severity of what was found: nothing found, nothing to rate
        severity.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().count() == 0 ? ""
                : c.getValue().severity().name().toLowerCase(Locale.ROOT)));
        severity.setPrefWidth(90);
        TableColumn<CheckResult, String> fix = new TableColumn<>("Suggested fix");
        fix.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().count() == 0 ? "" : c.getValue().suggestedFix()));
        fix.setPrefWidth(420);
        checks.getColumns().setAll(java.util.List.of(name, found, severity, fix));
        checks.setRowFactory(t -> new javafx.scene.control.TableRow<>() {
            @Override
            protected void updateItem(CheckResult r, boolean empty) {
                super.updateItem(r, empty);
                pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("problem"), r != null && r.isProblem());
            }
        });
        checks.getSelectionModel().selectedItemProperty().addListener((o, a, b) ->
                samples.getItems().setAll(b == null ? java.util.List.of() : b.samples()));
        samples.setId("integritySamples");
        samples.setPlaceholder(new Label("Select a check to see the rows it found."));
        samples.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Sample s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty || s == null ? null : s.subject().toString().toLowerCase(Locale.ROOT)
                        + (s.id() == null ? "" : " " + s.id()) + (s.path() == null ? "" : "  " + s.path()) + ": " + s.detail());
            }
        });
        SplitPane body = new SplitPane(checks, samples);
        body.setOrientation(Orientation.VERTICAL);
        body.setDividerPositions(0.62);

        BorderPane root = new BorderPane(body, top, null, null, null);
        root.getStyleClass().add("integrity-window");
        var screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = ThemeSwitcher.style(new Scene(root, Math.min(960, screen.getWidth()), Math.min(680, screen.getHeight())));
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ESCAPE), stage::close);
        stage.setScene(scene);
        actions.lastReportProperty().addListener((o, a, report) -> {
            if (report != null && stage.isShowing()) {
                show(report);
            }
        });
        session.libraryProperty().addListener((o, a, b) -> stage.close());
    }

    /** Opens the window on the last report and runs a full check. */
    public void open() {
        stage.show();
        stage.toFront();
        if (actions.lastReportProperty().get() != null) {
            show(actions.lastReportProperty().get());
        }
        check();
    }

    /** Opens the window on the last report as it is (the status bar badge). */
    public void showLast() {
        stage.show();
        stage.toFront();
        if (actions.lastReportProperty().get() != null) {
            show(actions.lastReportProperty().get());
        } else {
            check();
        }
    }

    public Stage stage() {
        return stage;
    }

    /** The report shown (tests). */
    public IntegrityReport shown() {
        return shown;
    }

    private void check() {
        summary.setText("Checking every photo, face crop and embedding…");
        actions.fullCheck(this::show);
    }

    private void show(IntegrityReport report) {
        if (report == null) {
            return;
        }
        shown = report;
        long problems = report.problemCount();
        int checksWithProblems = report.problems().size();
        summary.setText(String.format(Locale.ROOT, "%s check (%d checks, %.1f s): %s", report.mode().name().toLowerCase(Locale.ROOT)
                        .replace("quick", "Quick").replace("full", "Full"), report.checks().size(), report.elapsedMillis() / 1000.0,
                problems == 0 ? "no problem found." : problems + (problems == 1 ? " problem" : " problems") + " in "
                        + checksWithProblems + (checksWithProblems == 1 ? " check." : " checks.")));
        checks.getItems().setAll(report.checks().stream()
                .sorted(Comparator.comparing((CheckResult r) -> !r.isProblem())
                        .thenComparing(r -> r.severity() == Severity.INFO))
                .toList());
        if (!checks.getItems().isEmpty()) {
            checks.getSelectionModel().select(0);
        }
    }
}
