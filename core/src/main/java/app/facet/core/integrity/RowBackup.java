package app.facet.core.integrity;

/**
 * Identifier quoting the foreign-key check still uses for its own statements. The repair keeps removed rows through
 * {@link app.facet.core.catalog.RepairRowStore#removeKept} (integrity_removed_rows); this class goes once the check
 * side's SQL has moved into its stores.
 */
final class RowBackup {
    private RowBackup() {
    }

    /** An SQL identifier in double quotes (embedded quotes doubled). */
    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
