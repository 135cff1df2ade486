package app.facet.core.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Applies every {@link FaceRule} to one face row: the one verdict used by the scan's writer (refuses the row), the
 * post-write flagging (marks it invalid), the dashboard and the integrity check (report it).
 */
public final class FaceRowRules {
    /** Two faces of one photo whose boxes overlap above this intersection over union are one face found twice. */
    public static final double DUPLICATE_IOU = 0.5;

    private final ManagedFolder managed;
    private final Predicate<String> isSomeCropPath;

    /**
     * @param managed        the library's managed folder
     * @param isSomeCropPath answers whether a path is the crop_path of any face row (an indexed lookup in the catalog)
     */
    public FaceRowRules(ManagedFolder managed, Predicate<String> isSomeCropPath) {
        this.managed = Objects.requireNonNull(managed, "managed");
        this.isSomeCropPath = Objects.requireNonNull(isSomeCropPath, "isSomeCropPath");
    }

    /**
     * @param checkFiles whether to run the rules that look at the file system ({@link FaceRule#needsFiles()})
     * @return the violations in {@link FaceRule} order, empty when the row keeps every rule
     */
    public List<RuleViolation> check(FaceRowFacts f, boolean checkFiles) {
        List<RuleViolation> out = new ArrayList<>();
        for (FaceRule rule : FaceRule.values()) {
            if (rule.needsFiles() && !checkFiles) {
                continue;
            }
            String detail = rule.detail(f, managed, isSomeCropPath);
            if (detail != null) {
                out.add(new RuleViolation(rule, detail));
            }
        }
        return out;
    }

    /** @return every rule but the file-system ones and {@link FaceRule#EMBEDDING_NOT_NORMALISED} (what SQL can see) */
    public List<RuleViolation> checkRow(FaceRowFacts f) {
        return check(f, false).stream().filter(v -> v.rule() != FaceRule.EMBEDDING_NOT_NORMALISED).toList();
    }

    public ManagedFolder managed() {
        return managed;
    }

    /** @return whether an L2 norm counts as normalised: finite and within {@link FaceRule#NORM_TOLERANCE} of 1 */
    public static boolean isNormalised(double norm) {
        return Double.isFinite(norm) && Math.abs(norm - 1.0) <= FaceRule.NORM_TOLERANCE;
    }

    /** @return the L2 norm of {@code v}, accumulated in double */
    public static double norm(float[] v) {
        double s = 0;
        for (float x : v) {
            s += (double) x * x;
        }
        return Math.sqrt(s);
    }
}
