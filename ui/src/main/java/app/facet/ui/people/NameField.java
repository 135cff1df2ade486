package app.facet.ui.people;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Bounds;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.stage.Popup;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A person's name typed freely, with type-ahead: while the field has focus, the people whose name contains what is
 * typed (names starting with it first) are listed under it. What is typed is never replaced behind the user's back:
 * the list only completes the text when the user picks a name (click, or Up/Down then Enter), or presses Enter while
 * the list is open (the highlighted name, else the first). So "ki" + Enter becomes "Kit Harington" rather than a new
 * person "ki"; Enter again (list closed) is the field's action. Esc closes the list and keeps the typed text, so a new
 * name that happens to be part of an existing one can still be entered. An empty list is never shown. UI thread only.
 */
public final class NameField extends TextField {
    /** At most this many names are listed. */
    static final int MAX_SHOWN = 8;
    private static final double ROW_HEIGHT = 26;

    private final List<String> names = new ArrayList<>();
    private final ObservableList<String> matches = FXCollections.observableArrayList();
    private final ListView<String> list = new ListView<>(matches);
    private final Popup popup = new Popup();

    public NameField() {
        getStyleClass().add("name-field");
        list.setId("nameSuggestions");
        list.getStyleClass().add("name-suggestions");
        list.setFocusTraversable(false);
        list.setFixedCellSize(ROW_HEIGHT);
        list.addEventFilter(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && list.getSelectionModel().getSelectedItem() != null) {
                complete(list.getSelectionModel().getSelectedItem());
                e.consume();
            }
        });
        popup.getContent().add(list);
        popup.setAutoHide(true);
        popup.setConsumeAutoHidingEvents(false); // a click on a button next to the field still presses it
        // while the list shows, the popup sees key presses first: navigation keys are handled here, the rest type on
        popup.addEventFilter(KeyEvent.KEY_PRESSED, this::keyWhileListShown);
        addEventFilter(KeyEvent.KEY_PRESSED, this::keyWhileListShown);
        textProperty().addListener((o, a, typed) -> refresh());
        focusedProperty().addListener((o, a, focused) -> {
            if (!focused) {
                popup.hide();
            }
        });
    }

    /** The names offered (existing people). */
    public void setNames(List<String> people) {
        names.clear();
        names.addAll(people);
        refresh();
    }

    /** The names listed now under the field; empty when the list is closed. */
    public List<String> shownMatches() {
        return popup.isShowing() ? List.copyOf(matches) : List.of();
    }

    /** The typed name, trimmed, spelled like the existing person it names (any case), or "" when empty. */
    public String name() {
        String typed = getText() == null ? "" : getText().strip();
        return names.stream().filter(n -> n.equalsIgnoreCase(typed)).findFirst().orElse(typed);
    }

    private void keyWhileListShown(KeyEvent e) {
        if (!popup.isShowing() || e.isConsumed()) {
            return;
        }
        var selection = list.getSelectionModel();
        switch (e.getCode()) {
            case DOWN -> selection.select(Math.min(matches.size() - 1, selection.getSelectedIndex() + 1));
            case UP -> selection.select(Math.max(0, selection.getSelectedIndex() - 1));
            case ENTER -> complete(selection.getSelectedItem() != null ? selection.getSelectedItem() : matches.get(0));
            case ESCAPE -> popup.hide();
            default -> {
                return;
            }
        }
        list.scrollTo(Math.max(0, selection.getSelectedIndex()));
        e.consume();
    }

    private void complete(String picked) {
        popup.hide();
        setText(picked);
        positionCaret(picked.length());
        requestFocus();
    }

    private void refresh() {
        matches.setAll(matching(getText()));
        boolean alreadyExact = matches.size() == 1 && matches.get(0).equalsIgnoreCase(getText().strip());
        if (matches.isEmpty() || alreadyExact || !isFocused() || getScene() == null || getScene().getWindow() == null) {
            popup.hide();
            return;
        }
        list.getSelectionModel().clearSelection();
        list.setPrefHeight(matches.size() * ROW_HEIGHT + 4);
        list.setPrefWidth(Math.max(getWidth(), 200));
        if (popup.isShowing()) {
            popup.sizeToScene();
        } else {
            Bounds b = localToScreen(getBoundsInLocal());
            popup.getScene().getStylesheets().setAll(getScene().getStylesheets()); // the window's theme
            popup.show(this, b.getMinX(), b.getMaxY() + 2);
        }
    }

    /** Names containing {@code typed} (any case), those starting with it first, at most {@link #MAX_SHOWN}. */
    List<String> matching(String typed) {
        String q = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
        if (q.isEmpty()) {
            return List.of();
        }
        List<String> starts = new ArrayList<>(), contains = new ArrayList<>();
        for (String n : names) {
            String lower = n.toLowerCase(Locale.ROOT);
            if (lower.startsWith(q)) {
                starts.add(n);
            } else if (lower.contains(q)) {
                contains.add(n);
            }
        }
        starts.sort(String.CASE_INSENSITIVE_ORDER);
        contains.sort(String.CASE_INSENSITIVE_ORDER);
        starts.addAll(contains);
        return starts.subList(0, Math.min(MAX_SHOWN, starts.size()));
    }
}
