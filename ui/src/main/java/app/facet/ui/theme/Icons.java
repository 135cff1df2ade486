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

    /** @param px one of the sizes facet.css defines: 12, 16, 20, 22, 40, 64 */
    public static FontIcon sized(Ikon ikon, int px) {
        FontIcon icon = new FontIcon(ikon);
        // a style class of facet.css, because the theme's stylesheet sets every icon's size and wins over setIconSize
        // (and FontIcon keeps its font in its inline style, which must not be replaced)
        icon.getStyleClass().addAll("facet-icon", "icon-" + px);
        return icon;
    }
}
