package app.facet.ui.review;

import app.facet.core.rules.PersonNames;
import app.facet.ui.theme.Icons;
import app.facet.ui.theme.ThemeSwitcher;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
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
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Tools → Decisions Needing Review…: the user's decisions whose face is gone after an edit of its photo, and the face
 * regions from XMP a scan could not take (a name conflicting with a decision made in Facet, a region not imported,
 * bad metadata); with the photo, kind, person and reason of each, and Dismiss / Open Photo.
 */
public final class ReviewWindow {
    private final Stage stage = new Stage();
    private final ReviewViewModel model;
    private final TableView<ReviewEntry> table = new TableView<>();

    /** @param openPhoto shows a photo (the system's viewer) */
    public ReviewWindow(Window owner, ReviewViewModel model, Consumer<Path> openPhoto) {
        this.model = model;
        stage.initOwner(owner);
        stage.setTitle("Facet — Decisions Needing Review");

        Label summary = new Label();
        summary.setId("reviewSummary");
        summary.setWrapText(true);
        summary.textProperty().bind(model.summaryProperty());

        table.setId("reviewTable");
        table.setItems(model.entries());
        table.setPlaceholder(new Label("Nothing needs review."));
        table.getColumns().setAll(List.of(
                column("Photo", 220, e -> Path.of(e.photoPath()).getFileName().toString()),
                column("Kind", 200, ReviewEntry::kind),
                column("Person", 150, e -> e.person() == null ? "" : PersonNames.printable(e.person())),
                column("Reason", 520, e -> e.reason() == null ? "" : PersonNames.printable(e.reason()))));

        Button dismiss = new Button("Dismiss", Icons.small(MaterialDesignC.CHECK));
        dismiss.setId("reviewDismiss");
        Button open = new Button("Open Photo", Icons.small(MaterialDesignI.IMAGE_OUTLINE));
        open.setId("reviewOpenPhoto");
        dismiss.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        open.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        dismiss.setOnAction(e -> model.dismiss(table.getSelectionModel().getSelectedItem()));
        open.setOnAction(e -> openPhoto.accept(Path.of(table.getSelectionModel().getSelectedItem().photoPath())));
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox buttons = new HBox(8, grow, open, dismiss);
        buttons.setAlignment(Pos.CENTER_RIGHT);

        VBox top = new VBox(6, summary);
        top.setPadding(new Insets(10));
        buttons.setPadding(new Insets(10));
        BorderPane root = new BorderPane(table, top, null, buttons, null);
        var screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = ThemeSwitcher.style(new Scene(root, Math.min(1100, screen.getWidth()), Math.min(560, screen.getHeight())));
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ESCAPE), stage::close);
        stage.setScene(scene);
    }

    /** Shows the window with the rows read afresh. */
    public void open() {
        model.reload();
        stage.show();
        stage.toFront();
    }

    public Stage stage() {
        return stage;
    }

    private static TableColumn<ReviewEntry, String> column(String title, double width, java.util.function.Function<ReviewEntry, String> text) {
        TableColumn<ReviewEntry, String> c = new TableColumn<>(title);
        c.setCellValueFactory(v -> new ReadOnlyStringWrapper(text.apply(v.getValue())));
        c.setPrefWidth(width);
        return c;
    }
}
