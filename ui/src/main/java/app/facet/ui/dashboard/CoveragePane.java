package app.facet.ui.dashboard;

import app.facet.core.dashboard.Coverage;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

import java.text.NumberFormat;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** The library's coverage as two columns of numbers: photos by scan state (failures with reasons), faces by standing. */
final class CoveragePane extends VBox {
    private static final NumberFormat COUNT = NumberFormat.getIntegerInstance();

    private final Map<String, Label> values = new HashMap<>();
    private final Label failures = new Label();

    CoveragePane() {
        getStyleClass().add("coverage-pane");
        GridPane grid = new GridPane();
        grid.getStyleClass().add("coverage-grid");
        int row = 0;
        row = heading(grid, "Photos", row);
        row = line(grid, "coveragePhotos", "In library", row);
        row = line(grid, "coverageScanned", "Scanned", row);
        row = line(grid, "coverageWithFaces", "With faces", row);
        row = line(grid, "coverageNoFaces", "No faces", row);
        row = line(grid, "coverageFailed", "Failed", row);
        row = line(grid, "coveragePending", "Not scanned yet", row);
        row = line(grid, "coverageMissing", "File missing", row);
        row = heading(grid, "Faces", row);
        row = line(grid, "coverageFaces", "Total", row);
        row = line(grid, "coverageEmbeddings", "With embedding", row);
        row = line(grid, "coverageUser", "Named by you", row);
        row = line(grid, "coverageAuto", "Recognised", row);
        row = line(grid, "coverageSuggested", "Suggested", row);
        row = line(grid, "coverageUnknown", "Unknown", row);
        row = line(grid, "coverageInvalid", "⚠ Invalid", row);
        line(grid, "coverageNotAFace", "Not a face", row);
        values.get("coverageInvalid").getStyleClass().add("coverage-invalid");
        failures.setId("coverageFailures");
        failures.getStyleClass().add("coverage-failures");
        failures.setWrapText(true);
        failures.setMaxWidth(240);
        getChildren().addAll(grid, failures);
    }

    void show(Coverage c) {
        set("coveragePhotos", c.photos());
        set("coverageScanned", c.scanned());
        set("coverageWithFaces", c.withFaces());
        set("coverageNoFaces", c.noFaces());
        set("coverageFailed", c.failed());
        set("coveragePending", c.pending());
        set("coverageMissing", c.missingPhotos());
        set("coverageFaces", c.faces());
        set("coverageEmbeddings", c.withEmbedding());
        set("coverageUser", c.assignedByUser());
        set("coverageAuto", c.assignedAuto());
        set("coverageSuggested", c.suggested());
        set("coverageUnknown", c.unknown());
        set("coverageInvalid", c.invalid());
        set("coverageNotAFace", c.notAFace());
        values.get("coverageInvalid").pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("some"), c.invalid() > 0);
        if (c.failures().isEmpty()) {
            failures.setText("");
            failures.setTooltip(null);
        } else {
            failures.setText("Failed: " + c.failures().stream().map(f -> f.code() + " × " + f.count()).collect(Collectors.joining(", ")));
            failures.setTooltip(new Tooltip(c.failures().stream().map(f -> f.count() + " × " + f.example()).collect(Collectors.joining("\n"))));
        }
    }

    /** The number shown under {@code id} (tests). */
    String value(String id) {
        return values.get(id).getText();
    }

    private void set(String id, long v) {
        values.get(id).setText(COUNT.format(v));
    }

    private static int heading(GridPane grid, String text, int row) {
        Label l = new Label(text);
        l.getStyleClass().add("coverage-heading");
        grid.add(l, 0, row, 2, 1);
        return row + 1;
    }

    private int line(GridPane grid, String id, String text, int row) {
        Label name = new Label(text);
        name.getStyleClass().add("coverage-name");
        Label value = new Label("–");
        value.setId(id);
        value.getStyleClass().add("coverage-value");
        values.put(id, value);
        grid.add(name, 0, row);
        grid.add(value, 1, row);
        return row + 1;
    }
}
