package app.facet.ui.theme;

import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;

/** Font icons (ikonli Material Design 2) at the app's sizes; colour comes from the theme via CSS. */
public final class Icons {
    private Icons() {
    }

    /** A 16 px icon for menus and buttons. */
    public static FontIcon small(Ikon ikon) {
        return sized(ikon, 16);
    }

    public static FontIcon sized(Ikon ikon, int px) {
        FontIcon icon = new FontIcon(ikon);
        // inline, because the theme's stylesheet sets every icon's size and would win over setIconSize
        icon.setStyle("-fx-icon-size: " + px + "px;");
        icon.getStyleClass().add("facet-icon");
        return icon;
    }
}
