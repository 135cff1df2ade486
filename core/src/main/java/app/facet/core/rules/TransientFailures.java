package app.facet.core.rules;

import java.util.Set;

/**
 * The one definition of which photo failures may heal without the file changing: the file was missing or unreadable
 * (an unplugged drive, a moved folder, an I/O error), or its crops could not be written (a full disk). The scan
 * retries them every run; the integrity check reports them. Other failures (corrupt, not an image, too large, a bad
 * file name) are permanent until the file changes.
 */
public final class TransientFailures {
    /** Reason codes: the part of {@code photos.failure_reason} before the first colon. */
    public static final Set<String> CODES = Set.of("unreadable", "crop_write_failed");

    private TransientFailures() {
    }

    /** @return the code of a stored failure reason ({@code "unreadable: The file ..."} gives {@code "unreadable"}) */
    public static String code(String failureReason) {
        int colon = failureReason.indexOf(':');
        return colon < 0 ? failureReason : failureReason.substring(0, colon);
    }

    /** @return whether a stored failure reason is transient */
    public static boolean isTransient(String failureReason) {
        return CODES.contains(code(failureReason));
    }
}
