package app.facet.core.scan;

import java.nio.file.Path;

/** A scan of this library is already running; {@link #getMessage()} is one sentence naming it (pid, host, start time). */
public final class ScanAlreadyRunningException extends RuntimeException {
    ScanAlreadyRunningException(Path library, String holder) {
        super(describe(library, holder));
    }

    /** @param holder the lock file's content, {@code pid host start-time}, possibly empty while being written */
    private static String describe(Path library, String holder) {
        String[] f = holder.split(" ");
        if (f.length < 3) {
            return "Another scan of " + library + " is already running; wait for it to finish or stop it first.";
        }
        return "Another scan of " + library + " is already running (pid " + f[0] + " on host " + f[1] + ", started "
                + f[2] + "); wait for it to finish or stop it first.";
    }
}
