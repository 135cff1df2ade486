package app.facet.ui.dashboard;

import app.facet.core.browse.PersonFilter;
import app.facet.core.dashboard.FaceListing;
import app.facet.core.dashboard.FacePage;
import app.facet.core.dashboard.FaceQuery;
import app.facet.core.dashboard.FaceSort;
import app.facet.core.dashboard.QualityFilter;
import app.facet.core.dashboard.StatusFilter;
import app.facet.model.Person;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import java.nio.file.Path;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The faces of the library, one page at a time, with their crop thumbnails: filtered by quality, person and status,
 * sorted by a click on a column header (core sorts the whole listing, not just the page). An invalid row says
 * "⚠ Invalid" with its reason, and its Review button is disabled.
 */
final class FaceTable extends VBox {
    static final int PAGE_SIZE = 200;

    /** A person filter choice as the combo box shows it. */
    record PersonChoice(String label, PersonFilter filter) {
        @Override
        public String toString() {
            return label;
        }
    }

    private static final PersonChoice ANYONE = new PersonChoice("Anyone", PersonFilter.any());
    private static final PersonChoice UNKNOWN = new PersonChoice("Unknown (no person)", PersonFilter.unknown());

    private final TableView<FaceListing> table = new TableView<>();
    private final ComboBox<QualityFilter> quality = new ComboBox<>(FXCollections.observableArrayList(QualityFilter.values()));
    private final ComboBox<PersonChoice> person = new ComboBox<>(FXCollections.observableArrayList(ANYONE, UNKNOWN));
    private final ComboBox<StatusFilter> status = new ComboBox<>(FXCollections.observableArrayList(StatusFilter.values()));
    private final Label pageLabel = new Label();
    private final Button previous = new Button("‹ Previous");
    private final Button next = new Button("Next ›");
    // invalid rows first (flagged, never buried on a late page), then the weakest faces
    private final ObjectProperty<FaceQuery> query = new SimpleObjectProperty<>(
            FaceQuery.worstFirst(PAGE_SIZE).sortedBy(FaceSort.STATUS, false));
    private final ReadOnlyObjectWrapper<FacePage> page = new ReadOnlyObjectWrapper<>();
    private final Map<TableColumn<FaceListing, ?>, FaceSort> sorts = new HashMap<>();
    private final CropThumbnails thumbnails = new CropThumbnails();

    /** @param onReview opens a row in the crop editor (only ever called for a reviewable row) */
    FaceTable(Consumer<FaceListing> onReview) {
        getStyleClass().add("face-table");
        quality.setId("filterQuality");
        quality.setValue(QualityFilter.ANY);
        quality.setConverter(converter(QualityFilter::display));
        person.setId("filterPerson");
        person.setValue(ANYONE);
        status.setId("filterStatus");
        status.setValue(StatusFilter.ALL);
        status.setConverter(converter(StatusFilter::display));
        quality.valueProperty().addListener((o, a, q) -> setQuery(query.get().withQuality(q == null ? QualityFilter.ANY : q)));
        person.valueProperty().addListener((o, a, p) -> setQuery(query.get().withPerson(p == null ? PersonFilter.any() : p.filter())));
        status.valueProperty().addListener((o, a, s) -> setQuery(query.get().withStatus(s == null ? StatusFilter.ALL : s)));
        previous.setId("pagePrevious");
        next.setId("pageNext");
        previous.setOnAction(e -> setQuery(query.get().atOffset(query.get().offset() - PAGE_SIZE)));
        next.setOnAction(e -> setQuery(query.get().atOffset(query.get().offset() + PAGE_SIZE)));
        previous.disableProperty().bind(Bindings.createBooleanBinding(() -> query.get().offset() == 0, query));
        next.disableProperty().bind(Bindings.createBooleanBinding(
                () -> page.get() == null || query.get().offset() + PAGE_SIZE >= page.get().total(), query, page));
        pageLabel.setId("pageLabel");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox filters = new HBox(8, new Label("Quality:"), quality, new Label("Person:"), person, new Label("Status:"), status,
                grow, pageLabel, previous, next);
        filters.setAlignment(Pos.CENTER_LEFT);
        filters.getStyleClass().add("face-table-filters");

        table.setId("faceTable");
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setPlaceholder(new Label("No face matches these filters."));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setFixedCellSize(CropThumbnails.SIZE + 8);
        TableColumn<FaceListing, FaceListing> face = column("Face", FaceSort.FACE_ID, 64);
        face.setCellFactory(c -> new ThumbnailCell(thumbnails));
        TableColumn<FaceListing, FaceListing> score = column("Quality", FaceSort.QUALITY, 80);
        score.setCellFactory(c -> textCell(r -> r.quality() == null ? "—" : String.format(Locale.ROOT, "%.2f", r.quality().overall()), null));
        TableColumn<FaceListing, FaceListing> label = column("Label", FaceSort.QUALITY, 90);
        label.setCellFactory(c -> textCell(r -> r.quality() == null ? "Not measured" : r.quality().label().display(), null));
        TableColumn<FaceListing, FaceListing> who = column("Person", FaceSort.PERSON, 120);
        who.setCellFactory(c -> textCell(r -> r.personName() != null ? r.personName()
                : r.suggestedName() != null ? r.suggestedName() + "?" : "", null));
        TableColumn<FaceListing, FaceListing> state = column("Status", FaceSort.STATUS, 120);
        state.setCellFactory(c -> new StatusCell());
        TableColumn<FaceListing, FaceListing> size = column("Size", FaceSort.FACE_SIZE, 70);
        size.setCellFactory(c -> textCell(r -> r.quality() != null && !Double.isNaN(r.quality().faceSizePx())
                ? String.format(Locale.ROOT, "%.0f px", r.quality().faceSizePx()) : r.box() != null
                ? String.format(Locale.ROOT, "%.0f px", Math.min(r.w(), r.h())) : "—", null));
        TableColumn<FaceListing, FaceListing> sharp = column("Sharpness", FaceSort.SHARPNESS, 100);
        sharp.setCellFactory(c -> textCell(r -> r.quality() == null || Double.isNaN(r.quality().sharpness()) ? "—"
                : String.format(Locale.ROOT, "%.0f", r.quality().sharpness()), null));
        TableColumn<FaceListing, FaceListing> detection = column("Detection", FaceSort.DETECTION_SCORE, 90);
        detection.setCellFactory(c -> textCell(r -> String.format(Locale.ROOT, "%.2f", r.detectionScore()), null));
        TableColumn<FaceListing, FaceListing> photo = column("Photo", FaceSort.PHOTO, 140);
        photo.setCellFactory(c -> textCell(r -> r.photoPath() == null ? "(no photo)" : fileName(r.photoPath()), FaceListing::photoPath));
        TableColumn<FaceListing, FaceListing> reason = column("Reason", null, 250);
        reason.setCellFactory(c -> {
            TableCell<FaceListing, FaceListing> cell = textCell(r -> r.invalidReason() == null ? "" : r.invalidReason(), FaceListing::invalidReason);
            cell.setWrapText(true); // the reason is a sentence or two: let it use the row's height
            cell.getStyleClass().add("reason-cell");
            return cell;
        });
        TableColumn<FaceListing, FaceListing> review = column("", null, 80);
        review.setCellFactory(c -> new ReviewCell(onReview));
        table.getColumns().setAll(List.of(face, score, label, who, state, size, sharp, detection, photo, review, reason));
        state.setSortType(TableColumn.SortType.ASCENDING);
        table.getSortOrder().setAll(List.of(state));
        table.setSortPolicy(t -> {
            TableColumn<FaceListing, ?> first = t.getSortOrder().isEmpty() ? null : t.getSortOrder().get(0);
            FaceSort s = first == null ? FaceSort.FACE_ID : sorts.getOrDefault(first, FaceSort.FACE_ID);
            boolean desc = first != null && first.getSortType() == TableColumn.SortType.DESCENDING;
            setQuery(query.get().sortedBy(s, desc));
            return true;
        });
        VBox.setVgrow(table, Priority.ALWAYS);
        setSpacing(6);
        getChildren().addAll(filters, table);
    }

    TableView<FaceListing> table() {
        return table;
    }

    /** The page to show; changes whenever the user filters, sorts or pages. */
    ObjectProperty<FaceQuery> queryProperty() {
        return query;
    }

    void setPeople(List<Person> people) {
        PersonChoice chosen = person.getValue();
        List<PersonChoice> choices = new ArrayList<>(List.of(ANYONE, UNKNOWN));
        for (Person p : people) {
            choices.add(new PersonChoice(p.name(), PersonFilter.only(p.id())));
        }
        person.getItems().setAll(choices);
        person.setValue(choices.stream().filter(c -> chosen != null && c.filter().equals(chosen.filter())).findFirst().orElse(ANYONE));
    }

    void setStatusFilter(StatusFilter s) {
        status.setValue(s);
    }

    void show(FacePage p) {
        List<Long> selected = table.getSelectionModel().getSelectedItems().stream().map(FaceListing::faceId).toList();
        page.set(p);
        table.getItems().setAll(p.rows());
        for (int i = 0; i < p.rows().size(); i++) {
            if (selected.contains(p.rows().get(i).faceId())) {
                table.getSelectionModel().select(i);
            }
        }
        NumberFormat n = NumberFormat.getIntegerInstance();
        pageLabel.setText(p.total() == 0 ? "0 faces" : n.format(p.offset() + 1) + "–" + n.format(p.offset() + p.rows().size())
                + " of " + n.format(p.total()) + (p.total() == 1 ? " face" : " faces"));
    }

    private void setQuery(FaceQuery q) {
        if (!q.equals(query.get())) {
            query.set(q);
        }
    }

    private TableColumn<FaceListing, FaceListing> column(String title, FaceSort sort, double width) {
        TableColumn<FaceListing, FaceListing> c = new TableColumn<>(title);
        c.setCellValueFactory(v -> new ReadOnlyObjectWrapper<>(v.getValue()));
        c.setPrefWidth(width);
        c.setMinWidth(Math.min(width, 100)); // short numeric columns keep their header readable
        c.setSortable(sort != null);
        if (sort != null) {
            sorts.put(c, sort);
        }
        return c;
    }

    private static String fileName(String path) {
        try {
            Path f = Path.of(path).getFileName();
            return f == null ? path : f.toString();
        } catch (RuntimeException e) {
            return path;
        }
    }

    private static <T> StringConverter<T> converter(Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : text.apply(t);
            }

            @Override
            public T fromString(String s) {
                throw new UnsupportedOperationException();
            }
        };
    }

    private static TableCell<FaceListing, FaceListing> textCell(Function<FaceListing, String> text, Function<FaceListing, String> tip) {
        return new TableCell<>() {
            @Override
            protected void updateItem(FaceListing r, boolean empty) {
                super.updateItem(r, empty);
                setText(empty || r == null ? null : text.apply(r));
                String t = empty || r == null || tip == null ? null : tip.apply(r);
                setTooltip(t == null || t.isEmpty() ? null : new Tooltip(t));
            }
        };
    }

    /** The crop image, or a mark when the row has no readable crop. */
    private static final class ThumbnailCell extends TableCell<FaceListing, FaceListing> {
        private final CropThumbnails thumbnails;
        private final ImageView view = new ImageView();

        ThumbnailCell(CropThumbnails thumbnails) {
            this.thumbnails = thumbnails;
            view.setFitWidth(CropThumbnails.SIZE);
            view.setFitHeight(CropThumbnails.SIZE);
            view.setPreserveRatio(true);
            getStyleClass().add("thumbnail-cell");
        }

        @Override
        protected void updateItem(FaceListing r, boolean empty) {
            super.updateItem(r, empty);
            if (empty || r == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            var image = thumbnails.of(r);
            if (image == null) {
                setGraphic(null);
                setText("no crop");
            } else {
                view.setImage(image);
                setGraphic(view);
                setText(null);
            }
        }
    }

    /** "⚠ Invalid" (with the reason as tooltip) or where the face stands with people. */
    private static final class StatusCell extends TableCell<FaceListing, FaceListing> {
        StatusCell() {
            getStyleClass().add("status-cell");
        }

        @Override
        protected void updateItem(FaceListing r, boolean empty) {
            super.updateItem(r, empty);
            boolean invalid = !empty && r != null && r.invalid();
            pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("invalid"), invalid);
            setText(empty || r == null ? null : r.statusText());
            setTooltip(invalid ? new Tooltip(r.invalidReason()) : null);
        }
    }

    /** Opens the row in the crop editor; disabled (by binding) for a row that cannot be reviewed, e.g. an invalid one. */
    private static final class ReviewCell extends TableCell<FaceListing, FaceListing> {
        private final Button button = new Button("Review");

        ReviewCell(Consumer<FaceListing> onReview) {
            button.getStyleClass().addAll("review-button", "small");
            button.disableProperty().bind(Bindings.createBooleanBinding(() -> getItem() == null || !getItem().reviewable(), itemProperty()));
            button.setOnAction(e -> {
                if (getItem() != null && getItem().reviewable()) {
                    onReview.accept(getItem());
                }
            });
        }

        @Override
        protected void updateItem(FaceListing r, boolean empty) {
            super.updateItem(r, empty);
            setGraphic(empty || r == null ? null : button);
            setText(null);
        }
    }
}
