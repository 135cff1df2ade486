package app.facet.ui.people;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.ImagePattern;
import javafx.scene.shape.Circle;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** A round avatar: the person's cover face crop, or their initials while it loads or when there is none. */
final class Avatar extends StackPane {
    private final Circle circle;
    private final Label initials = new Label();
    private final Images images;
    private Path shown;

    Avatar(double radius, Images images) {
        this.images = images;
        circle = new Circle(radius);
        circle.getStyleClass().add("avatar-circle");
        initials.getStyleClass().add("avatar-initials");
        getStyleClass().add("avatar");
        setAlignment(Pos.CENTER);
        getChildren().addAll(circle, initials);
        setMinSize(radius * 2, radius * 2);
        setMaxSize(radius * 2, radius * 2);
    }

    void show(String name, Path crop) {
        initials.setText(initialsOf(name));
        initials.setVisible(true);
        circle.setFill(null);
        if (!circle.getStyleClass().contains("avatar-empty")) {
            circle.getStyleClass().add("avatar-empty"); // the theme colours an empty circle; a photo fill is set in code
        }
        shown = crop;
        if (crop == null) {
            return;
        }
        Image image = images.get(crop, circle.getRadius() * 2);
        Runnable apply = () -> {
            if (shown == crop && !image.isError()) {
                circle.getStyleClass().remove("avatar-empty");
                circle.setFill(new ImagePattern(image));
                initials.setVisible(false);
            }
        };
        if (image.getProgress() >= 1.0) {
            apply.run();
        } else {
            image.progressProperty().addListener((o, a, b) -> {
                if (b.doubleValue() >= 1.0) {
                    apply.run();
                }
            });
        }
    }

    static String initialsOf(String name) {
        StringBuilder sb = new StringBuilder();
        for (String part : name.trim().split("\\s+")) {
            if (!part.isEmpty() && sb.length() < 2) {
                sb.appendCodePoint(Character.toUpperCase(part.codePointAt(0)));
            }
        }
        return sb.toString();
    }

    /** Loaded face crops by path (LRU); crops are small JPEGs, decoded in the background by JavaFX. UI thread only. */
    static final class Images {
        private final Map<Path, Image> cache = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Path, Image> eldest) {
                return size() > 500;
            }
        };

        Image get(Path crop, double size) {
            // ask for twice the size: crisp on HiDPI screens, still tiny
            return cache.computeIfAbsent(crop, p -> new Image(p.toUri().toString(), size * 2, size * 2, true, true, true));
        }

        void forget(Path crop) {
            cache.remove(crop);
        }
    }
}
