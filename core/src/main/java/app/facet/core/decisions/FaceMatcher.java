package app.facet.core.decisions;

import app.facet.model.BoundingBox;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * THE matcher of one photo's faces before and after a change of its pixels (an edit in another program, or a
 * re-detection): which new face is which old face, one to one. Pure computation, no catalog, no pixels.
 * <ol>
 *   <li><b>Geometry.</b> Every orientation change ({@link Dihedral}) whose turned old image has the new image's size
 *       (within {@link #SIZE_SLACK_PX}, a JPEG block: lossless rotation may trim partial edge blocks) or the same
 *       aspect ratio (within {@link #ASPECT_SLACK}: a resize) is tried; old boxes are mapped, paired greedily by
 *       bounding-box IoU (at least {@link #SAME_FACE_IOU}), and the change with the largest total IoU wins (ties: the
 *       order of {@link Dihedral}, identity first).</li>
 *   <li><b>Embeddings.</b> Old and new faces left unpaired (always the case after a crop, whose size fits no
 *       orientation change) are paired greedily by cosine similarity of their embeddings (same model only, at least
 *       the caller's {@code sameFace} similarity).</li>
 *   <li><b>Veto.</b> A geometric pair whose embeddings (same model) are less similar than {@code sameFace} is not the
 *       same face (another picture saved under the same name): it is unpaired.</li>
 * </ol>
 * The mapping of the photo ({@link Matching#mappings()}) is the winning orientation change, or, when only embeddings
 * paired faces, a scale and shift fitted to those pairs (median of the ratios of box widths, then median of the
 * centre shifts): it places faces no detector finds again, such as a hand-drawn box.
 * <p>
 * Why these thresholds: {@link #SAME_FACE_IOU} is the usual "same object" overlap of detection benchmarks, and the
 * same pixels re-detected give IoU near 1; the similarity threshold is the embedding model's own "same person"
 * level (its {@code recogniseAutoSimilarity}), far below the similarity of one face cut twice from the same pixels.
 */
public final class FaceMatcher {
    /** Two boxes at least this similar (intersection over union) show the same face. */
    public static final double SAME_FACE_IOU = 0.5;
    /** Size difference, in pixels, still taken for the same size (one JPEG MCU: jpegtran {@code -trim}). */
    static final double SIZE_SLACK_PX = 16;
    /** Relative aspect-ratio difference still taken for a resize of the same picture. */
    static final double ASPECT_SLACK = 0.01;

    private final double sameFace;

    /** @param sameFaceSimilarity cosine similarity at or above which two embeddings (same model) show the same face */
    public FaceMatcher(double sameFaceSimilarity) {
        this.sameFace = sameFaceSimilarity;
    }

    /** @return the cosine similarity at or above which two embeddings show the same face */
    public double sameFaceSimilarity() {
        return sameFace;
    }

    /**
     * A face to match.
     *
     * @param box       bounding box in its image's pixels after EXIF orientation
     * @param embedding float[dimension], L2-normalised; null when none
     * @param modelId   the embedding's model; null with it
     */
    public record Face(BoundingBox box, float[] embedding, String modelId) {
    }

    /** How a pair was found. */
    public enum Basis { OVERLAP, EMBEDDING }

    /**
     * @param newOfOld for each old face, the index of its new face, or -1
     * @param basis    for each old face, how it was paired (null when it was not)
     * @param score    for each old face, the pair's IoU or cosine similarity (0 when unpaired)
     * @param mappings where old regions lie in the new image, most likely first: the one the pairs tell, or, when no
     *                 face paired, every orientation change that fits the sizes; empty when nothing tells (a crop
     *                 without a pair)
     */
    public record Matching(int[] newOfOld, Basis[] basis, double[] score, List<BoxMapping> mappings) {
        /** @return the old face paired with new face {@code n}, or -1 */
        public int oldOf(int n) {
            for (int o = 0; o < newOfOld.length; o++) {
                if (newOfOld[o] == n) {
                    return o;
                }
            }
            return -1;
        }
    }

    /**
     * @param oldWidth  the old image's width after EXIF orientation, pixels; null when unknown (then the same size as the new)
     * @param newWidth  the new image's width after EXIF orientation, pixels
     */
    public Matching match(Integer oldWidth, Integer oldHeight, List<Face> old, int newWidth, int newHeight, List<Face> now) {
        double ow = oldWidth == null ? newWidth : oldWidth, oh = oldHeight == null ? newHeight : oldHeight;
        int[] pair = new int[old.size()];
        double[] score = new double[old.size()];
        BoxMapping best = null;
        double bestTotal = 0;
        for (BoxMapping m : candidates(ow, oh, newWidth, newHeight)) {
            int[] p = new int[old.size()];
            double[] s = new double[old.size()];
            double total = pairByOverlap(m, old, now, p, s);
            if (best == null || total > bestTotal) {
                best = m;
                bestTotal = total;
                System.arraycopy(p, 0, pair, 0, p.length);
                System.arraycopy(s, 0, score, 0, s.length);
            }
        }
        if (best == null) {
            Arrays.fill(pair, -1);
        }
        Basis[] basis = new Basis[old.size()];
        for (int o = 0; o < old.size(); o++) {
            if (pair[o] >= 0 && dissimilar(old.get(o), now.get(pair[o]))) {
                pair[o] = -1;
                score[o] = 0;
            }
            basis[o] = pair[o] >= 0 ? Basis.OVERLAP : null;
        }
        boolean geometric = Arrays.stream(basis).anyMatch(b -> b == Basis.OVERLAP);
        pairByEmbedding(old, now, pair, basis, score);
        List<BoxMapping> mappings;
        if (geometric) {
            mappings = List.of(best);
        } else {
            Optional<BoxMapping> fit = fitted(old, now, pair, basis, ow, oh);
            // nothing paired: every orientation change that fits the sizes stays possible (identity first)
            mappings = fit.map(List::of).orElseGet(() -> candidates(ow, oh, newWidth, newHeight));
        }
        return new Matching(pair, basis, score, mappings);
    }

    /**
     * Pairs boxes already in the faces' own image (no orientation change to find: face regions read from metadata,
     * mapped into Facet's space) with those faces, by the geometry step alone (bounding-box IoU at least
     * {@link #SAME_FACE_IOU}, greedy, one to one). Boxes carry no embedding, so neither pairing by embedding nor the
     * veto applies.
     *
     * @param boxes the boxes to place ("old" in the result), pixels after EXIF orientation
     * @param faces the image's faces ("new" in the result), same space
     */
    public Matching matchInPlace(List<Face> boxes, List<Face> faces, int width, int height) {
        BoxMapping identity = BoxMapping.identity(width, height);
        int[] pair = new int[boxes.size()];
        double[] score = new double[boxes.size()];
        pairByOverlap(identity, boxes, faces, pair, score);
        Basis[] basis = new Basis[boxes.size()];
        for (int o = 0; o < boxes.size(); o++) {
            basis[o] = pair[o] >= 0 ? Basis.OVERLAP : null;
        }
        return new Matching(pair, basis, score, List.of(identity));
    }

    /** The orientation changes (with a scale for a resize) that turn the old image's size into the new one's. */
    static List<BoxMapping> candidates(double ow, double oh, double nw, double nh) {
        List<BoxMapping> out = new ArrayList<>();
        for (Dihedral d : Dihedral.values()) {
            double tw = d.swapsSides() ? oh : ow, th = d.swapsSides() ? ow : oh;
            if (Math.abs(tw - nw) <= SIZE_SLACK_PX && Math.abs(th - nh) <= SIZE_SLACK_PX) {
                out.add(new BoxMapping(d, ow, oh, 1, 0, 0));
            } else if (Math.abs((tw / th) / (nw / nh) - 1) <= ASPECT_SLACK) {
                out.add(new BoxMapping(d, ow, oh, nw / tw, 0, 0));
            }
        }
        return out;
    }

    /** Greedy one-to-one pairing by IoU of the mapped old boxes. @return the total IoU of the pairs */
    private static double pairByOverlap(BoxMapping m, List<Face> old, List<Face> now, int[] pair, double[] score) {
        double[][] iou = new double[old.size()][now.size()];
        for (int o = 0; o < old.size(); o++) {
            BoundingBox mapped = m.map(old.get(o).box());
            for (int n = 0; n < now.size(); n++) {
                iou[o][n] = mapped.iou(now.get(n).box());
            }
        }
        return Greedy.assign(iou, SAME_FACE_IOU, pair, score);
    }

    private void pairByEmbedding(List<Face> old, List<Face> now, int[] pair, Basis[] basis, double[] score) {
        boolean[] newTaken = new boolean[now.size()];
        for (int p : pair) {
            if (p >= 0) {
                newTaken[p] = true;
            }
        }
        double[][] sim = new double[old.size()][now.size()];
        for (int o = 0; o < old.size(); o++) {
            for (int n = 0; n < now.size(); n++) {
                sim[o][n] = pair[o] >= 0 || newTaken[n] ? Double.NEGATIVE_INFINITY : similarity(old.get(o), now.get(n));
            }
        }
        int[] p = new int[old.size()];
        double[] s = new double[old.size()];
        Greedy.assign(sim, sameFace, p, s);
        for (int o = 0; o < old.size(); o++) {
            if (pair[o] < 0 && p[o] >= 0) {
                pair[o] = p[o];
                score[o] = s[o];
                basis[o] = Basis.EMBEDDING;
            }
        }
    }

    /** A scale and shift fitted to the embedding pairs (medians, so one odd pair does not move the rest). */
    private static Optional<BoxMapping> fitted(List<Face> old, List<Face> now, int[] pair, Basis[] basis, double ow, double oh) {
        List<Double> scales = new ArrayList<>();
        for (int o = 0; o < old.size(); o++) {
            if (basis[o] == Basis.EMBEDDING) {
                scales.add(now.get(pair[o]).box().w() / old.get(o).box().w());
            }
        }
        if (scales.isEmpty()) {
            return Optional.empty();
        }
        double scale = median(scales);
        List<Double> dxs = new ArrayList<>(), dys = new ArrayList<>();
        for (int o = 0; o < old.size(); o++) {
            if (basis[o] == Basis.EMBEDDING) {
                BoundingBox a = old.get(o).box(), b = now.get(pair[o]).box();
                dxs.add(b.x() + b.w() / 2 - (a.x() + a.w() / 2) * scale);
                dys.add(b.y() + b.h() / 2 - (a.y() + a.h() / 2) * scale);
            }
        }
        return Optional.of(new BoxMapping(Dihedral.IDENTITY, ow, oh, scale, median(dxs), median(dys)));
    }

    private boolean dissimilar(Face a, Face b) {
        double s = similarity(a, b);
        return s != Double.NEGATIVE_INFINITY && s < sameFace;
    }

    /** @return cosine similarity of two embeddings of one model, or -infinity when they cannot be compared */
    public static double similarity(Face a, Face b) {
        if (a.embedding() == null || b.embedding() == null || a.modelId() == null || !a.modelId().equals(b.modelId())
                || a.embedding().length != b.embedding().length) {
            return Double.NEGATIVE_INFINITY;
        }
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < a.embedding().length; i++) {
            dot += a.embedding()[i] * b.embedding()[i];
            na += a.embedding()[i] * a.embedding()[i];
            nb += b.embedding()[i] * b.embedding()[i];
        }
        return na == 0 || nb == 0 ? Double.NEGATIVE_INFINITY : dot / Math.sqrt(na * nb);
    }

    private static double median(List<Double> values) {
        List<Double> v = new ArrayList<>(values);
        v.sort(null);
        int n = v.size();
        return n % 2 == 1 ? v.get(n / 2) : (v.get(n / 2 - 1) + v.get(n / 2)) / 2;
    }
}
