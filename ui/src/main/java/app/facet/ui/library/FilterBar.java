package app.facet.ui.library;

import app.facet.core.browse.PhotoFilter;
import app.facet.ui.theme.Icons;
import javafx.beans.property.ObjectProperty;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Above the grid: folder and date filters, what is shown ("24 photos · Anna"), and the selection count. */
final class FilterBar extends HBox {
    /** Stands for "every folder" in the folder box (a ComboBox cannot show a null item with a text). */
    private static final Path ALL_FOLDERS = Path.of("");

    private final ObjectProperty<PhotoFilter> filter;
    private final ComboBox<Path> folder = new ComboBox<>();
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final Label summary = new Label();
    private final Label selected = new Label();
    private boolean updating;

    private final LibraryGridModel model;

    FilterBar(LibraryGridModel model) {
        this.model = model;
        this.filter = model.filterProperty();
        getStyleClass().add("filter-bar");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(8);

        folder.setId("folderFilter");
        folder.setPromptText("All folders");
        folder.setPrefWidth(260);
        folder.setCellFactory(v -> new FolderCell());
        folder.setButtonCell(new FolderCell());
        folder.setItems(FXCollections.observableArrayList(ALL_FOLDERS));
        folder.setTooltip(new Tooltip("Show only the photos under this folder"));
        folder.valueProperty().addListener((o, a, b) -> apply());

        from.setId("fromDate");
        to.setId("toDate");
        from.setPromptText("From");
        to.setPromptText("To");
        from.setPrefWidth(130);
        to.setPrefWidth(130);
        // moving one end past the other drags the other end along, rather than refusing the date
        from.valueProperty().addListener((o, a, b) -> {
            if (b != null && to.getValue() != null && to.getValue().isBefore(b)) {
                to.setValue(b);
            } else {
                apply();
            }
        });
        to.valueProperty().addListener((o, a, b) -> {
            if (b != null && from.getValue() != null && from.getValue().isAfter(b)) {
                from.setValue(b);
            } else {
                apply();
            }
        });

        Button clear = new Button(null, Icons.small(MaterialDesignF.FILTER_REMOVE_OUTLINE));
        clear.setId("clearFilters");
        clear.setTooltip(new Tooltip("Show all photos (clear folder, date and person filters)"));
        clear.setOnAction(e -> model.clearFilters());
        clear.disableProperty().bind(filter.isEqualTo(PhotoFilter.ALL));

        summary.setId("photoCount");
        summary.getStyleClass().add("filter-summary");
        selected.setId("selectedCount");
        selected.getStyleClass().add("filter-selected");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        getChildren().addAll(Icons.small(MaterialDesignF.FOLDER_OUTLINE), folder, new Label("Date"), from, new Label("–"), to,
                clear, grow, selected, summary);
        filter.addListener((o, a, b) -> showFilter(b));
    }

    void setFolders(List<Path> folders) {
        updating = true;
        try {
            Path current = folder.getValue();
            folder.getItems().setAll(ALL_FOLDERS);
            folder.getItems().addAll(folders);
            folder.setValue(current != null && (current == ALL_FOLDERS || folders.contains(current)) ? current : ALL_FOLDERS);
        } finally {
            updating = false;
        }
    }

    /** @param text what is shown, e.g. "24 photos · Anna" ({@link LibraryGridModel#summary}) */
    void setSummary(String text) {
        summary.setText(text);
    }

    void setSelected(int count) {
        selected.setText(count <= 1 ? "" : count + " selected");
    }

    private void apply() {
        if (updating) {
            return;
        }
        LocalDate a = from.getValue(), b = to.getValue();
        Path f = Optional.ofNullable(folder.getValue()).filter(p -> p != ALL_FOLDERS).orElse(null);
        model.showFolderAndDates(f, a, b);
    }

    private void showFilter(PhotoFilter f) {
        updating = true;
        try {
            folder.setValue(f.folder() == null ? ALL_FOLDERS : f.folder());
            from.setValue(f.from());
            to.setValue(f.to());
        } finally {
            updating = false;
        }
    }

    private static final class FolderCell extends ListCell<Path> {
        @Override
        protected void updateItem(Path item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : item == ALL_FOLDERS ? "All folders" : item.toString());
        }
    }
}
