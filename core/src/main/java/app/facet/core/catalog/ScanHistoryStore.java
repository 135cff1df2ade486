package app.facet.core.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads {@code scan_runs}: the folders this library was scanned from. */
public final class ScanHistoryStore {
    private final Catalog catalog;

    public ScanHistoryStore(Catalog catalog) {
        this.catalog = catalog;
    }

    /**
     * @return distinct root folders (path text as scanned) of every non-dry-run scan, sorted; empty for a new library
     * @throws CatalogException on a database error
     */
    public List<String> roots() {
        String sql = "SELECT DISTINCT j.value FROM scan_runs s, json_each(s.roots) j WHERE s.dry_run = 0 ORDER BY j.value";
        try (Connection c = catalog.connect(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        } catch (SQLException e) {
            throw new CatalogException("Cannot read the scan history of " + catalog.location().catalogFile() + ": " + e.getMessage(), e);
        }
    }
}
