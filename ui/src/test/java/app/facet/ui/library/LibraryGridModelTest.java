package app.facet.ui.library;

import app.facet.core.browse.PersonFilter;
import app.facet.core.browse.PhotoFilter;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The library grid's state and actions without a window: filters, and a selection that follows photos across reloads. */
class LibraryGridModelTest {
    private final SimpleObjectProperty<PhotoFilter> filter = new SimpleObjectProperty<>(PhotoFilter.ALL);
    private final LibraryGridModel model = new LibraryGridModel(filter);

    @Test
    void folderDatePersonFiltersCombineAndClearResetsThemAll() {
        List<PhotoFilter> seen = new ArrayList<>();
        filter.addListener((o, a, b) -> seen.add(b));
        Path folder = Path.of("/photos/2024").toAbsolutePath();
        model.showFolder(folder);
        model.showPerson(PersonFilter.only(7));
        model.showDates(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 6, 30));
        assertThat(filter.get()).isEqualTo(new PhotoFilter(folder, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 6, 30), PersonFilter.only(7)));
        model.showFolderAndDates(null, null, null);
        assertThat(filter.get()).isEqualTo(PhotoFilter.ALL.withPerson(PersonFilter.only(7)));
        model.clearFilters();
        assertThat(filter.get()).isEqualTo(PhotoFilter.ALL);
        assertThat(seen).hasSize(5);
    }

    @Test
    void aReloadOfTheSameFilterKeepsTheSelectedPhotosWhereverTheyMovedAndDropsThoseThatLeft() {
        long[] before = {10, 11, 12, 13, 14};
        assertThat(model.shown(PhotoFilter.ALL, before.length, i -> before[i])).isFalse();
        model.select(1);
        model.toggle(4);
        model.toggle(3);
        assertThat(model.selectedIds()).containsExactly(11, 13, 14);

        // another process catalogued two photos that sort first and removed photo 14
        long[] after = {20, 21, 10, 11, 12, 13};
        assertThat(model.shown(PhotoFilter.ALL, after.length, i -> after[i])).as("same filter: keep the scroll position").isTrue();
        assertThat(model.selectedIds()).containsExactly(11, 13);
        assertThat(model.selectedIndices()).containsExactly(3, 5);
        assertThat(model.selectedCountProperty().get()).isEqualTo(2);
        assertThat(model.summary("Anna")).isEqualTo("6 photos · Anna");

        // the anchor (last clicked, photo 13) moved with its photo: Shift+click extends from its new place
        model.extendTo(2);
        assertThat(model.selectedIds()).containsExactly(10, 11, 12, 13);
    }

    @Test
    void anotherFilterStartsWithNothingSelected() {
        long[] all = {1, 2, 3};
        model.shown(PhotoFilter.ALL, all.length, i -> all[i]);
        model.selectAll();
        assertThat(model.selectedIds()).containsExactly(1, 2, 3);
        PhotoFilter unknown = PhotoFilter.ALL.withPerson(PersonFilter.unknown());
        long[] some = {2, 3};
        assertThat(model.shown(unknown, some.length, i -> some[i])).isFalse();
        assertThat(model.selectedIds()).isEmpty();
        assertThat(model.summary(null)).isEqualTo("2 photos");
        model.clear();
        assertThat(model.size()).isZero();
        assertThat(model.summary(null)).isEqualTo("0 photos");
    }
}
