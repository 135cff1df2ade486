package app.facet.core.transfer;

import java.util.Locale;

/** File formats of an assignment export. */
public enum AssignmentFormat {
    CSV, JSON;

    /** @throws IllegalArgumentException for anything but "csv" or "json" (any case) */
    public static AssignmentFormat parse(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
    }
}
