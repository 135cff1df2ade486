package app.facet.core.decisions;

import app.facet.model.BoundingBox;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The matcher's rules on boxes and embeddings whose answer is known by construction. */
class FaceMatcherTest {
    private final FaceMatcher matcher = new FaceMatcher(0.55);

    @Test
    void aQuarterTurnIsFoundFromTheSizesAndTheBoxes() {
        // a 600 x 400 picture turned a quarter clockwise becomes 400 x 600: (x, y) -> (400 - y, x)
        BoundingBox a = new BoundingBox(50, 100, 80, 100), b = new BoundingBox(400, 60, 90, 110);
        List<FaceMatcher.Face> old = List.of(face(a, null), face(b, null));
        List<FaceMatcher.Face> now = List.of(face(new BoundingBox(400 - 60 - 110, 400, 110, 90), null),
                face(new BoundingBox(400 - 100 - 100, 50, 100, 80), null));

        FaceMatcher.Matching m = matcher.match(600, 400, old, 400, 600, now);

        assertThat(m.newOfOld()).containsExactly(1, 0);
        assertThat(m.basis()).containsOnly(FaceMatcher.Basis.OVERLAP);
        assertThat(m.mappings()).hasSize(1);
        assertThat(m.mappings().get(0).orientation()).isEqualTo(Dihedral.ROTATE_90);
        assertThat(m.mappings().get(0).map(a).iou(now.get(1).box())).isGreaterThan(0.99);
    }

    @Test
    void aCropIsMatchedByEmbeddingAndItsShiftIsFitted() {
        float[] e1 = unit(1, 0, 0), e2 = unit(0, 1, 0);
        List<FaceMatcher.Face> old = List.of(face(new BoundingBox(300, 200, 80, 100), e1), face(new BoundingBox(700, 220, 80, 100), e2));
        // cropped at (250, 150): only the first face is left, 2 px off as a detector gives it
        List<FaceMatcher.Face> now = List.of(face(new BoundingBox(52, 49, 80, 100), unit(0.99, 0.1, 0)));

        FaceMatcher.Matching m = matcher.match(1000, 800, old, 500, 400, now);

        assertThat(m.newOfOld()).containsExactly(0, -1);
        assertThat(m.basis()[0]).isEqualTo(FaceMatcher.Basis.EMBEDDING);
        BoundingBox placed = m.mappings().get(0).map(new BoundingBox(400, 300, 50, 50));
        assertThat(placed.x()).isCloseTo(152, org.assertj.core.data.Offset.offset(0.01));
        assertThat(placed.y()).isCloseTo(149, org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void anotherPictureUnderTheSameNameIsNotPairedByOverlapAlone() {
        List<FaceMatcher.Face> old = List.of(face(new BoundingBox(100, 100, 80, 100), unit(1, 0, 0)));
        List<FaceMatcher.Face> now = List.of(face(new BoundingBox(102, 101, 80, 100), unit(0, 1, 0)));

        FaceMatcher.Matching m = matcher.match(640, 480, old, 640, 480, now);

        assertThat(m.newOfOld()).containsExactly(-1);
    }

    @Test
    void pairsAreOneToOneBestFirst() {
        BoundingBox shared = new BoundingBox(100, 100, 100, 100);
        List<FaceMatcher.Face> old = List.of(face(new BoundingBox(130, 100, 100, 100), null), face(shared, null));
        List<FaceMatcher.Face> now = List.of(face(shared, null));

        FaceMatcher.Matching m = matcher.match(640, 480, old, 640, 480, now);

        assertThat(m.newOfOld()).containsExactly(-1, 0);
        assertThat(m.oldOf(0)).isEqualTo(1);
    }

    @Test
    void withoutAnyPairEveryOrientationThatFitsTheSizesStaysPossibleIdentityFirst() {
        FaceMatcher.Matching m = matcher.match(640, 480, List.of(face(new BoundingBox(10, 10, 50, 50), null)), 640, 480, List.of());

        assertThat(m.mappings()).extracting(BoxMapping::orientation).containsExactly(Dihedral.IDENTITY, Dihedral.ROTATE_180,
                Dihedral.FLIP_HORIZONTAL, Dihedral.FLIP_VERTICAL);
    }

    private static FaceMatcher.Face face(BoundingBox box, float[] embedding) {
        return new FaceMatcher.Face(box, embedding, embedding == null ? null : "m");
    }

    private static float[] unit(double... v) {
        double n = Math.sqrt(java.util.Arrays.stream(v).map(x -> x * x).sum());
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) (v[i] / n);
        }
        return out;
    }
}
