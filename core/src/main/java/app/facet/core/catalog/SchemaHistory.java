package app.facet.core.catalog;

import org.flywaydb.core.api.MigrationVersion;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The rows of a catalog's {@code flyway_schema_history} that carry a version, as read before Flyway starts.
 *
 * @param rows every versioned row: its version, Flyway's row type ({@code SQL}, {@code BASELINE}, {@code DELETE}, ...)
 *             and whether it succeeded
 */
record SchemaHistory(List<Row> rows) {
    /** One versioned history row. */
    record Row(MigrationVersion version, String type, boolean success) {
    }

    /** Reads the versioned rows through {@code c} (which may be read-only). */
    static SchemaHistory read(Connection c) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT version, type, success FROM flyway_schema_history WHERE version IS NOT NULL")) {
            while (rs.next()) {
                rows.add(new Row(MigrationVersion.fromVersion(rs.getString(1)), rs.getString(2), rs.getBoolean(3)));
            }
        }
        return new SchemaHistory(List.copyOf(rows));
    }

    /** The newest version in the history, successful or not (a failed newer migration is still a newer schema). */
    Optional<MigrationVersion> newest() {
        return rows.stream().map(Row::version).max(MigrationVersion::compareTo);
    }

    /**
     * Whether Flyway would find nothing to do: every row an applied SQL migration that succeeded, and their versions
     * exactly the shipped ones. Anything else (a failed or partial migration, a baseline, a row Flyway's repair wrote,
     * a missing or unknown version) is not current, so that Flyway looks at it and migrates, repairs or refuses as
     * it always did. Checksums are not compared: an applied script is never edited in this project.
     */
    boolean isCurrent(Set<MigrationVersion> shipped) {
        TreeSet<MigrationVersion> applied = new TreeSet<>();
        for (Row r : rows) {
            if (!r.success() || !"SQL".equals(r.type()) || !applied.add(r.version())) {
                return false;
            }
        }
        return applied.equals(shipped);
    }
}
