package app.facet.ui.theme;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;

import java.util.Locale;

/** The app's themes (AtlantaFX Primer), stored in the user settings by {@link #id()}. */
public enum Theme {
    LIGHT("Light", new PrimerLight().getUserAgentStylesheet()),
    DARK("Dark", new PrimerDark().getUserAgentStylesheet());

    private final String label;
    private final String userAgentStylesheet;

    Theme(String label, String userAgentStylesheet) {
        this.label = label;
        this.userAgentStylesheet = userAgentStylesheet;
    }

    public String label() {
        return label;
    }

    String userAgentStylesheet() {
        return userAgentStylesheet;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return the theme stored as {@code id}; LIGHT for null or an unknown id */
    public static Theme fromId(String id) {
        for (Theme t : values()) {
            if (t.id().equals(id)) {
                return t;
            }
        }
        return LIGHT;
    }
}
