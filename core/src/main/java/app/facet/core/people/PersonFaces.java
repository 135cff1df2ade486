package app.facet.core.people;

import app.facet.core.catalog.PersonFaceRow;
import app.facet.model.Face;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A person's face gallery: every face of the person with its cosine similarity to the person's mean embedding, in
 * one of three orders. The least alike faces come first in {@link Order#SIMILARITY}, because a wrongly assigned face
 * is the one that differs most from the others.
 * <p>
 * The mean embedding is the L2-normalised sum of the L2-normalised embeddings of the person's faces of the most used
 * embedding model (embeddings of different models are not comparable). A face without an embedding of that model
 * has no similarity and comes last in {@link Order#SIMILARITY}.
 */
public final class PersonFaces {
    /** How a gallery is sorted. */
    public enum Order {
        /** Least alike first (cosine similarity to the mean, ascending); faces without a similarity last. */
        SIMILARITY,
        /** Newest photo first (EXIF capture time, else the file's modification time). */
        DATE,
        /** Best quality first (overall quality, then size, then detection score; unmeasured last). */
        QUALITY
    }

    /**
     * One face in a gallery.
     *
     * @param face       the face
     * @param similarity cosine similarity in [-1, 1] to the person's mean embedding; null without a comparable embedding
     * @param date       the photo's date: EXIF capture time as stored (ISO-8601, local time), else the file's
     *                   modification time as an ISO-8601 instant
     * @param qualityRank position in the best-quality-first order (0 = best)
     */
    public record PersonFace(Face face, Double similarity, String date, int qualityRank) {
    }

    private PersonFaces() {
    }

    /** @param bestQualityFirst the rows as {@code PersonFaceStore.facesOf} returns them; @return in {@code order} */
    static List<PersonFace> of(List<PersonFaceRow> bestQualityFirst, Order order) {
        float[] mean = meanEmbedding(bestQualityFirst);
        String model = mostUsedModel(bestQualityFirst);
        List<PersonFace> faces = new java.util.ArrayList<>();
        for (int i = 0; i < bestQualityFirst.size(); i++) {
            PersonFaceRow row = bestQualityFirst.get(i);
            Double similarity = mean == null || row.embedding() == null || !model.equals(row.face().embeddingModelId())
                    ? null : cosine(row.embedding(), mean);
            String date = row.takenAt() != null ? row.takenAt() : Instant.ofEpochMilli(row.photoMtimeMs()).toString();
            faces.add(new PersonFace(row.face(), similarity, date, i));
        }
        return sorted(faces, order);
    }

    /** @return the faces in {@code order}; ties by face id */
    public static List<PersonFace> sorted(List<PersonFace> faces, Order order) {
        Comparator<PersonFace> byId = Comparator.comparingLong(f -> f.face().id());
        Comparator<PersonFace> c = switch (order) {
            case SIMILARITY -> Comparator.comparing(PersonFace::similarity, Comparator.nullsLast(Comparator.naturalOrder()));
            case DATE -> Comparator.comparing(PersonFace::date, Comparator.nullsLast(Comparator.reverseOrder()));
            case QUALITY -> Comparator.comparingInt(PersonFace::qualityRank);
        };
        return faces.stream().sorted(c.thenComparing(byId)).toList();
    }

    /** @return cosine similarity of two vectors of the same length; 0 when either is all zeros */
    public static double cosine(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("embeddings of different lengths: " + a.length + " and " + b.length);
        }
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }

    /** @return the L2-normalised mean of the normalised embeddings of the most used model; null without embeddings */
    static float[] meanEmbedding(List<PersonFaceRow> rows) {
        String model = mostUsedModel(rows);
        if (model == null) {
            return null;
        }
        double[] sum = null;
        for (PersonFaceRow row : rows) {
            if (row.embedding() == null || !model.equals(row.face().embeddingModelId())) {
                continue;
            }
            float[] e = row.embedding();
            if (sum == null) {
                sum = new double[e.length];
            } else if (sum.length != e.length) {
                continue; // a damaged row; the integrity check reports it
            }
            double norm = Math.sqrt(dot(e, e));
            for (int i = 0; i < e.length && norm > 0; i++) {
                sum[i] += e[i] / norm;
            }
        }
        double norm = Math.sqrt(java.util.Arrays.stream(sum).map(x -> x * x).sum());
        float[] mean = new float[sum.length];
        for (int i = 0; i < sum.length && norm > 0; i++) {
            mean[i] = (float) (sum[i] / norm);
        }
        return mean;
    }

    private static String mostUsedModel(List<PersonFaceRow> rows) {
        Map<String, Integer> counts = new HashMap<>();
        for (PersonFaceRow row : rows) {
            if (row.embedding() != null && row.face().embeddingModelId() != null) {
                counts.merge(row.face().embeddingModelId(), 1, Integer::sum);
            }
        }
        // most faces wins; a tie goes to the alphabetically first model id, so the choice is stable
        Comparator<Map.Entry<String, Integer>> byCount = Map.Entry.comparingByValue();
        Comparator<Map.Entry<String, Integer>> byIdFirst = Map.Entry.<String, Integer>comparingByKey().reversed();
        return counts.entrySet().stream().max(byCount.thenComparing(byIdFirst)).map(Map.Entry::getKey).orElse(null);
    }

    private static double dot(float[] a, float[] b) {
        double d = 0;
        for (int i = 0; i < a.length; i++) {
            d += (double) a[i] * b[i];
        }
        return d;
    }
}
