package app.facet.ui.library;

import javafx.scene.control.ContentDisplay;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;

import java.util.ArrayList;
import java.util.List;

/** One row of the grid: {@code columns} tiles for grid indices {@code row * columns ..}. */
final class PhotoRowCell extends ListCell<Integer> {
    private final PhotoGrid grid;
    private final HBox box = new HBox();
    private final List<PhotoTile> tiles = new ArrayList<>();

    PhotoRowCell(PhotoGrid grid) {
        this.grid = grid;
        getStyleClass().add("photo-row");
        box.getStyleClass().add("photo-row-box");
        setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
    }

    @Override
    protected void updateItem(Integer row, boolean empty) {
        super.updateItem(row, empty);
        if (empty || row == null) {
            tiles.forEach(PhotoTile::clear);
            setGraphic(null);
            return;
        }
        int columns = grid.columns();
        while (tiles.size() < columns) {
            PhotoTile tile = grid.newTile();
            tiles.add(tile);
        }
        if (box.getChildren().size() != columns) {
            box.getChildren().setAll(tiles.subList(0, columns));
        }
        for (int c = 0; c < columns; c++) {
            PhotoTile tile = tiles.get(c);
            int index = row * columns + c;
            if (index < grid.size()) {
                tile.setVisible(true);
                grid.fill(tile, index);
            } else {
                tile.clear();
                tile.setVisible(false);
            }
        }
        setGraphic(box);
    }

    /** Re-applies the selection look to this row's tiles. */
    void repaintSelection() {
        for (PhotoTile tile : tiles) {
            tile.setSelected(tile.index() >= 0 && grid.isSelected(tile.index()));
        }
    }

    List<PhotoTile> tiles() {
        return tiles;
    }
}
