package app.facet.core.scan;

import app.facet.core.rules.TransientFailures;

/**
 * Which failed photos a scan analyses again: a transient failure ({@link TransientFailures}) every run; a permanent
 * one (corrupt, not an image, too large) when the file's size or mtime changed, or on request
 * ({@code facet scan --retry-failed}).
 */
final class RetryRule {
    private RetryRule() {
    }

    /**
     * @param sameFileFacts the file's size and mtime are those stored when it failed
     * @param retryFailed   the user asked to retry every failed photo
     */
    static boolean retry(String failureReason, boolean sameFileFacts, boolean retryFailed) {
        return retryFailed || !sameFileFacts || TransientFailures.isTransient(failureReason);
    }
}
