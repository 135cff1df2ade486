package app.facet.core.integrity;

import java.util.List;

/**
 * The outcome of one integrity check.
 *
 * @param name         stable identifier (e.g. {@code face_image_path_is_crop}); used in JSON, CSV and by the repair
 * @param title        short human title
 * @param severity     how much a finding matters
 * @param count        number of offending rows (or files, triggers, messages); 0 when the check passed
 * @param samples      at most {@link #MAX_SAMPLES} offending rows, in id order where the check has one
 * @param suggestedFix one sentence telling the user what fixes it
 * @param repairable   true when {@code facet repair} fixes this check's findings by itself
 */
public record CheckResult(String name, String title, Severity severity, long count, List<Sample> samples,
                          String suggestedFix, boolean repairable) {
    public static final int MAX_SAMPLES = 20;

    public CheckResult {
        samples = List.copyOf(samples);
    }

    /** @return true when this check found something that is a problem (not only information) */
    public boolean isProblem() {
        return count > 0 && severity != Severity.INFO;
    }
}
