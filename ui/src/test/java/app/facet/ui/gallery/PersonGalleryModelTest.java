package app.facet.ui.gallery;

import app.facet.core.people.PersonFaces;
import app.facet.model.AssignedBy;
import app.facet.model.Face;
import app.facet.model.FaceStatus;
import app.facet.model.Person;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The gallery's selection rules and state, without a window. */
class PersonGalleryModelTest {
    private static PersonFaces.PersonFace face(long id, Double similarity, String date, int qualityRank) {
        Face f = new Face(id, 1, "/p.jpg", null, null, null, 0.9, "yunet", null, similarity != null, "m", 7L, "Ann",
                AssignedBy.USER, null, false, FaceStatus.VALID, null);
        return new PersonFaces.PersonFace(f, similarity, date, qualityRank);
    }

    private static final List<PersonFaces.PersonFace> FACES = List.of(face(1, 0.9, "2020-01-01", 0), face(2, 0.2, "2021-01-01", 3),
            face(3, 0.5, "2019-01-01", 1), face(4, null, "2022-01-01", 2), face(5, 0.7, "2018-01-01", 4));

    private PersonGalleryModel loaded() {
        PersonGalleryModel m = new PersonGalleryModel();
        m.show(7, "Ann");
        m.loaded(new PersonGalleryModel.Loaded(new Person(7, "Ann", false, null, 5, 5), FACES, 1L));
        return m;
    }

    private static List<Long> ids(PersonGalleryModel m) {
        return m.faces().stream().map(f -> f.face().id()).toList();
    }

    @Test
    void leastAlikeFirstThenTheOtherOrdersKeepTheSelection() {
        PersonGalleryModel m = loaded();
        assertThat(ids(m)).containsExactly(2L, 3L, 5L, 1L, 4L);
        m.click(3, false, false);
        m.click(1, false, true);
        m.orderProperty().set(PersonFaces.Order.DATE);
        assertThat(ids(m)).containsExactly(4L, 2L, 1L, 3L, 5L);
        assertThat(m.selectedIds()).containsExactly(1L, 3L);
        m.orderProperty().set(PersonFaces.Order.QUALITY);
        assertThat(ids(m)).containsExactly(1L, 3L, 4L, 2L, 5L);
        assertThat(m.summaryProperty().get()).isEqualTo("5 faces · 2 selected");
    }

    @Test
    void shiftClickSelectsARangeCtrlClickTogglesAndCtrlASelectsAll() {
        PersonGalleryModel m = loaded(); // 2, 3, 5, 1, 4
        m.click(3, false, false);
        m.click(1, true, false);
        assertThat(m.selectedIds()).containsExactly(3L, 5L, 1L);
        m.click(5, false, true);
        assertThat(m.selectedIds()).containsExactly(3L, 1L);
        assertThat(m.coverCandidate()).isEmpty();
        m.selectAll();
        assertThat(m.selectedIds()).containsExactly(2L, 3L, 5L, 1L, 4L);
        m.clearSelection();
        assertThat(m.selectedIds()).isEmpty();
    }

    @Test
    void arrowsMoveTheFocusAndShiftArrowsExtendFromTheAnchor() {
        PersonGalleryModel m = loaded(); // 2, 3, 5, 1, 4 in rows of 2: [2 3] [5 1] [4]
        m.move(1, false);
        assertThat(m.selectedIds()).containsExactly(2L);
        m.move(2, false);
        assertThat(m.selectedIds()).containsExactly(5L);
        assertThat(m.coverCandidate()).contains(5L);
        m.move(1, true);
        m.move(2, true);
        assertThat(m.selectedIds()).containsExactly(5L, 1L, 4L);
        m.move(-10, false);
        assertThat(m.selectedIds()).containsExactly(2L);
    }

    @Test
    void aReloadDropsFacesThatLeftAndAPersonMergedAwaySaysSo() {
        PersonGalleryModel m = loaded();
        m.selectAll();
        m.loaded(new PersonGalleryModel.Loaded(new Person(7, "Ann", false, null, 3, 3), FACES.subList(0, 3), 3L));
        assertThat(m.selectedIds()).containsExactly(2L, 3L, 1L);
        assertThat(m.coverFaceIdProperty().get()).isEqualTo(3L);
        m.loaded(new PersonGalleryModel.Loaded(null, List.of(), null));
        assertThat(m.faces()).isEmpty();
        assertThat(m.selectedIds()).isEmpty();
        assertThat(m.summaryProperty().get()).contains("no longer in the library");
    }
}
