package app.facet.ui.theme;

import javafx.application.Application;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * Applies the current {@link Theme} application-wide (AtlantaFX user-agent stylesheet) plus Facet's own stylesheet,
 * which only uses the theme's looked-up colours so it follows light and dark alike.
 */
public final class ThemeSwitcher {
    /** Facet's stylesheet; add it to every scene the app creates. */
    public static final String APP_STYLESHEET = Objects.requireNonNull(
            ThemeSwitcher.class.getResource("facet.css"), "facet.css missing from the ui jar").toExternalForm();

    private final ObjectProperty<Theme> theme;

    /** @param initial theme to apply now; @param onChange persists a change (e.g. into the user settings) */
    public ThemeSwitcher(Theme initial, Consumer<Theme> onChange) {
        theme = new SimpleObjectProperty<>(initial);
        Application.setUserAgentStylesheet(initial.userAgentStylesheet());
        theme.addListener((obs, old, now) -> {
            Application.setUserAgentStylesheet(now.userAgentStylesheet());
            onChange.accept(now);
        });
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    /** Adds Facet's stylesheet to a scene (main window, viewer, dialogs). */
    public static Scene style(Scene scene) {
        if (!scene.getStylesheets().contains(APP_STYLESHEET)) {
            scene.getStylesheets().add(APP_STYLESHEET);
        }
        return scene;
    }
}
