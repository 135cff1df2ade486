package app.facet.core.scan;

import java.util.Set;

/**
 * Which failed photos a scan analyses again. A transient failure (the file was missing or unreadable, an I/O error,
 * crops could not be written) may heal by itself: an unplugged drive comes back, a full disk is freed. A permanent one
 * (corrupt, not an image, too large) heals only when the file changes, seen as a new size or mtime, or on request
 * ({@code facet scan --retry-failed}).
 */
public final class RetryRule {
    /** Reason codes (the part of {@code photos.failure_reason} before the colon) that may heal without a file change. */
    public static final Set<String> TRANSIENT = Set.of("unreadable", "crop_write_failed");

    private RetryRule() {
    }

    /** @return the code of a stored failure reason ({@code "unreadable: The file ..."} gives {@code "unreadable"}) */
    public static String code(String failureReason) {
        int colon = failureReason.indexOf(':');
        return colon < 0 ? failureReason : failureReason.substring(0, colon);
    }

    /** @return whether a stored failure reason is transient */
    public static boolean isTransient(String failureReason) {
        return TRANSIENT.contains(code(failureReason));
    }

    /**
     * @param sameFileFacts the file's size and mtime are those stored when it failed
     * @param retryFailed   the user asked to retry every failed photo
     */
    static boolean retry(String failureReason, boolean sameFileFacts, boolean retryFailed) {
        return retryFailed || !sameFileFacts || isTransient(failureReason);
    }
}
