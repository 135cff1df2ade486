package app.facet.core.people.cluster;

import com.github.jelmerk.hnswlib.core.Item;

/**
 * One embedding in the nearest-neighbour index.
 *
 * @param id     position of the face in the clustering input
 * @param vector float[dimension], L2-normalised
 */
record EmbeddingItem(Integer id, float[] vector) implements Item<Integer, float[]> {
    @Override
    public int dimensions() {
        return vector.length;
    }
}
